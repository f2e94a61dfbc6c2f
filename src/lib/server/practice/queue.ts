import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import { DAY_MS, startOfLearnerDay } from '../../domain/learner-day';
import { isFinalWeek, newForToday, pickSweep } from '../../domain/srs/exam-policy';
import { pickNext } from '../../domain/srs/queue';
import type { DueCandidate } from '../../domain/srs/queue';
import type { SessionUser } from '../auth/session';
import { loadQuestionAid } from '../aid';
import type { Db } from '../db';
import * as t from '../db/schema';
import type { NextResult, ShownQuestion } from '../../types/practice';
import { loadQuestion } from '../question-links';
import { countNewToday, countPracticeToday } from './progress';
import { findForwardReview } from '../teach/assignments';
import { activeExamPlan, dayModelOf, loadCard } from './reviews';
import { scopeFilter, scopeParams } from './scopes';
import type { Scope } from './scopes';
import { encodeShowing, optionOrder } from './showings';
import type { ShowingKind } from './showings';

/*
 * The queue: which question to show next. Reads only: the candidates come from the database, the
 * policy from domain/srs/queue.ts (pickNext), and the showing is a signed token (showings.ts).
 */

const MISTAKE_WINDOW_MS = 30 * DAY_MS;

/**
 * The due-queue queries: the earliest due learning-step card and the most overdue review card of
 * the learner in the scope (index card_user_state_due_idx). Exported for the benchmark.
 */
export function findDueCandidates(db: Db, userId: string, now: Date, scope: Scope): (DueCandidate & { reps: number })[] {
	const first = (kind: 'learning' | 'review') =>
		prepared(db, `queue.due.${kind}.${scope.kind}`, () =>
			db
				.select({ questionId: t.card.questionId, due: t.card.due, state: t.card.state, reps: t.card.reps })
				.from(t.card)
				.innerJoin(t.question, eq(t.question.id, t.card.questionId))
				.where(
					and(
						eq(t.card.userId, sql.placeholder('userId')),
						inArray(t.card.state, kind === 'learning' ? [1, 3] : [2]),
						lte(t.card.due, sql.placeholder('now')),
						isNull(t.question.retiredAt),
						scopeFilter(scope.kind)
					)
				)
				.orderBy(asc(t.card.due))
				.limit(1)
				.prepare()
		).get({ userId, now: now.getTime(), ...scopeParams(scope) });
	return [first('learning'), first('review')]
		.filter((row) => row !== undefined)
		.map((row) => ({ questionId: row.questionId, due: row.due, state: row.state as 1 | 2 | 3, reps: row.reps }));
}

/**
 * The next new question: the first in question.new_order (db/new-order.ts: themes take turns,
 * everyday themes first) the learner has no card for; in a set, the first in the set's order. An index walk in that order with one
 * primary-key lookup on card per question passed, instead of ranking the bank on every answer.
 */
function findFirstNew(db: Db, userId: string, scope: Scope): string | undefined {
	const statement = prepared(db, `queue.new.${scope.kind}`, () =>
		scope.kind === 'words'
			? // a theme's words in the order of its word file
				db.$client.prepare(`
					SELECT q.id FROM question q
					WHERE q.origin = 'word' AND q.theme_slug = @theme AND q.retired_at IS NULL
						AND NOT EXISTS (SELECT 1 FROM card c WHERE c.user_id = @userId AND c.question_id = q.id)
					ORDER BY q.position
					LIMIT 1`)
			: scope.kind === 'set'
			? // a set in the order its teacher gave it, the teacher's own questions included
				db.$client.prepare(`
					SELECT q.id FROM question_set_item i JOIN question q ON q.id = i.question_id
					WHERE i.set_id = @setId AND q.retired_at IS NULL
						AND NOT EXISTS (SELECT 1 FROM card c WHERE c.user_id = @userId AND c.question_id = q.id)
					ORDER BY i.position
					LIMIT 1`)
			: db.$client.prepare(`
					SELECT q.id FROM question q
					WHERE q.new_order IS NOT NULL ${scope.kind === 'theme' ? 'AND q.theme_slug = @theme' : ''}
						AND NOT EXISTS (SELECT 1 FROM card c WHERE c.user_id = @userId AND c.question_id = q.id)
					ORDER BY q.new_order
					LIMIT 1`)
	);
	return (statement.get({ userId, ...scopeParams(scope) }) as { id: string } | undefined)?.id;
}

