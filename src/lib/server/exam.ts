import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { themeNameIn } from './hub-text';
import { z } from 'zod';
import { drawExam, EXAM_MINUTES } from '../domain/exam/draw';
import { attemptPhase, DEADLINE_GRACE_MS, examDeadline, findWeakestTheme, scoreExam, secondsLeft } from '../domain/exam/scoring';
import { seededRandom } from '../domain/random';
import { shuffleOrder } from '../domain/srs/queue';
import type { Locale } from '../domain/locale';
import type { SessionUser } from './auth/session';
import type { Db } from './db';
import * as t from './db/schema';
import { prepared } from './db/prepared';
import { generateId, ID_PATTERN } from './ids';
import { choiceField, measureResponse, recordReview, responseMsField } from './practice';
import { loadQuestionLinks } from './question-links';
import { sign, verify } from './signing';
import type { AidedText, AidInfo, QuestionLinks } from '../types/practice';
import { loadQuestionAid } from './aid';

/*
 * Mock exams in the official format (issue: mock exams): 40 questions in theme blocks, 45 minutes
 * kept by the server, no feedback until the attempt is closed.
 *
 * Loads only read. An attempt whose time ran out is shown as over at once, but it is closed (its
 * answers fed to the scheduler) by the next action that meets it: a save, a hand-in, starting a new
 * exam, or a practice answer. Closing applies each answer at the time it was given, through
 * recordReview, which replays a card's history when the answer is older than its last review, so
 * closing never fails because of the scheduler and never rewinds a card.
 */

const RECENT_ATTEMPTS = 3;

function secureSeed(): number {
	const value = new Uint32Array(1);
	crypto.getRandomValues(value);
	return value[0] ?? 0;
}

/** The learner's attempt that is still running (before its deadline), if any. Reads only. */
function findRunningAttempt(db: Db, user: SessionUser, now: Date): t.ExamAttemptRow | undefined {
	const open = db
		.select()
		.from(t.examAttempt)
		.where(and(eq(t.examAttempt.userId, user.id), isNull(t.examAttempt.closedAt)))
		.orderBy(desc(t.examAttempt.startedAt))
		.get();
	return open && attemptPhase(open, now) === 'running' ? open : undefined;
}

/**
 * Closes the learner's attempts whose time and grace have run out. Called by actions only; cheap
 * when there are none (one indexed query).
 */
export function closeExpiredAttempts(db: Db, user: SessionUser, now: Date): number {
	const expired = prepared(db, 'exam.expired', () =>
		db
			.select()
			.from(t.examAttempt)
			.where(
				and(
					eq(t.examAttempt.userId, sql.placeholder('userId')),
					isNull(t.examAttempt.closedAt),
					lt(t.examAttempt.deadlineAt, sql.placeholder('before'))
				)
			)
			.prepare()
	).all({ userId: user.id, before: now.getTime() - DEADLINE_GRACE_MS });
	for (const attempt of expired) closeAttempt(db, user, attempt, 'expired', now);
	return expired.length;
}

/** What a mock exam is drawn from: the active questions, and the active themes in their official order. */
export function loadExamBank(db: Db): { bank: { id: string; theme: string; version: number }[]; themeOrder: string[] } {
	const bank = db
		.select({ id: t.question.id, theme: t.question.themeSlug, version: t.question.version })
		.from(t.question)
		.innerJoin(t.theme, eq(t.theme.slug, t.question.themeSlug))
		.where(and(isNull(t.question.retiredAt), eq(t.question.origin, 'bank'), isNull(t.theme.retiredAt)))
		.all();
	const themeOrder = db
		.select({ slug: t.theme.slug })
		.from(t.theme)
		.where(isNull(t.theme.retiredAt))
		.orderBy(asc(t.theme.number))
		.all()
		.map((row) => row.slug);
	return { bank, themeOrder };
}

