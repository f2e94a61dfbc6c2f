import { createEmptyCard, default_w, forgetting_curve, Rating } from 'ts-fsrs';
import type { Card } from 'ts-fsrs';
import { seededRandom } from '../random';
import { wholeDayEngine } from './scheduler';
import { capDueDay, DEFAULT_DAILY_CAP, finalSlotDay, isFinalWeek, newForToday, orderSweep, recallOnExamDay, retentionFor } from './exam-policy';

/*
 * A simulated learner preparing for the exam (`npm run sim:exam`, srs.md §6). Whole learner days;
 * the exam is on day `days`; answers on days 0 … days − 1 count.
 *
 * Memory: FSRS-6 with default parameters is the learner's true memory. Each question has two
 * cards: the scheduler's (it sees right and wrong) and the true one (it sees whether the learner
 * remembered). A question never seen is not known. When the learner does not remember, they guess
 * one of 3 options: right 1 time in 3, which the scheduler takes for knowing it.
 *
 * Policies:
 * - `fsrs`: plain FSRS at a desired retention (the knob); new questions at ceil(n / (0.6 · days))
 *   a day; no cap.
 * - `mock`: practice exams only (what peers offer): `knob` exams of 40 random questions a day
 *   (fractions spread over the days), each answer a review of the true memory.
 * - `exam`: the exam-date policy of exam-policy.ts, with the knob as the learner's target recall,
 *   under the daily cap.
 *
 * Score: the expected share right on an exam of the bank: for each question the true recall on the
 * exam day plus a third of the rest (a guess).
 *
 * Limits (printed by the script): FSRS is both the scheduler and the memory, which flatters FSRS
 * policies; no prior knowledge; all questions alike; the learner never skips a day; whole days
 * (the app also repeats a missed question after minutes).
 */

export type SimPolicy = 'fsrs' | 'mock' | 'exam';

export interface SimInput {
	policy: SimPolicy;
	/** desired retention (fsrs), practice exams a day (mock), or target recall (exam) */
	knob: number;
	/** questions in the bank */
	questions: number;
	/** days until the exam */
	days: number;
	seed: number;
	/** the exam policy's answers-a-day cap */
	dailyCap?: number;
}

export interface SimResult {
	answers: number;
	/** answers on each day, day 0 first */
	perDay: number[];
	/** expected exam score, 0–1 */
	score: number;
	busiestDay: number;
}

const DAY_MS = 86_400_000;
const EXAM_SIZE = 40;
const dateOf = (day: number) => new Date(day * DAY_MS + 12 * 3_600_000);
const dayOf = (date: Date) => Math.floor(date.getTime() / DAY_MS);

interface Question {
	key: string;
	scheduler: Card | null;
	truth: Card | null;
	/** the scheduler's due day */
	due: number;
	lastDay: number;
}

