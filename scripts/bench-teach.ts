// `npm run bench:teach`: the teacher pages' benchmark (issue: teachers, design.md §7).
//
// 1. Seeds .tmp/bench-teach/bench.db with BENCH_LEARNERS learners × BENCH_CARDS cards and one
//    review-log row per card (a seeded PRNG), like bench:practice.
// 2. Adds a teacher with a class of 200 of those learners, 20 question sets of 30 questions and 20
//    assignments (both goals).
// 3. Times, in process, the data work of the class page (its whole load), of an assignment page
//    (loadAssignmentDetail), of the class insight page (loadClassInsight, over the class's 100,000
//    reviews) and of "From your teacher" on /practice (listLearnerAssignments),
// 4. Times a teacher's CSV import of 500 own questions (the check and preview, then the
//    confirmation that saves them; each run a new teacher) and the re-import of the download,
//    prints p50/p95, the query plan of the progress query, and one JSON line.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { DAY_MS as DAY, learnerDay } from '../src/lib/domain/learner-day';
import { seededRandom } from '../src/lib/domain/random';
import { importContent } from '../src/lib/server/content/import';
import { loadContent } from '../src/lib/server/content/load';
import { openDatabase } from '../src/lib/server/db';
import { listLearnerAssignments, loadAssignmentDetail, loadClassProgress, progressQueries, sortByTask } from '../src/lib/server/teach/assignments';
import { listRoster } from '../src/lib/server/teach/classes';
import { listBuiltInSets, listOwnSets } from '../src/lib/server/teach/sets';
import { insightFilterSchema, loadClassInsight } from '../src/lib/server/teach/insight';
import { confirmImport, previewImport, writeOwnQuestionsCsv } from '../src/lib/server/teach/question-import';
import { writeCsv } from '../src/lib/domain/teach/csv';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const CARDS_PER_LEARNER = Number(process.env.BENCH_CARDS ?? 500);
const CLASS_SIZE = 200;
const ASSIGNMENTS = 20;
const SET_SIZE = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SEED = Number(process.env.BENCH_SEED ?? 20261130);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

const dir = resolve('.tmp', 'bench-teach');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const now = new Date();
// the users' default day model (user.timezone, user.day_starts_hour)
const day = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
const random = seededRandom(SEED);
const db = openDatabase(join(dir, 'bench.db'));
importContent(db, loadContent(), now);
const sqlite = db.$client;
sqlite.pragma('synchronous = OFF');
const questionIds = (sqlite.prepare('SELECT id FROM question WHERE retired_at IS NULL ORDER BY theme_slug, position').all() as { id: string }[]).map((row) => row.id);

