import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { drawExam, EXAM_MINUTES } from '../domain/exam/draw';
import { examDeadline, isPastDeadline, scoreExam, secondsLeft } from '../domain/exam/scoring';
import { seededRandom } from '../domain/random';
import { shuffleOrder } from '../domain/srs/queue';
import { generateSessionToken } from './auth/session';
import type { SessionUser } from './auth/session';
import type { Db } from './db';
import * as t from './db/schema';
import { pickLocale } from '../domain/locale';
import type { Locale } from '../domain/locale';
import { loadQuestionLinks, recordReview } from './practice';

/*
 * Mock exams in the official format (issue: mock exams): 40 questions in theme blocks, 45 minutes
 * kept by the server, no feedback until the attempt is closed. Closing (hand-in or deadline) scores
 * the attempt and feeds each answered question to the scheduler once, in one transaction.
 */

const RECENT_ATTEMPTS = 3;
const pick = pickLocale;

function secureSeed(): number {
	const value = new Uint32Array(1);
	crypto.getRandomValues(value);
	return value[0] ?? 0;
}

/** The learner's attempt that is still running, if any. */
function findOpenAttempt(db: Db, user: SessionUser, now: Date): t.ExamAttemptRow | undefined {
	const open = db
		.select()
		.from(t.examAttempt)
		.where(and(eq(t.examAttempt.userId, user.id), isNull(t.examAttempt.closedAt)))
		.orderBy(desc(t.examAttempt.startedAt))
		.get();
	if (!open) return undefined;
	if (isPastDeadline(open.deadlineAt, now)) {
		closeAttempt(db, user, open, 'expired', now);
		return undefined;
	}
	return open;
}

/**
 * Starts a mock exam, or returns the one still running. The draw uses a recorded seed; questions
 * of the learner's last 3 attempts are avoided where the theme has others.
 */
export function startExam(db: Db, user: SessionUser, now: Date, seed = secureSeed()): string {
	const open = findOpenAttempt(db, user, now);
	if (open) return open.id;

	const recent = new Set(
		db
			.all<{ questionId: string }>(sql`
				SELECT a.question_id AS questionId FROM exam_answer a
				WHERE a.attempt_id IN (
					SELECT id FROM exam_attempt WHERE user_id = ${user.id} ORDER BY started_at DESC LIMIT ${RECENT_ATTEMPTS}
				)`)
			.map((row) => row.questionId)
	);
	const bank = db
		.select({ id: t.question.id, theme: t.question.themeSlug })
		.from(t.question)
		.where(isNull(t.question.retiredAt))
		.all();
	const themeOrder = db.select({ slug: t.theme.slug }).from(t.theme).orderBy(asc(t.theme.number)).all().map((r) => r.slug);
	const blocks = drawExam(bank, themeOrder, recent, seed);
	// Option orders come from the same seed (after the draw), so the attempt is reproducible.
	const random = seededRandom(seed ^ 0x5bd1e995);
	const id = generateSessionToken();

	db.transaction((tx) => {
		const questions = blocks.flatMap((block) => block.questionIds.map((questionId) => ({ questionId, theme: block.theme })));
		tx.insert(t.examAttempt)
			.values({ id, userId: user.id, seed, startedAt: now, deadlineAt: examDeadline(now, EXAM_MINUTES), total: questions.length })
			.run();
		questions.forEach((entry, position) => {
			tx.insert(t.examAnswer)
				.values({
					attemptId: id,
					position,
					questionId: entry.questionId,
					themeSlug: entry.theme,
					order: shuffleOrder(3, random),
					chosen: null,
					flagged: false,
					answeredAt: null
				})
				.run();
		});
	});
	return id;
}

/**
 * Closes an attempt once: scores it and records every answered question as an exam review for the
 * scheduler. The conditional update makes a second close (or a second hand-in) a no-op.
 */
