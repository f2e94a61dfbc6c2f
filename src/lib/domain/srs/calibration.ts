/*
 * How well the scheduler's predictions match what learners did (srs.md §3). Each review log row
 * stores the recall FSRS predicted before the answer (`predicted_recall`), so scoring it against
 * the outcome is free of leaks. Only reviews at least one learner day after the previous one are
 * scored (same-day learning steps are not predictions of memory). Pure.
 *
 * The outcome is "remembered": the rating the scheduler received, Good (a right answer not marked
 * as a guess). Since a wrong memory can still give a right answer by guessing 1 in 3, the chance
 * of a right answer is also compared: predicted R + (1 − R)/3 against the share of right answers.
 */

export interface ScoredReview {
	predictedRecall: number;
	elapsedDays: number;
	/** rated Good (right and not marked as a guess) */
	remembered: boolean;
	correct: boolean;
}

export interface CalibrationBin {
	from: number;
	to: number;
	count: number;
	meanPredicted: number;
	observed: number;
}

export interface Calibration {
	count: number;
	logLoss: number;
	brier: number;
	/** RMSE between mean prediction and observed rate over the bins, weighted by count */
	rmseBins: number;
	/** the same for a constant prediction: the overall observed rate (the AVG baseline) */
	baseline: { logLoss: number; brier: number; rmseBins: number };
	bins: CalibrationBin[];
	/** the chance of a right answer: predicted mean of R + (1 − R)/3 against the observed share */
	rightAnswers: { predicted: number; observed: number };
}

const BINS = 10;
const EPSILON = 1e-6;

function logLoss(p: number, outcome: boolean): number {
	const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
	return -(outcome ? Math.log(q) : Math.log(1 - q));
}

/**
 * Accumulates reviews one at a time (a review log of millions of rows never sits in memory);
 * `result()` scores the reviews a day or more apart, or is null when there are none.
 */
export class Calibrator {
	private n = 0;
	private remembered = 0;
	private right = 0;
	private logLossSum = 0;
	private brierSum = 0;
	private predictedRightSum = 0;
	private readonly bins = Array.from({ length: BINS }, (_, i) => ({ from: i / BINS, to: (i + 1) / BINS, count: 0, sumPredicted: 0, sumObserved: 0 }));

	add(review: ScoredReview): void {
		if (review.elapsedDays < 1 || !Number.isFinite(review.predictedRecall)) return;
		const p = review.predictedRecall;
		this.n += 1;
		if (review.remembered) this.remembered += 1;
		if (review.correct) this.right += 1;
		this.logLossSum += logLoss(p, review.remembered);
		this.brierSum += (p - (review.remembered ? 1 : 0)) ** 2;
		this.predictedRightSum += p + (1 - p) / 3;
		const bin = this.bins[Math.min(BINS - 1, Math.max(0, Math.floor(p * BINS)))]!;
		bin.count += 1;
		bin.sumPredicted += p;
		bin.sumObserved += review.remembered ? 1 : 0;
	}

	result(): Calibration | null {
		const n = this.n;
		if (n === 0) return null;
		const rate = this.remembered / n;
		const bins = this.bins.map((bin) => ({
			from: bin.from,
			to: bin.to,
			count: bin.count,
			meanPredicted: bin.count ? bin.sumPredicted / bin.count : 0,
			observed: bin.count ? bin.sumObserved / bin.count : 0
		}));
		return {
			count: n,
			logLoss: this.logLossSum / n,
			brier: this.brierSum / n,
			rmseBins: Math.sqrt(bins.reduce((sum, bin) => sum + bin.count * (bin.meanPredicted - bin.observed) ** 2, 0) / n),
			// A constant prediction of the overall rate: one bin, exactly calibrated.
			baseline: {
				logLoss: (this.remembered * logLoss(rate, true) + (n - this.remembered) * logLoss(rate, false)) / n,
				brier: rate * (1 - rate),
				rmseBins: 0
			},
			bins,
			rightAnswers: { predicted: this.predictedRightSum / n, observed: this.right / n }
		};
	}
}

/** Scores the reviews at least one day apart; null when there are none. */
export function calibrate(reviews: Iterable<ScoredReview>): Calibration | null {
	const calibrator = new Calibrator();
	for (const review of reviews) calibrator.add(review);
	return calibrator.result();
}
