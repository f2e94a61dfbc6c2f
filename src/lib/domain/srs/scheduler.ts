import { FSRSVersion, Rating, State, fsrs, generatorParameters } from 'ts-fsrs';
import type { Card as FsrsCard, FSRSParameters } from 'ts-fsrs';
import { hashContent } from '../content/hash';

/**
 * The one place that knows ts-fsrs (FSRS-6, version pinned in package.json). The rest of the app
 * sees CardState and ReviewResult only. Multiple choice is graded binary: correct → Good,
 * wrong or "I guessed" → Again (srs.md §2).
 */

export const SCHEDULER_VERSION = FSRSVersion;
export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.8;
export const MAX_RETENTION = 0.97;
const DAY_MS = 86_400_000;

/** 0 new, 1 learning, 2 review, 3 relearning (the values of ts-fsrs State). */
export type CardPhase = 0 | 1 | 2 | 3;

export interface CardState {
	due: Date;
	stability: number;
	difficulty: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardPhase;
	lastReview: Date | null;
}

export interface Answer {
	correct: boolean;
	guessed: boolean;
}

export interface ReviewResult {
	card: CardState;
	rating: 1 | 3;
	/** what the log needs about the moment before the answer */
	before: {
		state: CardPhase;
		stability: number | null;
		difficulty: number | null;
		elapsedDays: number;
		predictedRecall: number | null;
	};
}

export interface SchedulerOptions {
	desiredRetention?: number;
	/** off by default so that schedules are reproducible; tests pin it off */
	enableFuzz?: boolean;
}

export function ratingFor(answer: Answer): 1 | 3 {
	return answer.correct && !answer.guessed ? Rating.Good : Rating.Again;
}

export function clampRetention(value: number): number {
	return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, value));
}

export interface Scheduler {
	readonly params: FSRSParameters;
	readonly paramsHash: string;
	review(card: CardState | null, now: Date, answer: Answer): ReviewResult;
	/** Probability of recall at `now` (FSRS retrievability); null for a card never answered. */
	retrievability(card: CardState | null, now: Date): number | null;
	/** Apply a rating directly (for conformance tests against the reference vectors). */
	applyRating(card: CardState | null, now: Date, rating: 1 | 2 | 3 | 4): CardState;
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
	const params = generatorParameters({
		request_retention: clampRetention(options.desiredRetention ?? DEFAULT_RETENTION),
		enable_fuzz: options.enableFuzz ?? false,
		enable_short_term: true
	});
	const engine = fsrs(params);
	const paramsHash = hashContent(params).slice(0, 16);

	const applyRating = (card: CardState | null, now: Date, rating: 1 | 2 | 3 | 4): CardState =>
		fromFsrsCard(engine.next(toFsrsCard(card, now), now, rating).card);

	const retrievability = (card: CardState | null, now: Date): number | null =>
		card === null || card.state === State.New ? null : engine.get_retrievability(toFsrsCard(card, now), now, false);

	return {
		params,
		paramsHash,
		applyRating,
		retrievability,
		review(card, now, answer) {
			const rating = ratingFor(answer);
			return {
				card: applyRating(card, now, rating),
				rating,
				before: {
					state: card?.state ?? 0,
					stability: card && card.state !== State.New ? card.stability : null,
					difficulty: card && card.state !== State.New ? card.difficulty : null,
					elapsedDays: elapsedDays(card, now),
					predictedRecall: retrievability(card, now)
				}
			};
		}
	};
}

/** Whole days since the last review, as ts-fsrs counts them (floor of the difference). */
export function elapsedDays(card: CardState | null, now: Date): number {
	if (!card?.lastReview) return 0;
	return Math.max(0, Math.floor((now.getTime() - card.lastReview.getTime()) / DAY_MS));
}

function toFsrsCard(card: CardState | null, now: Date): FsrsCard {
	if (card === null) {
		return {
			due: now,
			stability: 0,
			difficulty: 0,
			elapsed_days: 0,
			scheduled_days: 0,
			learning_steps: 0,
			reps: 0,
			lapses: 0,
			state: State.New
		};
	}
	return {
		due: card.due,
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: elapsedDays(card, now),
		scheduled_days: card.scheduledDays,
		learning_steps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		...(card.lastReview ? { last_review: card.lastReview } : {})
	};
}

function fromFsrsCard(card: FsrsCard): CardState {
	return {
		due: new Date(card.due),
		stability: card.stability,
		difficulty: card.difficulty,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as CardPhase,
		lastReview: card.last_review ? new Date(card.last_review) : null
	};
}
