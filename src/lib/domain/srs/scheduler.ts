import { FSRSVersion, Rating, State, default_w, forgetting_curve, fsrs, generatorParameters } from 'ts-fsrs';
import type { Card as FsrsCard, FSRS, FSRSParameters } from 'ts-fsrs';
import { hashContent } from '../content/hash';
import { learnerDay, schedulerInstant, startOfLearnerDay } from '../learner-day';
import type { DayModel } from '../learner-day';

/**
 * The one place that knows ts-fsrs (FSRS-6, version pinned in package.json). The rest of the app
 * sees CardState and ReviewResult only. Multiple choice is graded binary: correct → Good,
 * wrong or "I guessed" → Again (srs.md §2).
 *
 * Time: ts-fsrs 5.4.2 counts elapsed days as differences of UTC calendar dates. It is handed
 * `schedulerInstant`s, whose UTC date is the learner day (domain/learner-day.ts), so every day it
 * counts is a learner day. Cards in review come due at the start of a learner day; learning-step
 * cards keep exact times (now + 1 or 10 minutes).
 */

export const SCHEDULER_VERSION = FSRSVersion;
export const DEFAULT_RETENTION = 0.9;
/**
 * The scheduler's range: from the exam-date policy's lowest learning level (exam-policy.ts) to the
 * settings' top. A learner's own setting is 0.80–0.97 (accounts.ts).
 */
export const MIN_RETENTION = 0.6;
export const MAX_RETENTION = 0.97;

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

export type BinaryRating = 1 | 3;

export interface ReviewResult {
	card: CardState;
	rating: BinaryRating;
	/** what the scheduler used about the moment before the answer (the log stores it) */
	before: {
		state: CardPhase;
		stability: number | null;
		difficulty: number | null;
		/** learner days since the previous review */
		elapsedDays: number;
		/** the retrievability FSRS used for this answer; null for a first answer */
		predictedRecall: number | null;
	};
}

/** A review earlier than the card's last review: replay the history instead (see replay). */
export class OutOfOrderReviewError extends Error {
	constructor() {
		super('A review cannot be applied before the card’s last review; replay the history in order.');
	}
}

export interface SchedulerOptions {
	desiredRetention?: number;
	/** off by default so that schedules are reproducible; tests pin it off */
	enableFuzz?: boolean;
}

export function ratingFor(answer: Answer): BinaryRating {
	return answer.correct && !answer.guessed ? Rating.Good : Rating.Again;
}

/**
 * FSRS-6's predicted recall of a card at `at`, counting whole learner days since its last review
 * (the same count the scheduler uses); null for a card never reviewed. The forgetting curve
 * depends on the default parameters only, not on the desired retention.
 */
export function recallOn(card: Pick<CardState, 'stability' | 'lastReview' | 'state'> | null, at: Date, day: DayModel): number | null {
	if (!card?.lastReview || card.state === State.New) return null;
	const elapsed = Math.max(0, learnerDay(at, day) - learnerDay(card.lastReview, day));
	return forgetting_curve(default_w, elapsed, card.stability);
}

export function clampRetention(value: number): number {
	return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, value));
}