/**
 * Starts a mock exam, or returns the one still running. Attempts that ran out are closed first, so
 * an abandoned exam never stands in the way of a new one. The draw uses a recorded seed; questions
 * of the learner's last 3 attempts are avoided where the theme has others.
 */
export function startExam(db: Db, user: SessionUser, now: Date, { seed = secureSeed(), aid = false }: { seed?: number; aid?: boolean } = {}): string {
	const running = findRunningAttempt(db, user, now);
	if (running) return running.id;
	// Whatever is still open has run out (or is in its last grace seconds): close it first.
	for (const attempt of db
		.select()
		.from(t.examAttempt)
		.where(and(eq(t.examAttempt.userId, user.id), isNull(t.examAttempt.closedAt)))
		.all()) {
		closeAttempt(db, user, attempt, 'expired', now);
	}

	const recent = new Set(
		db
			.all<{ questionId: string }>(sql`
				SELECT a.question_id AS questionId FROM exam_answer a
				WHERE a.attempt_id IN (
					SELECT id FROM exam_attempt WHERE user_id = ${user.id} ORDER BY started_at DESC LIMIT ${RECENT_ATTEMPTS}
				)`)
			.map((row) => row.questionId)
	);
	const { bank, themeOrder } = loadExamBank(db);
	const versions = new Map(bank.map((entry) => [entry.id, entry.version]));
	const blocks = drawExam(bank, themeOrder, recent, seed);
	// Option orders come from the same seed (after the draw), so the attempt is reproducible.
	const random = seededRandom(seed ^ 0x5bd1e995);
	const id = generateId();

	db.transaction((tx) => {
		const questions = blocks.flatMap((block) => block.questionIds.map((questionId) => ({ questionId, theme: block.theme })));
		tx.insert(t.examAttempt)
			.values({ id, userId: user.id, seed, startedAt: now, deadlineAt: examDeadline(now, EXAM_MINUTES), total: questions.length, aid })
			.run();
		questions.forEach((entry, position) => {
			tx.insert(t.examAnswer)
				.values({
					attemptId: id,
					position,
					questionId: entry.questionId,
					themeSlug: entry.theme,
					// the version drawn is the version shown, answered and graded
					questionVersion: versions.get(entry.questionId) ?? 1,
					order: shuffleOrder(3, random),
					chosen: null,
					correct: null,
					flagged: false,
					answeredAt: null,
					responseMs: null
				})
				.run();
		});
	});
	return id;
}

/**
 * Closes an attempt once: stores the score and records every answered question as an exam review
 * at the time it was answered. The conditional update makes a second close a no-op.
 */
function closeAttempt(db: Db, user: SessionUser, attempt: t.ExamAttemptRow, reason: 'handed_in' | 'expired', now: Date): boolean {
	return db.transaction((tx) => {
		const answers = tx
			.select()
			.from(t.examAnswer)
			.where(eq(t.examAnswer.attemptId, attempt.id))
			.orderBy(asc(t.examAnswer.position))
			.all();
		const score = scoreExam(answers.map((answer) => ({ theme: answer.themeSlug, correct: answer.correct })));
		// When the time ran out, the attempt ended at the deadline, whenever it is closed.
		const closedAt = reason === 'expired' ? new Date(Math.min(attempt.deadlineAt.getTime(), now.getTime())) : now;
		const closed = tx
			.update(t.examAttempt)
			.set({ closedAt, closedReason: reason, score: score.score })
			.where(and(eq(t.examAttempt.id, attempt.id), isNull(t.examAttempt.closedAt)))
			.run();
		if (closed.changes !== 1) return false;
		const answered = answers
			.filter((answer) => answer.chosen !== null && answer.correct !== null)
			.sort((a, b) => (a.answeredAt?.getTime() ?? 0) - (b.answeredAt?.getTime() ?? 0));
		for (const answer of answered) {
			recordReview(db, {
				userId: attempt.userId,
				questionId: answer.questionId,
				questionVersion: answer.questionVersion ?? 1,
				mode: 'exam',
				at: answer.answeredAt ?? closedAt,
				correct: answer.correct === true,
				guessed: false,
				chosenIndex: answer.chosen!,
				shownOrder: answer.order,
				responseMs: answer.responseMs,
				learner: user
			});
		}
		return true;
	});
}