function closeAttempt(
	db: Db,
	user: SessionUser,
	attempt: t.ExamAttemptRow,
	reason: 'handed_in' | 'expired',
	now: Date
): boolean {
	return db.transaction((tx) => {
		const answers = tx
			.select({ answer: t.examAnswer, correctIndex: t.question.correctIndex })
			.from(t.examAnswer)
			.innerJoin(t.question, eq(t.question.id, t.examAnswer.questionId))
			.where(eq(t.examAnswer.attemptId, attempt.id))
			.orderBy(asc(t.examAnswer.position))
			.all();
		const score = scoreExam(
			answers.map(({ answer, correctIndex }) => ({
				theme: answer.themeSlug,
				answered: answer.chosen !== null,
				correct: answer.chosen === correctIndex
			}))
		);
		// The close time is the deadline when the learner was not there to hand in.
		const closedAt = reason === 'expired' ? attempt.deadlineAt : now;
		const closed = tx
			.update(t.examAttempt)
			.set({ closedAt, closedReason: reason, score: score.score })
			.where(and(eq(t.examAttempt.id, attempt.id), isNull(t.examAttempt.closedAt)))
			.run();
		if (closed.changes !== 1) return false;
		for (const { answer, correctIndex } of answers) {
			if (answer.chosen === null) continue;
			recordReview(tx, {
				userId: attempt.userId,
				questionId: answer.questionId,
				mode: 'exam',
				now: closedAt,
				correct: answer.chosen === correctIndex,
				guessed: false,
				chosenIndex: answer.chosen,
				shownOrder: answer.order,
				responseMs: Math.max(0, (answer.answeredAt ?? closedAt).getTime() - attempt.startedAt.getTime()),
				settings: user
			});
		}
		return true;
	});
}

function ownAttempt(db: Db, user: SessionUser, attemptId: string): t.ExamAttemptRow | undefined {
	if (!/^[a-z2-7]{32}$/.test(attemptId)) return undefined;
	const attempt = db.select().from(t.examAttempt).where(eq(t.examAttempt.id, attemptId)).get();
	return attempt && attempt.userId === user.id ? attempt : undefined;
}

/** Loads an attempt of this learner; a running attempt past its deadline is closed first. */
export function loadAttempt(db: Db, user: SessionUser, attemptId: string, now: Date): t.ExamAttemptRow | undefined {
	const attempt = ownAttempt(db, user, attemptId);
	if (!attempt) return undefined;
	if (attempt.closedAt === null && isPastDeadline(attempt.deadlineAt, now)) {
		closeAttempt(db, user, attempt, 'expired', now);
		return ownAttempt(db, user, attemptId);
	}
	return attempt;
}

export interface ExamQuestionView {
	position: number;
	total: number;
	theme: { slug: string; number: number; name: string };
	/** true when this question opens a theme block (the divider screen comes before it) */
	startsBlock: boolean;
	nextStartsBlock: boolean;
	blockSize: number;
	question: { nl: string; en: string };
	options: { nl: string; en: string }[];
	/** the chosen option as its shown position, or null */
	chosenPosition: number | null;
	flagged: boolean;
	secondsLeft: number;
	deadline: string;
}

export function examQuestion(
	db: Db,
	attempt: t.ExamAttemptRow,
	position: number,
	now: Date,
	locale: Locale
): ExamQuestionView | null {
	const rows = db
		.select({ position: t.examAnswer.position, themeSlug: t.examAnswer.themeSlug })
		.from(t.examAnswer)
		.where(eq(t.examAnswer.attemptId, attempt.id))
		.orderBy(asc(t.examAnswer.position))
		.all();
	const row = db
		.select({ answer: t.examAnswer, question: t.question, theme: t.theme })
		.from(t.examAnswer)
		.innerJoin(t.question, eq(t.question.id, t.examAnswer.questionId))
		.innerJoin(t.theme, eq(t.theme.slug, t.examAnswer.themeSlug))
		.where(and(eq(t.examAnswer.attemptId, attempt.id), eq(t.examAnswer.position, position)))
		.get();
	if (!row) return null;
	const { answer, question, theme } = row;
	return {
		position,
		total: rows.length,
		theme: { slug: theme.slug, number: theme.number, name: pick(locale, theme.nameEn, theme.nameNl) },
		startsBlock: position === 0 || rows[position - 1]?.themeSlug !== answer.themeSlug,
		nextStartsBlock: position + 1 < rows.length && rows[position + 1]?.themeSlug !== answer.themeSlug,
		blockSize: rows.filter((r) => r.themeSlug === answer.themeSlug).length,
		question: { nl: question.questionNl, en: question.questionEn },
		options: answer.order.map((index) => question.options[index] ?? { nl: '', en: '' }),
		chosenPosition: answer.chosen === null ? null : answer.order.indexOf(answer.chosen),
		flagged: answer.flagged,
		secondsLeft: secondsLeft(attempt.deadlineAt, now),
		deadline: attempt.deadlineAt.toISOString()
	};
}

