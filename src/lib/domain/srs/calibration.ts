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

/**
 * The lucky-guess share (srs.md §6, readiness.ts): of the questions whose first answer was right,
 * the share that was a guess. Such a question's second answer, `t` days later, is right with
 * chance (1 − g) · c(R_good) + g · c(R_again), where R_good is the recall FSRS predicted (it took
 * the first answer for knowing), R_again the recall after a wrong first answer (FSRS-6's initial
 * stability for Again) and c(R) = R + (1 − R)/3 the chance of a right answer. Solving the sums for
 * g (method of moments) over every such second answer a day or more later gives the estimate,
 * kept within 0–1.
 */
/**
 * Fewer second answers than this say too little: readiness keeps its prior. FSRS-6's forgetting
 * curve is flat, so the recall after Good and after Again differ by only about 0.2 in the first
 * weeks; with 2,000 answers the share is known to about ±0.05 (one standard deviation).
 */
export const MIN_SECOND_ANSWERS = 2000;

export interface SecondAnswer {
	/** FSRS's predicted recall before the second answer (after a right first answer) */
	predictedRecall: number;
	/** the recall the same days after a wrong first answer */
	recallIfGuessed: number;
	elapsedDays: number;
	correct: boolean;
}

export class LuckyGuessEstimator {
	private n = 0;
	private gap = 0;
	private shortfall = 0;

	add(answer: SecondAnswer): void {
		if (answer.elapsedDays < 1 || !Number.isFinite(answer.predictedRecall)) return;
		const chance = (recall: number) => recall + (1 - recall) / 3;
		this.n += 1;
		this.gap += chance(answer.predictedRecall) - chance(answer.recallIfGuessed);
		this.shortfall += chance(answer.predictedRecall) - (answer.correct ? 1 : 0);
	}

	/** null without second answers to go by (or when the two recalls cannot be told apart) */
	result(): { share: number; answers: number } | null {
		if (this.n === 0 || this.gap <= 0) return null;
		return { share: Math.min(1, Math.max(0, this.shortfall / this.gap)), answers: this.n };
	}
}