/** Loads an attempt of this learner (another learner's is not found). Reads only. */
export function loadAttempt(db: Db, user: SessionUser, attemptId: string): t.ExamAttemptRow | undefined {
	if (!ID_PATTERN.test(attemptId)) return undefined;
	const attempt = db.select().from(t.examAttempt).where(eq(t.examAttempt.id, attemptId)).get();
	return attempt && attempt.userId === user.id ? attempt : undefined;
}

/** The question as the attempt drew it: that version's text, options and right answer. */
function versionOf(db: Pick<Db, 'select'>, questionId: string, version: number | null) {
	const row = db
		.select()
		.from(t.questionVersion)
		.where(and(eq(t.questionVersion.questionId, questionId), eq(t.questionVersion.version, version ?? 1)))
		.get();
	if (row) return row;
	// Not expected (every version is stored); fall back to the current text rather than fail.
	const current = db.select().from(t.question).where(eq(t.question.id, questionId)).get()!;
	return { ...current, version: current.version, questionId };
}

/** The version a question has now (a translation belongs to it). */
function currentVersionOf(db: Db, questionId: string): number | undefined {
	return db.select({ version: t.question.version }).from(t.question).where(eq(t.question.id, questionId)).get()?.version;
}

/**
 * The translation of an exam question in the learner's aid language, always open (an exam has no
 * fading). A translation belongs to the current Dutch: a question answered in an older version
 * gets its English.
 */
function examAid(
	db: Db,
	user: SessionUser,
	questionId: string,
	question: { version: number; questionEn: string; options: { nl: string; en: string }[]; explanationEn: string },
	currentVersion: number | undefined
) {
	const current = question.version === currentVersion;
	const aidUser = current || user.translationLocale === 'none' ? user : { ...user, translationLocale: 'en' as const };
	return loadQuestionAid(db, aidUser, { id: questionId, questionEn: question.questionEn, options: question.options, explanationEn: question.explanationEn }, { fade: false });
}

export interface ExamQuestionView {
	position: number;
	total: number;
	theme: { slug: string; number: number; name: string };
	/** true when this question opens a theme block (the divider screen comes before it) */
	startsBlock: boolean;
	blockSize: number;
	question: AidedText;
	options: AidedText[];
	/** the translation, only when the learner allowed it for this practice exam (the real exam is Dutch only) */
	aid: AidInfo | null;
	/** the chosen option as its shown position, or null */
	chosenPosition: number | null;
	flagged: boolean;
	secondsLeft: number;
	deadline: string;
	/** signed time the page was made, for the response time when the browser measures none */
	shown: string;
}

const shownMessage = (user: SessionUser, attemptId: string, position: number, ms: number) =>
	`exam-shown|${user.id}|${attemptId}|${position}|${ms}`;