export function simulateLearner(input: SimInput): SimResult {
	const random = seededRandom(input.seed);
	const truthEngine = wholeDayEngine(0.9);
	const examDay = input.days;
	const cap = input.dailyCap ?? DEFAULT_DAILY_CAP;
	const questions: Question[] = Array.from({ length: input.questions }, (_, i) => ({ key: `q-${i}`, scheduler: null, truth: null, due: 0, lastDay: 0 }));
	let introduced = 0;
	let answers = 0;
	let busiestDay = 0;
	const perDay: number[] = [];

	const answer = (question: Question, day: number, retention: number): void => {
		const recall = question.truth ? forgetting_curve(default_w, day - question.lastDay, question.truth.stability) : 0;
		const remembered = random() < recall;
		const right = remembered || random() < 1 / 3;
		const at = dateOf(day);
		question.truth = truthEngine.next(question.truth ?? createEmptyCard(at), at, remembered ? Rating.Good : Rating.Again).card;
		const next = wholeDayEngine(retention).next(question.scheduler ?? createEmptyCard(at), at, right ? Rating.Good : Rating.Again).card;
		question.scheduler = next;
		question.lastDay = day;
		const proposed = Math.max(day + 1, dayOf(next.due));
		question.due =
			input.policy === 'exam'
				? capDueDay(day, proposed, finalSlotDay(question.key, examDay), recallOnExamDay(next.stability, day, examDay), input.knob)
				: proposed;
	};

	for (let day = 0; day < examDay; day++) {
		let today = 0;
		if (input.policy === 'mock') {
			const exams = Math.floor((day + 1) * input.knob) - Math.floor(day * input.knob);
			for (let e = 0; e < exams; e++) {
				for (let q = 0; q < EXAM_SIZE; q++) {
					const question = questions[Math.floor(random() * questions.length)]!;
					answer(question, day, 0.9);
					today += 1;
				}
			}
		} else {
			const retention = input.policy === 'exam' ? retentionFor(day, { examDay, targetRecall: input.knob }) : input.knob;
			const seen = questions.slice(0, introduced);
			const limit = input.policy === 'exam' ? cap : Number.POSITIVE_INFINITY;
			let work: Question[];
			if (input.policy === 'exam' && isFinalWeek(day, examDay)) {
				// The final week: what is due, and questions past their final slot that are still
				// below the target for the exam day, weakest first.
				work = orderSweep(
					seen
						.filter((question) => question.due <= day || finalSlotDay(question.key, examDay) <= day)
						.map((question) => ({ questionId: question.key, question, recall: recallOnExamDay(question.scheduler!.stability, question.lastDay, examDay) })),
					input.knob
				).map((entry) => entry.question);
				// what is due but already above the target comes after the sweep
				for (const question of seen) if (question.due <= day && !work.includes(question)) work.push(question);
			} else {
				work = seen.filter((question) => question.due <= day).sort((a, b) => a.due - b.due);
			}
			for (const question of work.slice(0, limit)) {
				answer(question, day, retention);
				today += 1;
			}
			const fresh =
				input.policy === 'exam'
					? newForToday(questions.length - introduced, day, examDay, today, cap)
					: Math.min(questions.length - introduced, Math.ceil(questions.length / (0.6 * examDay)));
			for (let n = 0; n < fresh; n++) {
				answer(questions[introduced]!, day, retention);
				introduced += 1;
				today += 1;
			}
		}
		answers += today;
		perDay.push(today);
		busiestDay = Math.max(busiestDay, today);
	}

	let score = 0;
	for (const question of questions) {
		const recall = question.truth ? forgetting_curve(default_w, examDay - question.lastDay, question.truth.stability) : 0;
		score += recall + (1 - recall) / 3;
	}
	return { answers, perDay, score: score / questions.length, busiestDay };
}

export interface KnobResult {
	knob: number;
	/** means over the seeds */
	answers: number;
	score: number;
	/** the busiest day of any seed */
	busiestDay: number;
}

/** A policy at each knob setting, averaged over the seeds. */
export function evaluatePolicy(policy: SimPolicy, knobs: readonly number[], base: Omit<SimInput, 'policy' | 'knob' | 'seed'>, seeds: readonly number[]): KnobResult[] {
	return knobs.map((knob) => {
		const runs = seeds.map((seed) => simulateLearner({ ...base, policy, knob, seed }));
		return {
			knob,
			answers: runs.reduce((sum, run) => sum + run.answers, 0) / runs.length,
			score: runs.reduce((sum, run) => sum + run.score, 0) / runs.length,
			busiestDay: Math.max(...runs.map((run) => run.busiestDay))
		};
	});
}

/**
 * "Answers needed" for a policy at its best: the cheapest knob setting whose mean score reaches
 * `target`; null when none does.
 */
export function pickCheapest(results: readonly KnobResult[], target: number): KnobResult | null {
	let best: KnobResult | null = null;
	for (const result of results) {
		if (result.score >= target && (best === null || result.answers < best.answers)) best = result;
	}
	return best;
}
