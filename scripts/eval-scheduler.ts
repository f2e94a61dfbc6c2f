// `npm run eval:scheduler [DATABASE_URL]`: how well the scheduler's stored predictions match what
// learners did (srs.md §3; src/lib/domain/srs/calibration.ts). Reads the review log (read-only)
// of the given database, or DATABASE_URL, or data/knm-hub.db; works on the bench database too.
// Prints log loss, Brier score and RMSE over 10 recall bins against a constant (AVG) baseline,
// the calibration table, the real exam results learners told with the estimate made for that
// day, and one JSON line.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Calibrator } from '../src/lib/domain/srs/calibration';
import { resolveDatabasePath } from '../src/lib/server/db';

const path = resolveDatabasePath(process.argv[2] ?? process.env.DATABASE_URL);
if (!existsSync(path)) {
	console.error(`No database at ${path}. Give its path: npm run eval:scheduler -- path/to/knm-hub.db`);
	process.exit(2);
}
const started = performance.now();
const db = new Database(path, { readonly: true, fileMustExist: true });
const calibrator = new Calibrator();
const rows = db
	.prepare(`SELECT predicted_recall AS p, elapsed_days AS days, rating, correct FROM review_log WHERE predicted_recall IS NOT NULL`)
	.raw()
	.iterate() as IterableIterator<[number, number, number, number]>;
for (const [p, days, rating, correct] of rows) calibrator.add({ predictedRecall: p, elapsedDays: days, remembered: rating === 3, correct: correct === 1 });
// What learners told about their real exam, beside the readiness estimate made for that day.
const outcomes = db
	.prepare(`SELECT result, COUNT(*) AS n, AVG(predicted_score) AS predicted FROM exam_outcome GROUP BY result ORDER BY result`)
	.all() as { result: string; n: number; predicted: number }[];
db.close();
const result = calibrator.result();
if (!result) {
	console.log(`${path}: no reviews a day or more after the one before; nothing to score yet.`);
	console.log(JSON.stringify({ eval: 'scheduler', database: path, count: 0, examOutcomes: outcomes }));
	process.exit(0);
}
const f = (value: number, digits = 4) => value.toFixed(digits);
console.log(`Scheduler calibration on ${path}: ${result.count} reviews a day or more apart (outcome: rated Good, i.e. right and not marked as a guess).\n`);
console.log(`| metric | FSRS prediction | constant (AVG) |\n|---|---|---|`);
console.log(`| log loss | ${f(result.logLoss)} | ${f(result.baseline.logLoss)} |`);
console.log(`| Brier score | ${f(result.brier)} | ${f(result.baseline.brier)} |`);
console.log(`| RMSE (10 bins) | ${f(result.rmseBins)} | ${f(result.baseline.rmseBins)} (a constant is one bin, calibrated by definition; compare log loss) |\n`);
console.log(`| predicted recall | reviews | mean predicted | observed |\n|---|---|---|---|`);
for (const bin of result.bins) {
	if (bin.count > 0) console.log(`| ${f(bin.from, 1)}–${f(bin.to, 1)} | ${bin.count} | ${f(bin.meanPredicted, 3)} | ${f(bin.observed, 3)} |`);
}
console.log(
	`\nRight answers, guesses included: predicted ${f(result.rightAnswers.predicted, 3)} (R + (1 − R)/3), observed ${f(result.rightAnswers.observed, 3)}.` +
		` Lower log loss than the constant means the predictions carry information.`
);
if (outcomes.length > 0) {
	console.log('\nReal exams (told by learners, optional), with the mean expected share right estimated for that day:');
	for (const row of outcomes) console.log(`- ${row.result}: ${row.n} (estimate ${f(row.predicted, 3)})`);
}
console.log(JSON.stringify({ eval: 'scheduler', database: path, ...result, examOutcomes: outcomes, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