export function examQuestion(
	db: Db,
	user: SessionUser,
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
		.select({ answer: t.examAnswer, theme: t.theme })
		.from(t.examAnswer)
		.innerJoin(t.theme, eq(t.theme.slug, t.examAnswer.themeSlug))
		.where(and(eq(t.examAnswer.attemptId, attempt.id), eq(t.examAnswer.position, position)))
		.get();
	if (!row) return null;
	const { answer, theme } = row;
	const question = versionOf(db, answer.questionId, answer.questionVersion);
	// the translation only when the learner allowed it
	const aid = attempt.aid ? examAid(db, user, answer.questionId, question, currentVersionOf(db, answer.questionId)) : null;
	return {
		position,
		total: rows.length,
		theme: { slug: theme.slug, number: theme.number, name: themeNameIn(db, locale, theme) },
		startsBlock: position === 0 || rows[position - 1]?.themeSlug !== answer.themeSlug,
		blockSize: rows.filter((r) => r.themeSlug === answer.themeSlug).length,
		question: { nl: question.questionNl, aid: aid?.question ?? '' },
		options: answer.order.map((index) => ({ nl: question.options[index]?.nl ?? '', aid: aid?.options[index] ?? '' })),
		aid: aid?.info ?? null,
		chosenPosition: answer.chosen === null ? null : answer.order.indexOf(answer.chosen),
		flagged: answer.flagged,
		secondsLeft: secondsLeft(attempt.deadlineAt, now),
		deadline: attempt.deadlineAt.toISOString(),
		shown: `${now.getTime()}.${sign(db, shownMessage(user, attempt.id, position, now.getTime()))}`
	};
}

export interface OverviewItem {
	position: number;
	answered: boolean;
	flagged: boolean;
	themeNumber: number;
	themeName: string;
}

export function examOverview(db: Db, attempt: t.ExamAttemptRow, locale: Locale = 'en'): OverviewItem[] {
	return db
		.select({
			position: t.examAnswer.position,
			chosen: t.examAnswer.chosen,
			flagged: t.examAnswer.flagged,
			themeNumber: t.theme.number,
			slug: t.theme.slug,
			nameEn: t.theme.nameEn,
			nameNl: t.theme.nameNl
		})
		.from(t.examAnswer)
		.innerJoin(t.theme, eq(t.theme.slug, t.examAnswer.themeSlug))
		.where(eq(t.examAnswer.attemptId, attempt.id))
		.orderBy(asc(t.examAnswer.position))
		.all()
		.map((row) => ({
			position: row.position,
			answered: row.chosen !== null,
			flagged: row.flagged,
			themeNumber: row.themeNumber,
			themeName: themeNameIn(db, locale, row)
		}));
}

export type ExamProblem = 'not_found' | 'closed' | 'input_invalid';

const saveSchema = z.object({
	position: z.string().regex(/^\d{1,2}$/).transform(Number),
	choice: choiceField.optional(),
	flagged: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on'),
	responseMs: responseMsField,
	shown: z.string().max(60).optional()
});

function shownAtOf(db: Db, user: SessionUser, attemptId: string, position: number, shown: string | undefined): Date | null {
	const match = /^(\d{13})\.([A-Za-z0-9_-]{22})$/.exec(shown ?? '');
	if (!match) return null;
	const ms = Number(match[1]);
	return verify(db, shownMessage(user, attemptId, position, ms), match[2]!) ? new Date(ms) : null;
}

export type SaveResult =
	| { ok: true; position: number; closed: boolean }
	| { ok: false; problem: ExamProblem };

/**
 * Saves (or changes) the answer and flag of one question. The answer is graded now, against the
 * version drawn. A save in the grace seconds after the deadline is kept, then the attempt closes;
 * a save after that closes the attempt without saving (`closed`: the learner sees the results).
 */