export interface Scheduler {
	readonly params: FSRSParameters;
	readonly paramsHash: string;
	/** Applies one answer at `at`. Throws OutOfOrderReviewError when `at` is before the last review. */
	review(card: CardState | null, at: Date, day: DayModel, answer: Answer): ReviewResult;
	/** Applies one rating at `at` (as review; replays use the logged rating). */
	rate(card: CardState | null, at: Date, day: DayModel, rating: BinaryRating): ReviewResult;
	/**
	 * Rebuilds a card from its whole history in time order (ties keep their given order), so a
	 * review that arrives late (a mock exam closed after later practice) takes its place in time
	 * instead of rewinding the card. Returns the result of every step.
	 */
	replay(history: readonly { at: Date; rating: BinaryRating }[], day: DayModel): ReviewResult[];
}

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
	const params = generatorParameters({
		request_retention: clampRetention(options.desiredRetention ?? DEFAULT_RETENTION),
		enable_fuzz: options.enableFuzz ?? false,
		enable_short_term: true
	});
	const engine = fsrs(params);
	const paramsHash = hashContent(params).slice(0, 16);

	const elapsed = (card: CardState | null, at: Date, day: DayModel): number =>
		card?.lastReview && card.state !== State.New ? learnerDay(at, day) - learnerDay(card.lastReview, day) : 0;

	/** Probability of recall at `at` (learner days since the last review); null for a new card. */
	const retrievability = (card: CardState | null, at: Date, day: DayModel): number | null =>
		card === null || card.state === State.New ? null : engine.forgetting_curve(Math.max(0, elapsed(card, at, day)), card.stability);

	const rate = (card: CardState | null, at: Date, day: DayModel, rating: BinaryRating): ReviewResult => {
		if (card?.lastReview && at.getTime() < card.lastReview.getTime()) throw new OutOfOrderReviewError();
		const virtualNow = schedulerInstant(at, day);
		const next = engine.next(toFsrsCard(card, virtualNow, day), virtualNow, rating).card;
		const state = next.state as CardPhase;
		// Review cards are due from the start of a learner day; learning steps keep exact minutes.
		const due =
			state === State.Review && next.scheduled_days >= 1
				? startOfLearnerDay(learnerDay(at, day) + next.scheduled_days, day)
				: new Date(at.getTime() + (next.due.getTime() - virtualNow.getTime()));
		return {
			card: {
				due,
				stability: next.stability,
				difficulty: next.difficulty,
				scheduledDays: next.scheduled_days,
				learningSteps: next.learning_steps,
				reps: next.reps,
				lapses: next.lapses,
				state,
				lastReview: at
			},
			rating,
			before: {
				state: card?.state ?? 0,
				stability: card && card.state !== State.New ? card.stability : null,
				difficulty: card && card.state !== State.New ? card.difficulty : null,
				elapsedDays: elapsed(card, at, day),
				predictedRecall: retrievability(card, at, day)
			}
		};
	};

	return {
		params,
		paramsHash,
		rate,
		review: (card, at, day, answer) => rate(card, at, day, ratingFor(answer)),
		replay: (history, day) => replayInOrder(history, (card, entry) => rate(card, entry.at, day, entry.rating))
	};
}

/**
 * Rebuilds a card from a history in time order (ties keep their given order), each answer through
 * `step` (a fixed scheduler's `rate`, or a policy that picks the scheduler per answer). Returns
 * the result of every step.
 */
export function replayInOrder<R extends { card: CardState }>(
	history: readonly { at: Date; rating: BinaryRating }[],
	step: (card: CardState | null, entry: { at: Date; rating: BinaryRating }) => R
): R[] {
	const ordered = history
		.map((entry, index) => ({ entry, index }))
		.sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index);
	const results: R[] = [];
	let card: CardState | null = null;
	for (const { entry } of ordered) {
		const result = step(card, entry);
		results.push(result);
		card = result.card;
	}
	return results;
}

/** The card as ts-fsrs wants it, with its times moved onto the scheduler's learner-day clock. */
function toFsrsCard(card: CardState | null, virtualNow: Date, day: DayModel): FsrsCard {
	if (card === null) {
		return {
			due: virtualNow,
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
		due: schedulerInstant(card.due, day),
		stability: card.stability,
		difficulty: card.difficulty,
		// deprecated in ts-fsrs 5 and not read by it (it counts from last_review)
		elapsed_days: 0,
		scheduled_days: card.scheduledDays,
		learning_steps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state,
		...(card.lastReview ? { last_review: schedulerInstant(card.lastReview, day) } : {})
	};
}

const wholeDayEngines = new Map<number, FSRS>();
/**
 * A ts-fsrs engine in whole days (no short-term steps) and without fuzz, one per desired
 * retention: for day-by-day models of a learner (`npm run sim:exam`, the plan ahead), not for the
 * answer path.
 */
export function wholeDayEngine(retention: number): FSRS {
	let engine = wholeDayEngines.get(retention);
	if (!engine) {
		engine = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false, enable_short_term: false }));
		wholeDayEngines.set(retention, engine);
	}
	return engine;
}