export interface OverviewItem {
	position: number;
	answered: boolean;
	flagged: boolean;
	themeNumber: number;
}

export function examOverview(db: Db, attempt: t.ExamAttemptRow): OverviewItem[] {
	return db
		.select({
			position: t.examAnswer.position,
			chosen: t.examAnswer.chosen,
			flagged: t.examAnswer.flagged,
			themeNumber: t.theme.number
		})
		.from(t.examAnswer)
		.innerJoin(t.theme, eq(t.theme.slug, t.examAnswer.themeSlug))
		.where(eq(t.examAnswer.attemptId, attempt.id))
		.orderBy(asc(t.examAnswer.position))
		.all()
		.map((row) => ({ position: row.position, answered: row.chosen !== null, flagged: row.flagged, themeNumber: row.themeNumber }));
}

export type ExamProblem = 'not_found' | 'closed' | 'input_invalid';

const saveSchema = z.object({
	position: z.string().regex(/^\d{1,2}$/).transform(Number),
	choice: z
		.string()
		.regex(/^[0-2]$/)
		.transform(Number)
		.optional(),
	flagged: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});

/** Saves (or changes) the answer and flag of one question of a running attempt. */
export function saveExamAnswer(
	db: Db,
	user: SessionUser,
	attemptId: string,
	input: Record<string, unknown>,
	now: Date
): { ok: true; position: number } | { ok: false; problem: ExamProblem } {
	const parsed = saveSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problem: 'input_invalid' };
	const attempt = loadAttempt(db, user, attemptId, now);
	if (!attempt) return { ok: false, problem: 'not_found' };
	if (attempt.closedAt !== null) return { ok: false, problem: 'closed' };
	const { position, choice, flagged } = parsed.data;
	const answer = db
		.select()
		.from(t.examAnswer)
		.where(and(eq(t.examAnswer.attemptId, attempt.id), eq(t.examAnswer.position, position)))
		.get();
	if (!answer) return { ok: false, problem: 'input_invalid' };
	const chosen = choice === undefined ? answer.chosen : (answer.order[choice] ?? null);
	db.update(t.examAnswer)
		.set({ chosen, flagged, answeredAt: choice === undefined ? answer.answeredAt : now })
		.where(and(eq(t.examAnswer.attemptId, attempt.id), eq(t.examAnswer.position, position)))
		.run();
	return { ok: true, position };
}

export function handInExam(
	db: Db,
	user: SessionUser,
	attemptId: string,
	now: Date
): { ok: true } | { ok: false; problem: ExamProblem } {
	const attempt = loadAttempt(db, user, attemptId, now);
	if (!attempt) return { ok: false, problem: 'not_found' };
	if (attempt.closedAt !== null) return { ok: false, problem: 'closed' };
	return closeAttempt(db, user, attempt, 'handed_in', now) ? { ok: true } : { ok: false, problem: 'closed' };
}

export interface ExamResult {
	id: string;
	score: number;
	total: number;
	answered: number;
	closedReason: 'handed_in' | 'expired';
	startedAt: string;
	minutesUsed: number;
	perTheme: { slug: string; number: number; name: string; score: number; total: number }[];
	previous: { id: string; startedAt: string; score: number; total: number }[];
	review: {
		position: number;
		themeNumber: number;
		question: { nl: string; en: string };
		options: { nl: string; en: string }[];
		chosenPosition: number | null;
		correctPosition: number;
		explanation: { nl: string; en: string };
		guides: { slug: string; title: string }[];
		sources: { slug: string; name: string }[];
		sourceUrl: string;
	}[];
}

