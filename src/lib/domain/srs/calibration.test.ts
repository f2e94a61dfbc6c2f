import { describe, expect, it } from 'vitest';
import { calibrate } from './calibration';

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
