import { and, asc, count, eq, gt, gte, isNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { describeWait, pickNext, shuffleOrder } from '../domain/srs/queue';
import { createScheduler, SCHEDULER_VERSION } from '../domain/srs/scheduler';
import type { CardPhase, CardState, Scheduler } from '../domain/srs/scheduler';
import { countStreak, localDayKey, nextDayKeys, startOfLocalDay } from '../domain/time';
import { generateSessionToken } from './auth/session';
import type { SessionUser } from './auth/session';
import type { Db } from './db';
import * as t from './db/schema';
import { pickLocale } from '../domain/locale';
import type { Locale } from '../domain/locale';

/*
 * The practice loop (issue: practice). The server is the judge: the page gets the question and the
 * options in a shuffled order, never which one is right; the answer comes back with the one-time
 * token of that showing and is graded here, and the card update and the log entry are one
 * transaction.
 */

export type Scope =
	| { kind: 'due' }
	| { kind: 'theme'; theme: string }
	| { kind: 'set'; setId: string }
	| { kind: 'mistakes' };

const scopeSchema = z.union([
	z.literal('due').transform((): Scope => ({ kind: 'due' })),
	z.literal('mistakes').transform((): Scope => ({ kind: 'mistakes' })),
	z
		.string()
		.regex(/^theme:[a-z0-9-]{1,80}$/)
		.transform((value): Scope => ({ kind: 'theme', theme: value.slice('theme:'.length) })),
	z
		.string()
		.regex(/^set:[a-z0-9:-]{1,100}$/)
		.transform((value): Scope => ({ kind: 'set', setId: value.slice('set:'.length) }))
]);

export function parseScope(value: string | null): Scope | null {
	const parsed = scopeSchema.safeParse(value ?? 'due');
	return parsed.success ? parsed.data : null;
}

export function scopeKey(scope: Scope): string {
	switch (scope.kind) {
		case 'due':
		case 'mistakes':
			return scope.kind;
		case 'theme':
			return `theme:${scope.theme}`;
		case 'set':
			return `set:${scope.setId}`;
	}
}

const pick = pickLocale;
const DAY_MS = 86_400_000;
/** An unanswered showing is offered again (same question, same order) for this long. */
const SHOWING_REUSE_MS = 2 * 60 * 60 * 1000;
const MISTAKE_WINDOW_MS = 30 * DAY_MS;

/** The learner's scheduling settings; they travel with the session user, no extra query. */
export type LearnerSettings = Pick<SessionUser, 'desiredRetention' | 'newPerDay' | 'timezone'>;

/** Whether a scope names something that exists and that this learner may practise. */
export function scopeExists(db: Db, user: SessionUser, scope: Scope): boolean {
	if (scope.kind === 'theme') {
		return db.select({ slug: t.theme.slug }).from(t.theme).where(eq(t.theme.slug, scope.theme)).get() !== undefined;
	}
	if (scope.kind === 'set') {
		const set = db.select().from(t.questionSet).where(eq(t.questionSet.id, scope.setId)).get();
		return set !== undefined && (set.ownerId === null || set.ownerId === user.id);
	}
	return true;
}

/** SQL condition restricting `question` rows to a scope (mistakes are handled separately). */
function scopeCondition(scope: Scope) {
	if (scope.kind === 'theme') return eq(t.question.themeSlug, scope.theme);
	if (scope.kind === 'set') {
		return sql`${t.question.id} IN (SELECT ${t.questionSetItem.questionId} FROM ${t.questionSetItem} WHERE ${t.questionSetItem.setId} = ${scope.setId})`;
	}
	return undefined;
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

export function loadCard(db: Pick<Db, 'select'>, userId: string, questionId: string): CardState | null {
	const row = db
		.select()
		.from(t.card)
		.where(and(eq(t.card.userId, userId), eq(t.card.questionId, questionId)))
		.get();
	return row ? rowToCard(row) : null;
}

export function saveCard(db: Pick<Db, 'insert'>, userId: string, questionId: string, card: CardState): void {
	const values = { userId, questionId, ...card };
	db.insert(t.card)
		.values(values)
		.onConflictDoUpdate({ target: [t.card.userId, t.card.questionId], set: card })
		.run();
}

/** New questions answered for the first time today (local day), for the daily limit. */
export function countNewToday(db: Db, userId: string, now: Date, timezone: string): number {
	const since = startOfLocalDay(now, timezone);
	return (
		db
			.select({ n: count() })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, userId), gte(t.reviewLog.reviewedAt, since), eq(t.reviewLog.stateBefore, 0)))
			.get()?.n ?? 0
	);
}

