import { and, asc, eq } from 'drizzle-orm';
import { createScheduler, SCHEDULER_VERSION } from '../../domain/srs/scheduler';
import type { BinaryRating, CardPhase, CardState, ReviewResult, Scheduler } from '../../domain/srs/scheduler';
import type { DayModel } from '../../domain/learner-day';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as t from '../db/schema';

/*
 * Reviews: the only writer of cards and of the review log. Every answer, from practice or from a
 * closed mock exam, is applied at the time it was given. An answer older than the card's last
 * review (a mock exam closed after later practice of the same question) is not applied on top:
 * the card is rebuilt by replaying its whole history in time order, so it is never rewound and
 * the scheduler never sees a negative gap.
 */

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Reader = Pick<Db, 'select'>;

/** The learner-day model of a learner (domain/learner-day.ts). */
export function dayModelOf(user: Pick<SessionUser, 'timezone' | 'dayStartsHour'>): DayModel {
	return { timeZone: user.timezone, dayStartsHour: user.dayStartsHour };
}

function rowToCard(row: t.CardRow): CardState {
	return {
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state as CardPhase,
		lastReview: row.lastReview
	};
}

export function loadCard(db: Reader, userId: string, questionId: string): CardState | null {
	const row = db
		.select()
		.from(t.card)
		.where(and(eq(t.card.userId, userId), eq(t.card.questionId, questionId)))
		.get();
	return row ? rowToCard(row) : null;
}

export function saveCard(db: Pick<Db, 'insert'>, userId: string, questionId: string, card: CardState): void {
	db.insert(t.card)
		.values({ userId, questionId, ...card })
		.onConflictDoUpdate({ target: [t.card.userId, t.card.questionId], set: card })
		.run();
}

/** Schedulers are immutable; one per desired retention saves rebuilding parameters per answer. */
const schedulers = new Map<number, Scheduler>();
export function schedulerFor(desiredRetention: number): Scheduler {
	let scheduler = schedulers.get(desiredRetention);
	if (!scheduler) {
		scheduler = createScheduler({ desiredRetention });
		schedulers.set(desiredRetention, scheduler);
	}
	return scheduler;
}

export interface ReviewInput {
	userId: string;
	questionId: string;
	questionVersion: number;
	mode: 'practice' | 'mistakes' | 'exam';
	/** when the answer was given */
	at: Date;
	correct: boolean;
	guessed: boolean;
	/** file-order index of the chosen option */
	chosenIndex: number;
	shownOrder: number[];
	responseMs: number | null;
	learner: Pick<SessionUser, 'desiredRetention' | 'timezone' | 'dayStartsHour'>;
}

/**
 * Schedules the card and appends the review-log row; call inside a transaction. Answers older than
 * the card's last review are replayed into its history (see above). The log row records what the
 * scheduler used for this answer: the state before, learner days elapsed, predicted recall.
 */
export function recordReview(tx: Tx, input: ReviewInput): ReviewResult {
	const scheduler = schedulerFor(input.learner.desiredRetention);
	const day = dayModelOf(input.learner);
	const before = loadCard(tx, input.userId, input.questionId);
	const answer = { correct: input.correct, guessed: input.guessed };
	let result: ReviewResult;
	if (before?.lastReview && input.at.getTime() < before.lastReview.getTime()) {
		result = replayWith(tx, scheduler, day, input, ratingOf(input));
	} else {
		result = scheduler.review(before, input.at, day, answer);
		saveCard(tx, input.userId, input.questionId, result.card);
	}
	tx.insert(t.schedulerParams).values({ hash: scheduler.paramsHash, params: scheduler.params }).onConflictDoNothing().run();
	tx.insert(t.reviewLog)
		.values({
			userId: input.userId,
			questionId: input.questionId,
			questionVersion: input.questionVersion,
			mode: input.mode,
			reviewedAt: input.at,
			chosenOption: input.chosenIndex,
			shownOrder: input.shownOrder,
			correct: input.correct,
			guessed: input.guessed,
			responseMs: input.responseMs,
			rating: result.rating,
			stateBefore: result.before.state,
			stabilityBefore: result.before.stability,
			difficultyBefore: result.before.difficulty,
			elapsedDays: result.before.elapsedDays,
			predictedRecall: result.before.predictedRecall,
			stateAfter: result.card.state,
			stabilityAfter: result.card.stability,
			difficultyAfter: result.card.difficulty,
			dueAfter: result.card.due,
			desiredRetention: scheduler.params.request_retention,
			schedulerVersion: SCHEDULER_VERSION,
			paramsHash: scheduler.paramsHash,
			timezone: input.learner.timezone
		})
		.run();
	return result;
}

function ratingOf(input: ReviewInput): BinaryRating {
	return input.correct && !input.guessed ? 3 : 1;
}

/**
 * Rebuilds the card from its logged history plus this late answer, in time order, and saves the
 * result. Returns the late answer's own step in that history (state before and after, elapsed
 * days, prediction), which is what its log row records.
 */
function replayWith(tx: Tx, scheduler: Scheduler, day: DayModel, input: ReviewInput, rating: BinaryRating): ReviewResult {
	const history = tx
		.select({ at: t.reviewLog.reviewedAt, rating: t.reviewLog.rating })
		.from(t.reviewLog)
		.where(and(eq(t.reviewLog.userId, input.userId), eq(t.reviewLog.questionId, input.questionId)))
		.orderBy(asc(t.reviewLog.reviewedAt), asc(t.reviewLog.id))
		.all()
		.map((row) => ({ at: row.at, rating: (row.rating === 3 ? 3 : 1) as BinaryRating, late: false }));
	// The late answer takes its place in time (after any logged answer of the very same instant).
	const late = { at: input.at, rating, late: true };
	const index = history.findIndex((entry) => entry.at.getTime() > input.at.getTime());
	const ordered = index < 0 ? [...history, late] : [...history.slice(0, index), late, ...history.slice(index)];
	const steps = scheduler.replay(ordered, day);
	const final = steps[steps.length - 1]!.card;
	saveCard(tx, input.userId, input.questionId, final);
	return steps[ordered.indexOf(late)]!;
}