export function saveExamAnswer(db: Db, user: SessionUser, attemptId: string, input: Record<string, unknown>, now: Date): SaveResult {
	const attempt = loadAttempt(db, user, attemptId);
	if (!attempt) return { ok: false, problem: 'not_found' };
	const phase = attemptPhase(attempt, now);
	if (phase === 'closed') return { ok: false, problem: 'closed' };
	if (phase === 'over') {
		closeAttempt(db, user, attempt, 'expired', now);
		return { ok: false, problem: 'closed' };
	}
	const parsed = saveSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problem: 'input_invalid' };
	const { position, choice, flagged, responseMs, shown } = parsed.data;
	const answer = db
		.select()
		.from(t.examAnswer)
		.where(and(eq(t.examAnswer.attemptId, attempt.id), eq(t.examAnswer.position, position)))
		.get();
	if (!answer) return { ok: false, problem: 'input_invalid' };
	const update: Partial<t.ExamAnswerRow> = { flagged };
	if (choice !== undefined) {
		const chosen = answer.order[choice] ?? null;
		if (chosen !== answer.chosen) {
			const question = versionOf(db, answer.questionId, answer.questionVersion);
			update.chosen = chosen;
			update.correct = chosen === question.correctIndex;
			update.answeredAt = now;
			update.responseMs = measureResponse(responseMs, shownAtOf(db, user, attempt.id, position, shown), now);
		}
	}
	db.update(t.examAnswer)
		.set(update)
		.where(and(eq(t.examAnswer.attemptId, attempt.id), eq(t.examAnswer.position, position)))
		.run();
	if (phase === 'grace') {
		closeAttempt(db, user, attempt, 'expired', now);
		return { ok: true, position, closed: true };
	}
	return { ok: true, position, closed: false };
}

/** Hands in a running attempt. Past the deadline it closes as expired; a closed one is `closed`. */
export function handInExam(db: Db, user: SessionUser, attemptId: string, now: Date): { ok: true } | { ok: false; problem: ExamProblem } {
	const attempt = loadAttempt(db, user, attemptId);
	if (!attempt) return { ok: false, problem: 'not_found' };
	const phase = attemptPhase(attempt, now);
	if (phase === 'closed') return { ok: false, problem: 'closed' };
	return closeAttempt(db, user, attempt, phase === 'running' ? 'handed_in' : 'expired', now)
		? { ok: true }
		: { ok: false, problem: 'closed' };
}

export interface ExamResult {
	id: string;
	score: number;
	total: number;
	answered: number;
	/** questions answered wrong (unanswered ones are not mistakes to practise) */
	mistakes: number;
	/** the theme to practise next, if any was not fully right */
	weakest: { slug: string; name: string } | null;
	closedReason: 'handed_in' | 'expired';
	startedAt: string;
	minutesUsed: number;
	perTheme: { slug: string; number: number; name: string; score: number; total: number }[];
	previous: { id: string; startedAt: string; score: number; total: number }[];
	review: ({
		position: number;
		themeNumber: number;
		question: AidedText;
		options: AidedText[];
		chosenPosition: number | null;
		correctPosition: number;
		explanation: AidedText;
		aid: AidInfo | null;
		sourceUrl: string;
	} & QuestionLinks)[];
}

/**
 * The results of an attempt that is no longer running: closed, or with its time up (shown at once,
 * even before an action closes it). Null while it runs. Each question appears in the version the
 * learner answered.
 */
