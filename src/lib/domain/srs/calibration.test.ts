import { default_w, forgetting_curve } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { calibrate, LuckyGuessEstimator } from './calibration';
import type { SecondAnswer } from './calibration';

const review = (predictedRecall: number, remembered: boolean, elapsedDays = 3, correct = remembered) => ({ predictedRecall, elapsedDays, remembered, correct });

describe('calibration of the stored predictions', () => {
	it('scores only reviews a day or more apart, with log loss, Brier and the AVG baseline', () => {
		const result = calibrate([review(0.9, true), review(0.9, false), review(0.5, true), review(0.5, true), review(0.2, false, 0)])!;
		expect(result.count).toBe(4);
		// log loss: -(ln 0.9 + ln 0.1 + 2 ln 0.5) / 4 = (0.10536 + 2.30259 + 1.38629) / 4
		expect(result.logLoss).toBeCloseTo(0.948559, 5);
		// Brier: (0.01 + 0.81 + 0.25 + 0.25) / 4
		expect(result.brier).toBeCloseTo(0.33, 9);
		// AVG baseline: 3 of 4 remembered, so 0.75 for all: -(3 ln 0.75 + ln 0.25) / 4
		expect(result.baseline.logLoss).toBeCloseTo(0.562335, 5);
		expect(result.baseline.brier).toBeCloseTo(0.1875, 9);
	});

	it('bins the predictions and compares each bin with what happened', () => {
		const result = calibrate([review(0.91, true), review(0.95, true), review(0.93, false), review(0.42, false), review(0.45, true)])!;
		const high = result.bins[9]!;
		expect(high).toMatchObject({ count: 3 });
		expect(high.meanPredicted).toBeCloseTo(0.93, 9);
		expect(high.observed).toBeCloseTo(2 / 3, 9);
		const middle = result.bins[4]!;
		expect(middle.count).toBe(2);
		expect(middle.observed).toBe(0.5);
		// RMSE over bins weighted by count: sqrt((3 · 0.26333² + 2 · 0.065²) / 5)
		expect(result.rmseBins).toBeCloseTo(Math.sqrt((3 * (0.93 - 2 / 3) ** 2 + 2 * (0.435 - 0.5) ** 2) / 5), 9);
		expect(result.bins.reduce((n, bin) => n + bin.count, 0)).toBe(5);
	});

	it('compares the chance of a right answer, guesses included, with the share of right answers', () => {
		// R 0.7: 0.7 + 0.3/3 = 0.8 predicted; a wrong memory answered right by a guess counts as right.
		const result = calibrate([review(0.7, true), review(0.7, false, 2, true), review(0.7, false, 2, false), review(0.7, true)])!;
		expect(result.rightAnswers.predicted).toBeCloseTo(0.8, 9);
		expect(result.rightAnswers.observed).toBe(0.75);
		expect(calibrate([review(0.5, true, 0)])).toBeNull();
	});
});

describe('the lucky-guess share from second answers', () => {
	/**
	 * Learners who knew a question beforehand with chance `prior`; a learner who did not guessed
	 * (right 1 in 3). The true share of guesses among right first answers is
	 * (1 − prior)/3 / (prior + (1 − prior)/3). Their second answers, 1–20 days later, follow the
	 * true memory: FSRS-6's stability after Good if they knew it, after Again if they guessed.
	 */
	function secondAnswers(prior: number, count: number, seed: number) {
		const random = seededRandom(seed);
		const answers: SecondAnswer[] = [];
		while (answers.length < count) {
			const knew = random() < prior;
			if (!knew && random() >= 1 / 3) continue; // a wrong first answer: not in the sample
			const days = 1 + Math.floor(random() * 20);
			const good = forgetting_curve(default_w, days, default_w[2]!);
			const again = forgetting_curve(default_w, days, default_w[0]!);
			const recall = knew ? good : again;
			const correct = random() < recall || random() < 1 / 3;
			answers.push({ predictedRecall: good, recallIfGuessed: again, elapsedDays: days, correct });
		}
		return answers;
	}

	it.each([
		[0.5, 0.25],
		[0.8, 0.2 / 3 / (0.8 + 0.2 / 3)],
		[0.2, 0.8 / 3 / (0.2 + 0.8 / 3)]
	])('with a prior of knowing %s, finds the true share %s', (prior, share) => {
		const estimator = new LuckyGuessEstimator();
		for (const answer of secondAnswers(prior, 20_000, 5)) estimator.add(answer);
		const result = estimator.result()!;
		expect(result.answers).toBe(20_000);
		expect(Math.abs(result.share - share)).toBeLessThan(0.03);
	});

	it('skips same-day answers and says nothing without data', () => {
		const estimator = new LuckyGuessEstimator();
		expect(estimator.result()).toBeNull();
		estimator.add({ predictedRecall: 0.9, recallIfGuessed: 0.5, elapsedDays: 0, correct: false });
		expect(estimator.result()).toBeNull();
	});
});