export interface Mistake {
	questionId: string;
	lastWrongAt: Date;
	questionNl: string;
	questionEn: string;
	themeSlug: string;
}

/**
 * Questions answered wrong in the last 30 days whose latest answer is still wrong, oldest mistake
 * first (so a question missed again moves to the back).
 */
export function listMistakes(db: Db, userId: string, now: Date): Mistake[] {
	const since = now.getTime() - MISTAKE_WINDOW_MS;
	return db
		.all<{ questionId: string; lastWrong: number; questionNl: string; questionEn: string; themeSlug: string }>(sql`
			SELECT r.question_id AS questionId, MAX(CASE WHEN r.correct = 0 THEN r.reviewed_at END) AS lastWrong,
				q.question_nl AS questionNl, q.question_en AS questionEn, q.theme_slug AS themeSlug
			FROM review_log r JOIN question q ON q.id = r.question_id
			WHERE r.user_id = ${userId} AND r.reviewed_at >= ${since} AND q.retired_at IS NULL
			GROUP BY r.question_id
			HAVING lastWrong IS NOT NULL AND lastWrong = MAX(r.reviewed_at)
			ORDER BY lastWrong ASC`)
		.map((row) => ({ ...row, lastWrongAt: new Date(row.lastWrong) }));
}

/**
 * The question to show now for this scope, as a signed showing. Pure read: the same state and
 * time give the same question in the same option order, so a reload (or a preload) changes nothing.
 *
 * Before a learner's exam day, the scheduled queue (scope `due`) follows the exam-date policy
 * (domain/srs/exam-policy.ts): at most the learner's daily cap of answers; in the final week, after
 * learning steps, the weakest question for the exam day first (the sweep); new questions paced to
 * be all introduced two weeks before the exam.
 */
export function nextQuestion(db: Db, user: SessionUser, scope: Scope, now: Date): NextResult {
	let next: { questionId: string; kind: ShowingKind; reps: number } | null = null;
	const plan = scope.kind === 'due' ? activeExamPlan(user, now) : null;
	// one count of today's answers serves the cap and the new-question pace
	const today = plan ? countPracticeToday(db, user, now) : null;
	const answeredToday = today?.answers ?? 0;
	if (plan && answeredToday >= user.dailyCap) {
		// Today's plan is done; the queue opens again at the start of the next learner day.
		const day = dayModelOf(user);
		return { done: true, nextDueAt: startOfLearnerDay(plan.today + 1, day).toISOString(), planCap: user.dailyCap };
	}
	if (scope.kind === 'mistakes') {
		const first = listMistakes(db, user.id, now)[0];
		if (first) next = { questionId: first.questionId, kind: 'mistake', reps: cardReps(db, user.id, first.questionId) };
	} else {
		const due = findDueCandidates(db, user.id, now, scope);
		const input = { cards: due, fresh: [] as string[], newToday: 0, newPerDay: user.newPerDay, now };
		// Due cards come before new questions: look for a new one only when no card is due.
		let picked = pickNext(input);
		if (plan && isFinalWeek(plan.today, plan.examDay) && picked?.kind !== 'learning') {
			const sweep = pickSweep(listSweepCards(db, user.id, plan.today), plan.today, plan);
			if (sweep) picked = { questionId: sweep, kind: 'due' };
		}
		if (!picked) {
			const fresh = findFirstNew(db, user.id, scope);
			const newToday = today?.fresh ?? countNewToday(db, user, now);
			// With an exam plan: today's share of what was unseen this morning, so every question is
			// introduced in time, within what the cap leaves after today's other answers.
			const newPerDay = plan
				? newForToday(countUnseen(db, user.id) + newToday, plan.today, plan.examDay, answeredToday - newToday, user.dailyCap)
				: user.newPerDay;
			picked = pickNext({ ...input, fresh: fresh ? [fresh] : [], newToday, newPerDay });
		}
		// A teacher's "know by the due date" task: when nothing else is due, the question least
		// ready for the due date comes back early.
		if (!picked && scope.kind === 'set') {
			const forward = findForwardReview(db, user.id, scope.setId, now, dayModelOf(user));
			if (forward) next = { questionId: forward, kind: 'due', reps: cardReps(db, user.id, forward) };
		}
		if (picked) {
			const reps = picked.kind === 'new' ? 0 : (due.find((card) => card.questionId === picked.questionId)?.reps ?? cardReps(db, user.id, picked.questionId));
			next = { ...picked, reps };
		}
	}
	const shown = next && showQuestion(db, user, next.questionId, next.reps, next.kind, now);
	if (!shown) return { done: true, nextDueAt: nextDueAt(db, user.id, scope)?.toISOString() ?? null };
	return { done: false, shown };
}