export function examResult(db: Db, user: SessionUser, attempt: t.ExamAttemptRow, locale: Locale): ExamResult | null {
	if (attempt.closedAt === null || attempt.closedReason === null) return null;
	const rows = db
		.select({ answer: t.examAnswer, question: t.question, theme: t.theme })
		.from(t.examAnswer)
		.innerJoin(t.question, eq(t.question.id, t.examAnswer.questionId))
		.innerJoin(t.theme, eq(t.theme.slug, t.examAnswer.themeSlug))
		.where(eq(t.examAnswer.attemptId, attempt.id))
		.orderBy(asc(t.examAnswer.position))
		.all();
	const score = scoreExam(
		rows.map(({ answer, question }) => ({
			theme: answer.themeSlug,
			answered: answer.chosen !== null,
			correct: answer.chosen === question.correctIndex
		}))
	);
	const themes = new Map(rows.map(({ theme }) => [theme.slug, theme]));
	return {
		id: attempt.id,
		score: score.score,
		total: score.total,
		answered: score.answered,
		closedReason: attempt.closedReason,
		startedAt: attempt.startedAt.toISOString(),
		minutesUsed: Math.max(0, Math.round((attempt.closedAt.getTime() - attempt.startedAt.getTime()) / 60_000)),
		perTheme: score.perTheme.map((entry) => {
			const theme = themes.get(entry.theme)!;
			return { slug: theme.slug, number: theme.number, name: pick(locale, theme.nameEn, theme.nameNl), score: entry.score, total: entry.total };
		}),
		previous: listHistory(db, user, locale)
			.filter((entry) => entry.startedAt < attempt.startedAt.toISOString())
			.slice(0, 5)
			.map(({ id, startedAt, score: s, total }) => ({ id, startedAt, score: s, total })),
		review: rows.map(({ answer, question, theme }) => ({
			position: answer.position,
			themeNumber: theme.number,
			question: { nl: question.questionNl, en: question.questionEn },
			options: answer.order.map((index) => question.options[index] ?? { nl: '', en: '' }),
			chosenPosition: answer.chosen === null ? null : answer.order.indexOf(answer.chosen),
			correctPosition: answer.order.indexOf(question.correctIndex),
			explanation: { nl: question.explanationNl, en: question.explanationEn },
			...loadQuestionLinks(db, question.id, locale),
			sourceUrl: question.sourceUrl
		}))
	};
}

export interface HistoryEntry {
	id: string;
	startedAt: string;
	score: number;
	total: number;
	closedReason: 'handed_in' | 'expired';
	perTheme: { number: number; name: string; score: number; total: number }[];
}

/** Closed attempts, newest first, with their per-theme scores. */
export function listHistory(db: Db, user: SessionUser, locale: Locale): HistoryEntry[] {
	const attempts = db
		.select()
		.from(t.examAttempt)
		.where(and(eq(t.examAttempt.userId, user.id), isNotNull(t.examAttempt.closedAt)))
		.orderBy(desc(t.examAttempt.startedAt))
		.all();
	if (attempts.length === 0) return [];
	const perTheme = db.all<{ attemptId: string; number: number; nameEn: string; nameNl: string; score: number; total: number }>(sql`
		SELECT a.attempt_id AS attemptId, th.number, th.name_en AS nameEn, th.name_nl AS nameNl,
			SUM(CASE WHEN a.chosen = q.correct_index THEN 1 ELSE 0 END) AS score, COUNT(*) AS total
		FROM exam_answer a
		JOIN exam_attempt x ON x.id = a.attempt_id AND x.user_id = ${user.id} AND x.closed_at IS NOT NULL
		JOIN question q ON q.id = a.question_id
		JOIN theme th ON th.slug = a.theme_slug
		GROUP BY a.attempt_id, th.slug
		ORDER BY th.number`);
	return attempts.map((attempt) => ({
		id: attempt.id,
		startedAt: attempt.startedAt.toISOString(),
		score: attempt.score ?? 0,
		total: attempt.total,
		closedReason: attempt.closedReason ?? 'expired',
		perTheme: perTheme
			.filter((row) => row.attemptId === attempt.id)
			.map((row) => ({ number: row.number, name: pick(locale, row.nameEn, row.nameNl), score: row.score, total: row.total }))
	}));
}

/** The running attempt, for the exam start page. */
export function openAttemptId(db: Db, user: SessionUser, now: Date): string | null {
	return findOpenAttempt(db, user, now)?.id ?? null;
}
