// `npm run sim:exam`: how many answers each way of preparing needs to reach an expected exam score
// (issue: exam-date scheduling; srs.md §6). Seeded and reproducible. The exam-date policy is the one
// the server uses (src/lib/domain/srs/exam-policy.ts), run by src/lib/domain/srs/simulate-exam.ts.
//
// For exams 30, 60 and 90 days away over the real bank size, each policy is run at every setting
// of its knob (plain FSRS: desired retention 0.70–0.97; practice exams only: 0.25–4 exams a day;
// exam-date policy: the learner's target recall 0.80–0.97, the range the settings allow), averaged
// over SIM_SEEDS learners; "answers needed" is the cheapest setting whose mean score reaches the
// target. Prints a table and ends with one JSON line.
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/lib/server/content/load';
import { DEFAULT_DAILY_CAP } from '../src/lib/domain/srs/exam-policy';
import { evaluatePolicy, pickCheapest } from '../src/lib/domain/srs/simulate-exam';
import type { KnobResult, SimPolicy } from '../src/lib/domain/srs/simulate-exam';

const SEEDS = Array.from({ length: Number(process.env.SIM_SEEDS ?? 10) }, (_, i) => 1000 + i);
const DAYS = [30, 60, 90];
const TARGETS = [0.9, 0.95];
const steps = (from: number, to: number, step: number) => {
	const out: number[] = [];
	for (let x = from; x <= to + 1e-9; x += step) out.push(Math.round(x * 100) / 100);
	return out;
};
const KNOBS: Record<SimPolicy, number[]> = { fsrs: steps(0.7, 0.97, 0.01), mock: steps(0.25, 4, 0.25), exam: steps(0.8, 0.97, 0.01) };
const NAMES: Record<SimPolicy, string> = { fsrs: 'plain FSRS (best desired retention)', mock: 'practice exams only (40 random questions)', exam: 'exam-date policy (as in the app)' };

const questions = loadContent().questions.length;
const started = performance.now();
console.log(`Simulated learners preparing for the KNM exam: ${questions} questions, ${SEEDS.length} seeds, daily cap ${DEFAULT_DAILY_CAP} for the exam-date policy.`);
console.log('Answers needed for an expected exam score of 0.90 / 0.95 (busiest day; the setting that got there):\n');

const results = new Map<string, KnobResult[]>();
for (const days of DAYS) for (const policy of ['fsrs', 'mock', 'exam'] as const) results.set(`${policy} ${days}`, evaluatePolicy(policy, KNOBS[policy], { questions, days }, SEEDS));

const cell = (policy: SimPolicy, days: number, target: number) => {
	const best = pickCheapest(results.get(`${policy} ${days}`)!, target);
	return best ? `${Math.round(best.answers)} (${best.busiestDay}/day; ${best.knob})` : '– (not reached)';
};
const rows = [['policy', ...DAYS.map((days) => `${days} days: 0.90`), ...DAYS.map((days) => `${days} days: 0.95`)]];
for (const policy of ['fsrs', 'mock', 'exam'] as const) {
	rows.push([NAMES[policy], ...DAYS.map((days) => cell(policy, days, 0.9)), ...DAYS.map((days) => cell(policy, days, 0.95))]);
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const [index, row] of rows.entries()) {
	console.log(`| ${row.map((text, column) => text.padEnd(widths[column]!)).join(' | ')} |`);
	if (index === 0) console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
}

const at60 = (policy: SimPolicy, target: number) => pickCheapest(results.get(`${policy} 60`)!, target);
const plain = at60('fsrs', 0.9);
const mock = at60('mock', 0.9);
const exam = at60('exam', 0.9);
const reduction = (other: KnobResult | null) => (other && exam ? Number((1 - exam.answers / other.answers).toFixed(3)) : null);
const summary = {
	sim: 'exam',
	questions,
	seeds: SEEDS.length,
	targets: TARGETS,
	dailyCap: DEFAULT_DAILY_CAP,
	at60days090: {
		plainAnswers: plain && Math.round(plain.answers),
		plainRetention: plain?.knob ?? null,
		mockOnlyAnswers: mock && Math.round(mock.answers),
		mockExamsPerDay: mock?.knob ?? null,
		examPolicyAnswers: exam && Math.round(exam.answers),
		examPolicyTargetRecall: exam?.knob ?? null
	},
	reductionVsPlain: reduction(plain),
	reductionVsMockOnly: reduction(mock),
	maxAnswersPerDay: exam?.busiestDay ?? null,
	goalMet: (reduction(plain) ?? 0) >= 0.3 && (reduction(mock) ?? 0) >= 0.45 && (exam?.busiestDay ?? Infinity) <= 100,
	seconds: Number(((performance.now() - started) / 1000).toFixed(1))
};
console.log(`
Goal at 60 days for 0.90: at least 30% fewer answers than plain FSRS and 45% fewer than practice exams only, no day above 100.
Exam-date policy: ${summary.reductionVsPlain === null ? 'n/a' : `${Math.round(summary.reductionVsPlain * 100)}%`} fewer than plain FSRS, ${summary.reductionVsMockOnly === null ? 'n/a' : `${Math.round(summary.reductionVsMockOnly * 100)}%`} fewer than practice exams only, busiest day ${summary.maxAnswersPerDay}: ${summary.goalMet ? 'goal met' : 'goal NOT met'}.

Limits of this model: FSRS-6 with default parameters is both the scheduler and the simulated memory, which flatters every FSRS policy; the learner knows nothing at the start, all questions are alike, no day is skipped, and days are whole (the app also repeats a missed question after minutes). Real savings will be smaller.`);
console.log(JSON.stringify(summary));