/** The learner's cards in review not answered today (learner days), for the final sweep. */
function listSweepCards(db: Db, userId: string, today: number): { questionId: string; stability: number; lastReviewDay: number }[] {
	return prepared(db, 'queue.sweep', () =>
		db.$client.prepare(`
			SELECT c.question_id AS questionId, c.stability AS stability, c.last_review_day AS lastReviewDay
			FROM card c JOIN question q ON q.id = c.question_id AND q.retired_at IS NULL
			WHERE c.user_id = ? AND c.state = 2 AND c.last_review_day < ?`)
	).all(userId, today) as { questionId: string; stability: number; lastReviewDay: number }[];
}

/** Active questions of the bank the learner has never answered. */
export function countUnseen(db: Db, userId: string): number {
	const row = prepared(db, 'queue.unseen', () =>
		db.$client.prepare(`
			SELECT COUNT(*) AS n FROM question q
			WHERE q.retired_at IS NULL AND q.origin = 'bank' AND NOT EXISTS (SELECT 1 FROM card c WHERE c.user_id = ? AND c.question_id = q.id)`)
	).get(userId) as { n: number };
	return row.n;
}

function cardReps(db: Db, userId: string, questionId: string): number {
	return loadCard(db, userId, questionId)?.reps ?? 0;
}

function showQuestion(db: Db, user: SessionUser, questionId: string, version: number, kind: ShowingKind, now: Date): ShownQuestion | null {
	const question = loadQuestion(db, questionId);
	if (!question || question.retiredAt !== null) return null;
	const order = optionOrder(db, user.id, questionId, version, question.options.length);
	const aid = loadQuestionAid(db, user, question, { fade: true });
	return {
		token: encodeShowing(db, user.id, { questionId, version, shownAt: now, kind }),
		questionId,
		themeSlug: question.themeSlug,
		question: { nl: question.questionNl, aid: aid?.question ?? '' },
		options: order.map((index) => ({ nl: question.options[index]?.nl ?? '', aid: aid?.options[index] ?? '' })),
		aid: aid?.info ?? null,
		kind,
		byTeacher: question.origin === 'teacher'
	};
}

function nextDueAt(db: Db, userId: string, scope: Scope): Date | null {
	if (scope.kind === 'mistakes') return null;
	const row = prepared(db, `queue.nextDue.${scope.kind}`, () =>
		db
			.select({ due: t.card.due })
			.from(t.card)
			.innerJoin(t.question, eq(t.question.id, t.card.questionId))
			.where(and(eq(t.card.userId, sql.placeholder('userId')), isNull(t.question.retiredAt), scopeFilter(scope.kind)))
			.orderBy(asc(t.card.due))
			.limit(1)
			.prepare()
	).get({ userId, ...scopeParams(scope) });
	return row?.due ?? null;
}