const seedStarted = performance.now();
const insertUser = sqlite.prepare(`INSERT INTO user (id, username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, 'x', ?, ?)`);
const insertCard = sqlite.prepare(
	`INSERT INTO card (user_id, question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review,
	   last_rating, last_review_day)
	 VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, 2, ?, ?, ?)`
);
const insertLog = sqlite.prepare(
	`INSERT INTO review_log (user_id, question_id, mode, reviewed_at, chosen_option, shown_order, correct, guessed, response_ms, rating,
	  state_before, stability_before, difficulty_before, elapsed_days, predicted_recall, state_after, stability_after, difficulty_after,
	  due_after, desired_retention, scheduler_version, params_hash, timezone)
	 VALUES (?, ?, 'practice', ?, 0, '[0,1,2]', ?, 0, 3000, ?, 2, ?, 5, 1, 0.9, 2, ?, 5, ?, 0.9, 'bench', 'bench', 'Europe/Amsterdam')`
);
// Ids the routes accept (32 characters of a–z and 2–7); learners' ids are never in a URL here.
const taskId = (a: number) => `task${String.fromCharCode(97 + a)}`.padEnd(32, 'd');
for (let start = 0; start < LEARNERS; start += 200) {
	sqlite.transaction(() => {
		for (let u = start; u < Math.min(LEARNERS, start + 200); u++) {
			const userId = `bench-${u}`;
			insertUser.run(userId, `bench-${u}`, `bench-${u}`, 'learner', now.getTime());
			const offset = Math.floor(random() * questionIds.length);
			for (let c = 0; c < Math.min(CARDS_PER_LEARNER, questionIds.length); c++) {
				const questionId = questionIds[(offset + c) % questionIds.length]!;
				const stability = 0.5 + random() * 120;
				const scheduled = Math.max(1, Math.round(stability));
				const due = now.getTime() + Math.round((random() * 70 - 10) * DAY);
				const lastReview = due - scheduled * DAY;
				const correct = random() < 0.85 ? 1 : 0;
				insertCard.run(userId, questionId, due, stability, 5, scheduled, 3, lastReview, correct ? 3 : 1, learnerDay(new Date(lastReview), day));
				insertLog.run(userId, questionId, lastReview, correct, correct ? 3 : 1, stability * 0.8, stability, due);
			}
		}
	})();
}
const learnerIds = (sqlite.prepare(`SELECT id FROM user WHERE role = 'learner' ORDER BY id LIMIT ?`).all(CLASS_SIZE) as { id: string }[]).map((row) => row.id);
const teacherId = 'teacher'.padEnd(32, 'a');
const classId = 'class'.padEnd(32, 'b');
sqlite.transaction(() => {
	insertUser.run(teacherId, 'bench-teacher', 'bench-teacher', 'teacher', now.getTime());
	sqlite.prepare(`INSERT INTO school_class (id, owner_id, name, join_code, created_at) VALUES (?, ?, 'Bench', 'BBBBBBBB', ?)`).run(classId, teacherId, now.getTime());
	for (const learner of learnerIds) sqlite.prepare(`INSERT INTO class_member (class_id, user_id, joined_at) VALUES (?, ?, ?)`).run(classId, learner, now.getTime());
	for (let a = 0; a < ASSIGNMENTS; a++) {
		const setId = `set${a}`.padEnd(32, 'c');
		sqlite.prepare(`INSERT INTO question_set (id, title_en, title_nl, owner_id, created_at) VALUES (?, ?, ?, ?, ?)`).run(setId, `Set ${a}`, `Set ${a}`, teacherId, now.getTime());
		const offset = Math.floor(random() * questionIds.length);
		for (let q = 0; q < SET_SIZE; q++) {
			sqlite.prepare(`INSERT INTO question_set_item (set_id, question_id, position) VALUES (?, ?, ?)`).run(setId, questionIds[(offset + q * 7) % questionIds.length], q);
		}
		const due = new Date(now.getTime() + (10 + a * 5) * DAY).toISOString().slice(0, 10);
		sqlite
			.prepare(`INSERT INTO assignment (id, class_id, set_id, goal, opens_on, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
			.run(taskId(a), classId, setId, a % 2 === 0 ? 'know' : 'once', new Date(now.getTime() - DAY).toISOString().slice(0, 10), due, now.getTime());
	}
})();
sqlite.pragma('synchronous = NORMAL');
sqlite.exec('ANALYZE');
console.log(`Seeded ${LEARNERS} learners × ${CARDS_PER_LEARNER} cards, a class of ${learnerIds.length} with ${ASSIGNMENTS} tasks of ${SET_SIZE} in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s.`);

function time(runs: number, work: (i: number) => void) {
	const times: number[] = [];
	work(0); // warm the prepared statements and the page cache
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		work(i);
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), runs };
}

// The class page's load: progress, roster (with each learner's last active day), the sets for
// the task form, and the table sorted by a task.
const classPage = time(RUNS, (i) => {
	const progress = loadClassProgress(db, classId, now);
	sortByTask(listRoster(db, classId), progress, taskId(i % ASSIGNMENTS));
	listOwnSets(db, teacherId);
	listBuiltInSets(db);
});
const taskPage = time(RUNS, (i) => {
	if (!loadAssignmentDetail(db, teacherId, classId, taskId(i % ASSIGNMENTS), now)) throw new Error('task not found');
});
// The class insight page's load (100,000 reviews of the class's 200 learners): unfiltered, by a
// theme, and by a task, in turn.
const insightFilters = [{}, { theme: 'wonen', sort: 'learners' }, { task: taskId(1) }].map((input) => insightFilterSchema.parse(input));
const insightPage = time(RUNS, (i) => {
	if (loadClassInsight(db, classId, insightFilters[i % insightFilters.length]!, now, 'nl').learnerCount !== learnerIds.length) throw new Error('insight');
});
const learnerList = time(RUNS * 10, (i) => {
	if (listLearnerAssignments(db, learnerIds[i % learnerIds.length]!, now, day).length !== ASSIGNMENTS) throw new Error('tasks missing');
});
// A CSV file of IMPORT_ROWS own questions as a teacher writes it (Dutch only), then the download
// of them imported back (all unchanged). Each run is a new teacher: the questions count per teacher.
const IMPORT_ROWS = 500;
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
const importFile = new TextEncoder().encode(
	writeCsv([
		['Vraag (Nederlands)', 'Antwoord A (Nederlands)', 'Antwoord B (Nederlands)', 'Antwoord C (Nederlands)', 'Goed antwoord', 'Uitleg (Nederlands)', 'Eindterm'],
		...Array.from({ length: IMPORT_ROWS }, (_, n) => [
			`Waar meldt u probleem ${n + 1} in de straat?`,
			`Bij de gemeente, loket ${n + 1}`,
			`Bij de politie, bureau ${n + 1}`,
			`Bij de provincie, afdeling ${n + 1}`,
			'ABC'[n % 3]!,
			`Dit regelt de gemeente. Het is vraag ${n + 1}.`,
			'3.1'
		])
	])
);
const importTimes: { check: number[]; confirm: number[]; reimport: number[] } = { check: [], confirm: [], reimport: [] };
for (let run = 0; run < IMPORT_RUNS; run++) {
	const owner = `importer${run}`.padEnd(32, 'b');
	insertUser.run(owner, `bench-importer-${run}`, `bench-importer-${run}`, 'teacher', now.getTime());
	let started = performance.now();
	const preview = previewImport(db, owner, 'vragen.csv', importFile, 'nl', now);
	importTimes.check.push(performance.now() - started);
	if (!preview.ok || !preview.importId || preview.created !== IMPORT_ROWS) throw new Error(`import preview: ${JSON.stringify(preview).slice(0, 300)}`);
	started = performance.now();
	if (confirmImport(db, owner, preview.importId, now)?.created !== IMPORT_ROWS) throw new Error('import confirm');
	importTimes.confirm.push(performance.now() - started);
	const exported = new TextEncoder().encode(writeOwnQuestionsCsv(db, owner, 'nl'));
	started = performance.now();
	const again = previewImport(db, owner, 'mijn vragen.csv', exported, 'nl', now);
	importTimes.reimport.push(performance.now() - started);
	if (!again.ok || again.unchanged !== IMPORT_ROWS) throw new Error('re-import');
}
const summarize = (times: number[]) => {
	const sorted = [...times].sort((a, b) => a - b);
	return { p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), runs: sorted.length };
};
const csvImport = {
	rows: IMPORT_ROWS,
	check: summarize(importTimes.check),
	confirm: summarize(importTimes.confirm),
	total: summarize(importTimes.check.map((ms, i) => ms + importTimes.confirm[i]!)),
	reimportUnchanged: summarize(importTimes.reimport)
};

const explain = (query: ReturnType<typeof progressQueries.task>) =>
	db
		.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
		.map((row) => row.detail)
		.join(' | ');
const plans = {
	classTable: explain(progressQueries.classTable(classId, loadClassProgress(db, classId, now).assignments)),
	task: explain(progressQueries.task(taskId(0))),
	learner: explain(progressQueries.learner(learnerIds[0]!, [taskId(0), taskId(1)]))
};
console.log(`Class page, progress of ${learnerIds.length} learners × ${ASSIGNMENTS} tasks: p50 ${classPage.p50Ms} ms, p95 ${classPage.p95Ms} ms`);
console.log(`Task page (one task, per learner and per question): p50 ${taskPage.p50Ms} ms, p95 ${taskPage.p95Ms} ms`);
console.log(`Class insight (per question, learners × themes, eindterms, needs attention): p50 ${insightPage.p50Ms} ms, p95 ${insightPage.p95Ms} ms`);
console.log(`"From your teacher" for one learner (added to /practice and home): p50 ${learnerList.p50Ms} ms, p95 ${learnerList.p95Ms} ms`);
console.log(
	`CSV import of ${IMPORT_ROWS} own questions: check p50 ${csvImport.check.p50Ms} ms, save p50 ${csvImport.confirm.p50Ms} ms, together p95 ${csvImport.total.p95Ms} ms; the download imported back (all unchanged): p50 ${csvImport.reimportUnchanged.p50Ms} ms`
);
for (const [name, plan] of Object.entries(plans)) console.log(`Query plan (${name}): ${plan}`);
const report = {
	bench: 'teach',
	learners: LEARNERS,
	cardsPerLearner: CARDS_PER_LEARNER,
	classSize: learnerIds.length,
	tasks: ASSIGNMENTS,
	setSize: SET_SIZE,
	classPage,
	taskPage,
	insightPage,
	learnerList,
	csvImport,
	plans,
	budgets: { classPageP95Ms: 50, taskPageP95Ms: 50, insightPageP95Ms: 100, learnerListMs: 2, csvImport500Ms: 2000 },
	withinBudget: {
		classPage: classPage.p95Ms <= 50,
		taskPage: taskPage.p95Ms <= 50,
		insightPage: insightPage.p95Ms <= 100,
		learnerList: learnerList.p95Ms <= 2,
		csvImport: csvImport.total.p95Ms <= 2000
	}
};
console.log(JSON.stringify(report));