export function examResult(db: Db, user: SessionUser, attempt: t.ExamAttemptRow, now: Date, locale: Locale): ExamResult | null {
	if (attemptPhase(attempt, now) === 'running') return null;
	const rows = db
		.select({ answer: t.examAnswer, version: t.questionVersion, theme: t.theme, eindterm: t.question.eindterm, currentVersion: t.question.version })
		.from(t.examAnswer)
		.innerJoin(t.question, eq(t.question.id, t.examAnswer.questionId))
		.leftJoin(
			t.questionVersion,
			and(eq(t.questionVersion.questionId, t.examAnswer.questionId), eq(t.questionVersion.version, sql`coalesce(${t.examAnswer.questionVersion}, 1)`))
		)
		.innerJoin(t.theme, eq(t.theme.slug, t.examAnswer.themeSlug))
		.where(eq(t.examAnswer.attemptId, attempt.id))
		.orderBy(asc(t.examAnswer.position))
		.all();
	const score = scoreExam(rows.map(({ answer }) => ({ theme: answer.themeSlug, correct: answer.correct })));
	const themes = new Map(rows.map(({ theme }) => [theme.slug, theme]));
	const endedAt = attempt.closedAt ?? attempt.deadlineAt;
	const perTheme = score.perTheme.map((entry) => {
		const theme = themes.get(entry.theme)!;
		return { slug: theme.slug, number: theme.number, name: themeNameIn(db, locale, theme), score: entry.score, total: entry.total };
	});
	const weakest = findWeakestTheme(perTheme);
	return {
		id: attempt.id,
		score: score.score,
		total: score.total,
		answered: score.answered,
		mistakes: rows.filter(({ answer }) => answer.correct === false).length,
		weakest: weakest && { slug: weakest.slug, name: weakest.name },
		closedReason: attempt.closedReason ?? 'expired',
		startedAt: attempt.startedAt.toISOString(),
		minutesUsed: Math.max(0, Math.round((endedAt.getTime() - attempt.startedAt.getTime()) / 60_000)),
		perTheme,
		previous: listHistory(db, user, now, locale)
			.filter((entry) => entry.startedAt < attempt.startedAt.toISOString())
			.slice(0, 5)
			.map(({ id, startedAt, score: s, total }) => ({ id, startedAt, score: s, total })),
		review: rows.map(({ answer, theme, version, eindterm, currentVersion }) => {
			const question = version ?? versionOf(db, answer.questionId, answer.questionVersion);
			const aid = examAid(db, user, answer.questionId, question, currentVersion);
			return {
				position: answer.position,
				themeNumber: theme.number,
				question: { nl: question.questionNl, aid: aid?.question ?? '' },
				options: answer.order.map((index) => ({ nl: question.options[index]?.nl ?? '', aid: aid?.options[index] ?? '' })),
				chosenPosition: answer.chosen === null ? null : answer.order.indexOf(answer.chosen),
				correctPosition: answer.order.indexOf(question.correctIndex),
				explanation: { nl: question.explanationNl, aid: aid?.explanation ?? '' },
				aid: aid?.info ?? null,
				...loadQuestionLinks(db, answer.questionId, eindterm, locale),
				sourceUrl: question.sourceUrl
			};
		})
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

/** Attempts that are no longer running, newest first, with their per-theme scores. Reads only. */
export function listHistory(db: Db, user: SessionUser, now: Date, locale: Locale): HistoryEntry[] {
	const attempts = db
		.select()
		.from(t.examAttempt)
		.where(eq(t.examAttempt.userId, user.id))
		.orderBy(desc(t.examAttempt.startedAt))
		.all()
		.filter((attempt) => attemptPhase(attempt, now) !== 'running');
	if (attempts.length === 0) return [];
	const answers = db
		.select({ attemptId: t.examAnswer.attemptId, theme: t.examAnswer.themeSlug, correct: t.examAnswer.correct })
		.from(t.examAnswer)
		.where(
			inArray(
				t.examAnswer.attemptId,
				attempts.map((a) => a.id)
			)
		)
		.orderBy(asc(t.examAnswer.attemptId), asc(t.examAnswer.position))
		.all();
	const themes = new Map(
		db
			.select()
			.from(t.theme)
			.all()
			.map((theme) => [theme.slug, theme])
	);
	return attempts.map((attempt) => {
		const score = scoreExam(answers.filter((answer) => answer.attemptId === attempt.id));
		return {
			id: attempt.id,
			startedAt: attempt.startedAt.toISOString(),
			score: score.score,
			total: score.total,
			closedReason: attempt.closedReason ?? 'expired',
			perTheme: score.perTheme
				.map((entry) => ({ theme: themes.get(entry.theme), entry }))
				.filter((item) => item.theme !== undefined)
				.sort((a, b) => a.theme!.number - b.theme!.number)
				.map(({ theme, entry }) => ({
					number: theme!.number,
					name: themeNameIn(db, locale, theme!),
					score: entry.score,
					total: entry.total
				}))
		};
	});
}

/** The running attempt, for the exam start page. Reads only. */
export function runningAttemptId(db: Db, user: SessionUser, now: Date): string | null {
	return findRunningAttempt(db, user, now)?.id ?? null;
}
