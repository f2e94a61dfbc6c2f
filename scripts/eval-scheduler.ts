// `npm run eval:scheduler [DATABASE_URL] [--save]`: how well the scheduler's stored predictions
// match what learners did (srs.md §3; src/lib/domain/srs/calibration.ts). Reads the review log of
// the given database, or DATABASE_URL, or data/knm-hub.db; works on the bench database too.
// Prints log loss, Brier score and RMSE over 10 recall bins against a constant (AVG) baseline,
// the calibration table, the share of right first answers that were lucky guesses (from the
// second answers), the real exam results learners told with the estimate made for that day, and
// one JSON line. With --save (the only write), the lucky-guess share is stored for readiness to
// use (table scheduler_calibration), when it rests on enough answers.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Calibrator, LuckyGuessEstimator, MIN_SECOND_ANSWERS } from '../src/lib/domain/srs/calibration';
import { LUCKY_GUESS_SHARE, recallIfGuessed } from '../src/lib/domain/srs/readiness';
import { resolveDatabasePath } from '../src/lib/server/db';

const args = process.argv.slice(2);
const save = args.includes('--save');
const path = resolveDatabasePath(args.find((arg) => arg !== '--save') ?? process.env.DATABASE_URL);
if (!existsSync(path)) {
	console.error(`No database at ${path}. Give its path: npm run eval:scheduler -- path/to/knm-hub.db`);
	process.exit(2);
}
const started = performance.now();
const db = new Database(path, { readonly: !save, fileMustExist: true });
const calibrator = new Calibrator();
const rows = db
	.prepare(`SELECT predicted_recall AS p, elapsed_days AS days, rating, correct FROM review_log WHERE predicted_recall IS NOT NULL`)
	.raw()
	.iterate() as IterableIterator<[number, number, number, number]>;
for (const [p, days, rating, correct] of rows) calibrator.add({ predictedRecall: p, elapsedDays: days, remembered: rating === 3, correct: correct === 1 });
// Second answers a day or more after a right first answer: how many first answers were guesses.
const lucky = new LuckyGuessEstimator();
const seconds = db
	.prepare(
		`SELECT predicted_recall, elapsed_days, correct FROM (
			SELECT predicted_recall, elapsed_days, correct,
				ROW_NUMBER() OVER w AS n, LAG(rating) OVER w AS first_rating
			FROM review_log WINDOW w AS (PARTITION BY user_id, question_id ORDER BY reviewed_at, id)
		) WHERE n = 2 AND first_rating = 3 AND predicted_recall IS NOT NULL`
	)
	.raw()
	.iterate() as IterableIterator<[number, number, number]>;
for (const [p, days, correct] of seconds) lucky.add({ predictedRecall: p, recallIfGuessed: recallIfGuessed(days), elapsedDays: days, correct: correct === 1 });
const luckyResult = lucky.result();
const saved = save && luckyResult !== null && luckyResult.answers >= MIN_SECOND_ANSWERS;
if (saved) {
	const values = { value: luckyResult.share, answers: luckyResult.answers, computed: Date.now() };
	db.prepare(
		`INSERT INTO scheduler_calibration (name, value, answers, computed_at) VALUES ('lucky_guess_share', @value, @answers, @computed)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, answers = excluded.answers, computed_at = excluded.computed_at`
	).run(values);
}
// What learners told about their real exam, beside the readiness estimate made for that day.
const outcomes = db
	.prepare(`SELECT result, COUNT(*) AS n, AVG(predicted_score) AS predicted FROM exam_outcome GROUP BY result ORDER BY result`)
	.all() as { result: string; n: number; predicted: number }[];
db.close();
const result = calibrator.result();
if (!result) {
	console.log(`${path}: no reviews a day or more after the one before; nothing to score yet.`);
	console.log(JSON.stringify({ eval: 'scheduler', database: path, count: 0, luckyGuess: luckyResult, luckyGuessSaved: saved, examOutcomes: outcomes }));
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
console.log(
	luckyResult === null
		? `\nLucky guesses: no second answers a day or more after a right first answer yet; readiness uses the prior ${f(LUCKY_GUESS_SHARE, 2)}.`
		: `\nLucky guesses: of the right first answers, about ${f(luckyResult.share, 3)} were guesses (from ${luckyResult.answers} second answers a day or more later; prior ${f(LUCKY_GUESS_SHARE, 2)}).` +
				(saved
					? ' Saved: readiness uses it from now on.'
					: luckyResult.answers < MIN_SECOND_ANSWERS
						? ` Fewer than ${MIN_SECOND_ANSWERS} answers: readiness keeps the prior.`
						: ' Run with --save to let readiness use it.')
);
if (outcomes.length > 0) {
	console.log('\nReal exams (told by learners, optional), with the mean expected share right estimated for that day:');
	for (const row of outcomes) console.log(`- ${row.result}: ${row.n} (estimate ${f(row.predicted, 3)})`);
}
console.log(JSON.stringify({ eval: 'scheduler', database: path, ...result, luckyGuess: luckyResult, luckyGuessSaved: saved, examOutcomes: outcomes, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) }));