/**
 * The due-queue query: the most overdue card of the learner (uses the (user_id, due) index).
 * Exported for the benchmark, which times it and checks its query plan.
 */
export function findMostOverdue(db: Db, userId: string, now: Date, scope: Scope): { questionId: string; due: Date } | undefined {
	const condition = scopeCondition(scope);
	return db
		.select({ questionId: t.card.questionId, due: t.card.due })
		.from(t.card)
		.innerJoin(t.question, eq(t.question.id, t.card.questionId))
		.where(and(eq(t.card.userId, userId), lte(t.card.due, now), isNull(t.question.retiredAt), condition))
		.orderBy(asc(t.card.due))
		.limit(1)
		.get();
}

function findFirstNew(db: Db, userId: string, scope: Scope): string | undefined {
	const condition = scopeCondition(scope);
	return db
		.select({ id: t.question.id })
		.from(t.question)
		.innerJoin(t.theme, eq(t.theme.slug, t.question.themeSlug))
		.leftJoin(t.card, and(eq(t.card.userId, userId), eq(t.card.questionId, t.question.id)))
		.where(and(isNull(t.card.questionId), isNull(t.question.retiredAt), condition))
		.orderBy(asc(t.theme.number), asc(t.question.position))
		.limit(1)
		.get()?.id;
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

export interface ShownQuestion {
	token: string;
	questionId: string;
	themeSlug: string;
	question: { nl: string; en: string };
	/** in the shuffled order of this showing; which one is right is not included */
	options: { nl: string; en: string }[];
	kind: 'due' | 'new' | 'mistake';
}

export type NextResult = { done: false; shown: ShownQuestion } | { done: true; nextDueAt: Date | null };

/** Random numbers in [0, 1) from the secure source, for the option shuffle. */
function secureUnitRandom(): number {
	const bytes = new Uint32Array(1);
	crypto.getRandomValues(bytes);
	return (bytes[0] ?? 0) / 2 ** 32;
}

/**
 * The question to show now for this scope. An unanswered showing of the same scope is shown again
 * (same question, same option order), so reloading the page changes nothing.
 */
export function nextQuestion(db: Db, user: SessionUser, scope: Scope, now: Date): NextResult {
	const key = scopeKey(scope);
	const open = db
		.select()
		.from(t.showing)
		.where(
			and(
				eq(t.showing.userId, user.id),
				eq(t.showing.scope, key),
				isNull(t.showing.usedAt),
				gt(t.showing.issuedAt, new Date(now.getTime() - SHOWING_REUSE_MS))
			)
		)
		.orderBy(sql`${t.showing.issuedAt} DESC`)
		.limit(1)
		.get();
	if (open) {
		const shown = toShownQuestion(db, open, open.kind);
		if (shown) return { done: false, shown };
	}

	let next: { questionId: string; kind: ShownQuestion['kind'] } | null;
	if (scope.kind === 'mistakes') {
		const first = listMistakes(db, user.id, now)[0];
		next = first ? { questionId: first.questionId, kind: 'mistake' } : null;
	} else {
		const settings = user;
		const due = findMostOverdue(db, user.id, now, scope);
		const fresh = findFirstNew(db, user.id, scope);
		next = pickNext({
			due: due ? [due] : [],
			fresh: fresh ? [fresh] : [],
			newToday: countNewToday(db, user.id, now, settings.timezone),
			newPerDay: settings.newPerDay,
			now
		});
	}
	if (!next) return { done: true, nextDueAt: nextDueAt(db, user.id, scope) };

	const row = {
		id: generateSessionToken(),
		userId: user.id,
		questionId: next.questionId,
		scope: key,
		kind: next.kind,
		order: shuffleOrder(3, secureUnitRandom),
		issuedAt: now,
		usedAt: null
	};
	db.insert(t.showing).values(row).run();
	const shown = toShownQuestion(db, row, next.kind);
	if (!shown) return { done: true, nextDueAt: null };
	return { done: false, shown };
}

function nextDueAt(db: Db, userId: string, scope: Scope): Date | null {
	if (scope.kind === 'mistakes') return null;
	const row = db
		.select({ due: t.card.due })
		.from(t.card)
		.innerJoin(t.question, eq(t.question.id, t.card.questionId))
		.where(and(eq(t.card.userId, userId), isNull(t.question.retiredAt), scopeCondition(scope)))
		.orderBy(asc(t.card.due))
		.limit(1)
		.get();
	return row?.due ?? null;
}

function toShownQuestion(
	db: Db,
	showing: { id: string; questionId: string; order: number[] },
	kind: ShownQuestion['kind']
): ShownQuestion | null {
	const question = db.select().from(t.question).where(eq(t.question.id, showing.questionId)).get();
	if (!question || question.retiredAt !== null) return null;
	return {
		token: showing.id,
		questionId: question.id,
		themeSlug: question.themeSlug,
		question: { nl: question.questionNl, en: question.questionEn },
		options: showing.order.map((index) => question.options[index] ?? { nl: '', en: '' }),
		kind
	};
}

/** Schedulers are immutable; one per desired retention saves rebuilding parameters per answer. */
const schedulers = new Map<number, Scheduler>();
function schedulerFor(desiredRetention: number): Scheduler {
	let scheduler = schedulers.get(desiredRetention);
	if (!scheduler) {
		scheduler = createScheduler({ desiredRetention });
		schedulers.set(desiredRetention, scheduler);
	}
	return scheduler;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The hub guides and sources a question links to, for feedback and exam review. */
export function loadQuestionLinks(
	db: Pick<Db, 'select'>,
	questionId: string,
	locale: Locale
): { guides: { slug: string; title: string }[]; sources: { slug: string; name: string }[] } {
	const guides = db
		.select({ slug: t.guide.slug, titleEn: t.guide.titleEn, titleNl: t.guide.titleNl })
		.from(t.questionGuide)
		.innerJoin(t.guide, eq(t.guide.slug, t.questionGuide.guideSlug))
		.where(eq(t.questionGuide.questionId, questionId))
		.all()
		.map((guide) => ({ slug: guide.slug, title: pick(locale, guide.titleEn, guide.titleNl) }));
	const sources = db
		.select({ slug: t.source.slug, name: t.source.name })
		.from(t.questionSource)
		.innerJoin(t.source, eq(t.source.slug, t.questionSource.sourceSlug))
		.where(eq(t.questionSource.questionId, questionId))
		.all();
	return { guides, sources };
}

export interface ReviewInput {
	userId: string;
	questionId: string;
	mode: 'practice' | 'mistakes' | 'exam';
	now: Date;
	correct: boolean;
	guessed: boolean;
	/** file-order index of the chosen option */
	chosenIndex: number;
	shownOrder: number[];
	responseMs: number;
	settings: LearnerSettings;
}

/**
 * Schedules the card and appends the review-log row. Call inside a transaction; practice answers
 * and handed-in mock exams both record their reviews through here.
 */
export function recordReview(tx: Tx, input: ReviewInput): ReturnType<Scheduler['review']> {
	const scheduler = schedulerFor(input.settings.desiredRetention);
	const before = loadCard(tx, input.userId, input.questionId);
	const result = scheduler.review(before, input.now, { correct: input.correct, guessed: input.guessed });
	saveCard(tx, input.userId, input.questionId, result.card);
	tx.insert(t.schedulerParams)
		.values({ hash: scheduler.paramsHash, params: scheduler.params })
		.onConflictDoNothing()
		.run();
	tx.insert(t.reviewLog)
		.values({
			userId: input.userId,
			questionId: input.questionId,
			mode: input.mode,
			reviewedAt: input.now,
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
			timezone: input.settings.timezone
		})
		.run();
	return result;
}

export type AnswerProblem = 'answer_invalid' | 'token_unknown' | 'token_used' | 'question_mismatch';

const answerSchema = z.object({
	token: z.string().regex(/^[a-z2-7]{32}$/),
	questionId: z.string().min(1).max(40),
	choice: z
		.string()
		.regex(/^[0-2]$/)
		.transform(Number),
	guessed: z
		.literal('on')
		.optional()
		.transform((value) => value === 'on')
});

export interface Feedback {
	questionId: string;
	correct: boolean;
	guessed: boolean;
	question: { nl: string; en: string };
	/** in the order they were shown */
	options: { nl: string; en: string }[];
	chosenPosition: number;
	correctPosition: number;
	explanation: { nl: string; en: string };
	guides: { slug: string; title: string }[];
	sources: { slug: string; name: string }[];
	sourceUrl: string;
	dueAt: Date;
	wait: { unit: 'minutes' | 'hours' | 'days'; count: number };
}

export type AnswerResult = { ok: true; feedback: Feedback } | { ok: false; problem: AnswerProblem };

/**
 * Grades an answer and schedules the card. The showing is marked used in the same transaction as
 * the card update and the log entry, so a double submit or a replay records one review, not two.
 */
export function submitAnswer(
	db: Db,
	user: SessionUser,
	input: Record<string, unknown>,
	now: Date,
	locale: Locale
): AnswerResult {
	const parsed = answerSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problem: 'answer_invalid' };
	const { token, questionId, choice, guessed } = parsed.data;
	const settings = user;

	return db.transaction((tx): AnswerResult => {
		const showing = tx.select().from(t.showing).where(eq(t.showing.id, token)).get();
		if (!showing || showing.userId !== user.id) return { ok: false, problem: 'token_unknown' };
		if (showing.usedAt !== null) return { ok: false, problem: 'token_used' };
		if (showing.questionId !== questionId) return { ok: false, problem: 'question_mismatch' };
		const question = tx.select().from(t.question).where(eq(t.question.id, questionId)).get();
		if (!question) return { ok: false, problem: 'question_mismatch' };

		const chosenIndex = showing.order[choice] ?? -1;
		const correct = chosenIndex === question.correctIndex;

		const claimed = tx
			.update(t.showing)
			.set({ usedAt: now })
			.where(and(eq(t.showing.id, token), isNull(t.showing.usedAt)))
			.run();
		if (claimed.changes !== 1) return { ok: false, problem: 'token_used' };

		const result = recordReview(tx, {
			userId: user.id,
			questionId,
			mode: showing.scope === 'mistakes' ? 'mistakes' : 'practice',
			now,
			correct,
			guessed,
			chosenIndex,
			shownOrder: showing.order,
			responseMs: Math.max(0, now.getTime() - showing.issuedAt.getTime()),
			settings
		});

		const { guides, sources } = loadQuestionLinks(tx, questionId, locale);
		return {
			ok: true,
			feedback: {
				questionId,
				correct,
				guessed,
				question: { nl: question.questionNl, en: question.questionEn },
				options: showing.order.map((index) => question.options[index] ?? { nl: '', en: '' }),
				chosenPosition: choice,
				correctPosition: showing.order.indexOf(question.correctIndex),
				explanation: { nl: question.explanationNl, en: question.explanationEn },
				guides,
				sources,
				sourceUrl: question.sourceUrl,
				dueAt: result.card.due,
				wait: describeWait(now, result.card.due)
			}
		};
	});
}

export interface ThemeProgress {
	slug: string;
	number: number;
	name: string;
	total: number;
	newCount: number;
	learning: number;
	learnt: number;
	due: number;
}

/** Per theme: questions not seen yet, in learning, learnt (review state), and due now. */
export function themeProgress(db: Db, userId: string, now: Date, locale: Locale): ThemeProgress[] {
	const rows = db.all<{
		slug: string;
		number: number;
		nameEn: string;
		nameNl: string;
		total: number;
		learning: number;
		learnt: number;
		due: number;
	}>(sql`
		SELECT th.slug, th.number, th.name_en AS nameEn, th.name_nl AS nameNl,
			COUNT(q.id) AS total,
			COUNT(CASE WHEN c.state IN (1, 3) THEN 1 END) AS learning,
			COUNT(CASE WHEN c.state = 2 THEN 1 END) AS learnt,
			COUNT(CASE WHEN c.due <= ${now.getTime()} THEN 1 END) AS due
		FROM theme th
		JOIN question q ON q.theme_slug = th.slug AND q.retired_at IS NULL
		LEFT JOIN card c ON c.question_id = q.id AND c.user_id = ${userId}
		GROUP BY th.slug
		ORDER BY th.number`);
	return rows.map((row) => ({
		slug: row.slug,
		number: row.number,
		name: pick(locale, row.nameEn, row.nameNl),
		total: row.total,
		newCount: row.total - row.learning - row.learnt,
		learning: row.learning,
		learnt: row.learnt,
		due: row.due
	}));
}

export interface ProgressOverview {
	themes: ThemeProgress[];
	reviewsToday: number;
	newToday: number;
	newPerDay: number;
	dueNow: number;
	/** due cards per local day, today first (today includes everything overdue) */
	forecast: { day: string; count: number }[];
	streak: number;
}

export function progressOverview(db: Db, user: SessionUser, now: Date, locale: Locale): ProgressOverview {
	const settings = user;
	const themes = themeProgress(db, user.id, now, locale);
	const today = startOfLocalDay(now, settings.timezone);
	const reviewsToday =
		db
			.select({ n: count() })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, user.id), gte(t.reviewLog.reviewedAt, today)))
			.get()?.n ?? 0;

	const days = nextDayKeys(now, settings.timezone, 7);
	const horizon = startOfLocalDay(new Date(today.getTime() + 7 * DAY_MS + 3 * 3_600_000), settings.timezone);
	const dueRows = db
		.select({ due: t.card.due })
		.from(t.card)
		.innerJoin(t.question, eq(t.question.id, t.card.questionId))
		.where(and(eq(t.card.userId, user.id), lte(t.card.due, horizon), isNull(t.question.retiredAt)))
		.all();
	const perDay = new Map(days.map((day) => [day, 0]));
	const todayKey = days[0] ?? localDayKey(now, settings.timezone);
	for (const row of dueRows) {
		const key = row.due.getTime() <= now.getTime() ? todayKey : localDayKey(row.due, settings.timezone);
		if (perDay.has(key)) perDay.set(key, (perDay.get(key) ?? 0) + 1);
	}

	const practised = new Set(
		db
			.select({ at: t.reviewLog.reviewedAt })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, user.id), gte(t.reviewLog.reviewedAt, new Date(now.getTime() - 400 * DAY_MS))))
			.all()
			.map((row) => localDayKey(row.at, settings.timezone))
	);

	return {
		themes,
		reviewsToday,
		newToday: countNewToday(db, user.id, now, settings.timezone),
		newPerDay: settings.newPerDay,
		dueNow: themes.reduce((n, theme) => n + theme.due, 0),
		forecast: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
		streak: countStreak(practised, now, settings.timezone)
	};
}

export interface PracticeSet {
	id: string;
	title: string;
	themeSlug: string | null;
	size: number;
}

/** Built-in sets (one per theme) and the learner's own sets. */
export function listSets(db: Db, userId: string, locale: Locale): PracticeSet[] {
	return db
		.all<{ id: string; titleEn: string; titleNl: string; themeSlug: string | null; size: number }>(sql`
			SELECT s.id, s.title_en AS titleEn, s.title_nl AS titleNl, s.theme_slug AS themeSlug,
				COUNT(q.id) AS size
			FROM question_set s
			LEFT JOIN question_set_item i ON i.set_id = s.id
			LEFT JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
			WHERE s.owner_id IS NULL OR s.owner_id = ${userId}
			GROUP BY s.id
			ORDER BY s.owner_id IS NOT NULL, s.position, s.title_en`)
		.map((row) => ({ id: row.id, title: pick(locale, row.titleEn, row.titleNl), themeSlug: row.themeSlug, size: row.size }));
}
