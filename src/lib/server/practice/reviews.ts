import { and, asc, eq, sql } from 'drizzle-orm';
import { createScheduler, replayInOrder, SCHEDULER_VERSION } from '../../domain/srs/scheduler';
import type { BinaryRating, CardPhase, CardState, ReviewResult, Scheduler } from '../../domain/srs/scheduler';
import { learnerDay, learnerDayOfKey } from '../../domain/learner-day';
import { capCard, choosePolicy, retentionFor } from '../../domain/srs/exam-policy';
import type { ExamPlan, PolicyName } from '../../domain/srs/exam-policy';
import type { DayModel } from '../../domain/learner-day';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as t from '../db/schema';
import { prepared } from '../db/prepared';

/*
 * Reviews: the only writer of cards and of the review log. Every answer, from practice or from a
 * closed mock exam, is applied at the time it was given. An answer older than the card's last
 * review (a mock exam closed after later practice of the same question) is not applied on top:
 * the card is rebuilt by replaying its whole history in time order, so it is never rewound and
 * the scheduler never sees a negative gap.
 */

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

export function loadCard(db: Db, userId: string, questionId: string): CardState | null {
	const row = prepared(db, 'card.load', () =>
		db
			.select()
			.from(t.card)
			.where(and(eq(t.card.userId, sql.placeholder('userId')), eq(t.card.questionId, sql.placeholder('questionId'))))
			.prepare()
	).get({ userId, questionId });
	return row ? rowToCard(row) : null;
}

/**
 * Saves the card after an answer. Besides the scheduler's state it keeps the newest answer's
 * rating and learner day, so a teacher's progress counts ("known by the due date") are one grouped
 * query over cards instead of a look-up of the newest log row per question.
 */
export function saveCard(db: Db, userId: string, questionId: string, card: CardState, rating: BinaryRating, day: DayModel): void {
	const insert = prepared(db, 'card.save', () =>
		db.$client.prepare(
			`INSERT INTO card (user_id, question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review,
				last_rating, last_review_day)
			VALUES (@userId, @questionId, @due, @stability, @difficulty, @scheduledDays, @learningSteps, @reps, @lapses, @state, @lastReview,
				@lastRating, @lastReviewDay)
			ON CONFLICT (user_id, question_id) DO UPDATE SET due = excluded.due, stability = excluded.stability,
				difficulty = excluded.difficulty, scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps,
				reps = excluded.reps, lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review,
				last_rating = excluded.last_rating, last_review_day = excluded.last_review_day`
		)
	);
	insert.run({
		userId,
		questionId,
		...card,
		due: card.due.getTime(),
		lastReview: card.lastReview?.getTime() ?? null,
		lastRating: rating,
		lastReviewDay: card.lastReview ? learnerDay(card.lastReview, day) : null
	});
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
	learner: Learner;
}

/** What scheduling needs of a learner; without an exam date (or after it), plain FSRS. */
type Learner = Pick<SessionUser, 'desiredRetention' | 'timezone' | 'dayStartsHour'> & { examDate?: string | null };

interface PolicyStep extends ReviewResult {
	policy: PolicyName;
	retention: number;
}

/**
 * The learner's exam plan at `at` when the exam-date policy applies (an exam date, and `at` is
 * before that learner day); null for plain FSRS. The target is their desired retention.
 */
export function activeExamPlan(learner: Learner, at: Date): (ExamPlan & { today: number }) | null {
	if (!learner.examDate) return null;
	const examDay = learnerDayOfKey(learner.examDate);
	const today = learnerDay(at, dayModelOf(learner));
	return choosePolicy(today, examDay) === 'exam' ? { examDay, targetRecall: learner.desiredRetention, today } : null;
}

/**
 * One answer through the learner's policy (domain/srs/exam-policy.ts): before their exam day, the
 * exam-date policy's retention for that day and its cap on the interval; otherwise plain FSRS at
 * their desired retention.
 */
function scheduleStep(card: CardState | null, at: Date, day: DayModel, rating: BinaryRating, learner: Learner, questionId: string): PolicyStep {
	const plan = activeExamPlan(learner, at);
	if (!plan) {
		return { ...schedulerFor(learner.desiredRetention).rate(card, at, day, rating), policy: 'fsrs', retention: learner.desiredRetention };
	}
	const retention = retentionFor(plan.today, plan);
	const result = schedulerFor(retention).rate(card, at, day, rating);
	return { ...result, card: capCard(result.card, at, day, plan, questionId), policy: 'exam', retention };
}

/** Rebuilds a card from its history in time order, each answer through the learner's policy. */
function replayHistory(history: readonly { at: Date; rating: BinaryRating }[], day: DayModel, learner: Learner, questionId: string): PolicyStep[] {
	return replayInOrder(history, (card, entry) => scheduleStep(card, entry.at, day, entry.rating, learner, questionId));
}

/**
 * Schedules the card and appends the review-log row; call inside a transaction on `db` (one
 * connection: the prepared statements run in it). Answers older than
 * the card's last review are replayed into its history (see above). The log row records what the
 * scheduler used for this answer: the state before, learner days elapsed, predicted recall.
 */
export function recordReview(db: Db, input: ReviewInput): ReviewResult & { logId: number } {
	const day = dayModelOf(input.learner);
	const before = loadCard(db, input.userId, input.questionId);
	let result: PolicyStep;
	if (before?.lastReview && input.at.getTime() < before.lastReview.getTime()) {
		result = replayWith(db, day, input, ratingOf(input));
	} else {
		result = scheduleStep(before, input.at, day, ratingOf(input), input.learner, input.questionId);
		saveCard(db, input.userId, input.questionId, result.card, result.rating, day);
	}
	const scheduler = schedulerFor(result.retention);
	prepared(db, 'params.store', () =>
		db.$client.prepare('INSERT INTO scheduler_params (hash, params) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING')
	).run(scheduler.paramsHash, JSON.stringify(scheduler.params));
	const inserted = prepared(db, 'review.log', () =>
		db.$client.prepare(
			`INSERT INTO review_log (user_id, question_id, question_version, mode, reviewed_at, chosen_option, shown_order, correct,
				guessed, response_ms, rating, state_before, stability_before, difficulty_before, elapsed_days, predicted_recall,
				state_after, stability_after, difficulty_after, due_after, desired_retention, scheduler_version, params_hash, timezone, policy)
			VALUES (@userId, @questionId, @questionVersion, @mode, @reviewedAt, @chosenOption, @shownOrder, @correct,
				@guessed, @responseMs, @rating, @stateBefore, @stabilityBefore, @difficultyBefore, @elapsedDays, @predictedRecall,
				@stateAfter, @stabilityAfter, @difficultyAfter, @dueAfter, @desiredRetention, @schedulerVersion, @paramsHash, @timezone, @policy)`
		)
	).run({
		userId: input.userId,
		questionId: input.questionId,
		questionVersion: input.questionVersion,
		mode: input.mode,
		reviewedAt: input.at.getTime(),
		chosenOption: input.chosenIndex,
		shownOrder: JSON.stringify(input.shownOrder),
		correct: input.correct ? 1 : 0,
		guessed: input.guessed ? 1 : 0,
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
		dueAfter: result.card.due.getTime(),
		desiredRetention: scheduler.params.request_retention,
		schedulerVersion: SCHEDULER_VERSION,
		paramsHash: scheduler.paramsHash,
		timezone: input.learner.timezone,
		policy: result.policy
	});
	return { ...result, logId: Number(inserted.lastInsertRowid) };
}

function ratingOf(input: ReviewInput): BinaryRating {
	return input.correct && !input.guessed ? 3 : 1;
}

/**
 * Rebuilds the card from its logged history plus this late answer, in time order, and saves the
 * result. Returns the late answer's own step in that history (state before and after, elapsed
 * days, prediction), which is what its log row records.
 */
function loadHistory(db: Db, userId: string, questionId: string): { at: Date; rating: BinaryRating; id: number }[] {
	return db
		.select({ id: t.reviewLog.id, at: t.reviewLog.reviewedAt, rating: t.reviewLog.rating })
		.from(t.reviewLog)
		.where(and(eq(t.reviewLog.userId, userId), eq(t.reviewLog.questionId, questionId)))
		.orderBy(asc(t.reviewLog.reviewedAt), asc(t.reviewLog.id))
		.all()
		.map((row) => ({ id: row.id, at: row.at, rating: (row.rating === 3 ? 3 : 1) as BinaryRating }));
}

export type MarkGuessedProblem = 'not_found' | 'not_right' | 'already_guessed' | 'not_latest';

/**
 * "I guessed", said after a right answer: the answer counts as Again, as a guess should. Only the
 * newest answer of a card can be changed (a later answer was scheduled from this one). The log
 * row keeps the answer and gets the new rating and state after; the card is rebuilt from its whole
 * history, so nothing depends on the order the two writes happened in. One transaction.
 */
export function markGuessed(
	db: Db,
	user: Pick<SessionUser, 'id'> & Learner,
	logId: number
): { ok: true } | { ok: false; problem: MarkGuessedProblem } {
	return db.transaction(() => {
		const row = db
			.select({ questionId: t.reviewLog.questionId, mode: t.reviewLog.mode, correct: t.reviewLog.correct, guessed: t.reviewLog.guessed })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.id, logId), eq(t.reviewLog.userId, user.id)))
			.get();
		if (!row || row.mode === 'exam') return { ok: false, problem: 'not_found' } as const;
		if (!row.correct) return { ok: false, problem: 'not_right' } as const;
		if (row.guessed) return { ok: false, problem: 'already_guessed' } as const;
		const history = loadHistory(db, user.id, row.questionId);
		if (history[history.length - 1]?.id !== logId) return { ok: false, problem: 'not_latest' } as const;
		history[history.length - 1]!.rating = 1;
		const steps = replayHistory(history, dayModelOf(user), user, row.questionId);
		const last = steps[steps.length - 1]!;
		saveCard(db, user.id, row.questionId, last.card, last.rating, dayModelOf(user));
		db.update(t.reviewLog)
			.set({
				guessed: true,
				rating: last.rating,
				stateAfter: last.card.state,
				stabilityAfter: last.card.stability,
				difficultyAfter: last.card.difficulty,
				dueAfter: last.card.due
			})
			.where(eq(t.reviewLog.id, logId))
			.run();
		return { ok: true } as const;
	});
}

function replayWith(db: Db, day: DayModel, input: ReviewInput, rating: BinaryRating): PolicyStep {
	const history = loadHistory(db, input.userId, input.questionId).map((entry) => ({ ...entry, late: false }));
	// The late answer takes its place in time (after any logged answer of the very same instant).
	const late = { at: input.at, rating, late: true };
	const index = history.findIndex((entry) => entry.at.getTime() > input.at.getTime());
	const ordered = index < 0 ? [...history, late] : [...history.slice(0, index), late, ...history.slice(index)];
	const steps = replayHistory(ordered, day, input.learner, input.questionId);
	const final = steps[steps.length - 1]!;
	saveCard(db, input.userId, input.questionId, final.card, final.rating, day);
	return steps[ordered.indexOf(late)]!;
}
