import { and, count, eq, gte, isNull, lt, ne, sql } from 'drizzle-orm';
import { themeNameIn } from '../hub-text';
import { prepared } from '../db/prepared';
import { countStreak, learnerDay, learnerDayKey, startOfLearnerDay } from '../../domain/learner-day';
import type { Locale } from '../../domain/locale';
import { describeRound, ROUND_SIZE } from '../../domain/srs/round';
import type { RoundState } from '../../domain/srs/round';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as t from '../db/schema';
import { dayModelOf } from './reviews';

/* Progress: counts per theme and per learner day. Reads only. */

type Learner = Pick<SessionUser, 'id' | 'timezone' | 'dayStartsHour'>;

/**
 * Practice answers given today (learner day), and how many of them were a question's first answer
 * (for the daily new limit, and an exam plan's daily cap). Mock-exam answers do not count: an exam
 * must not use up the day.
 */
export function countPracticeToday(db: Db, user: Learner, now: Date): { answers: number; fresh: number } {
	const day = dayModelOf(user);
	const since = startOfLearnerDay(learnerDay(now, day), day);
	const statement = prepared(db, 'progress.today', () =>
		db
			.select({ answers: count(), fresh: sql<number>`count(CASE WHEN ${t.reviewLog.stateBefore} = 0 THEN 1 END)` })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, sql.placeholder('userId')), gte(t.reviewLog.reviewedAt, sql.placeholder('since')), ne(t.reviewLog.mode, 'exam')))
			.prepare()
	);
	const row = statement.get({ userId: user.id, since: since.getTime() });
	return { answers: row?.answers ?? 0, fresh: row?.fresh ?? 0 };
}

/** New questions answered for the first time today (learner day), for the daily limit. */
export function countNewToday(db: Db, user: Learner, now: Date): number {
	return countPracticeToday(db, user, now).fresh;
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
		JOIN question q ON q.theme_slug = th.slug AND q.retired_at IS NULL AND q.origin = 'bank'
		LEFT JOIN card c ON c.question_id = q.id AND c.user_id = ${userId}
		WHERE th.retired_at IS NULL
		GROUP BY th.slug
		ORDER BY th.number`);
	return rows.map((row) => ({
		slug: row.slug,
		number: row.number,
		name: themeNameIn(db, locale, row),
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
	/** due cards per learner day (YYYY-MM-DD), today first (today includes everything overdue) */
	forecast: { day: string; count: number }[];
	streak: number;
}

const FORECAST_DAYS = 7;

export function progressOverview(db: Db, user: SessionUser, now: Date, locale: Locale): ProgressOverview {
	const model = dayModelOf(user);
	const themes = themeProgress(db, user.id, now, locale);
	const today = learnerDay(now, model);
	const todayStart = startOfLearnerDay(today, model);
	const reviewsToday =
		db
			.select({ n: count() })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, user.id), gte(t.reviewLog.reviewedAt, todayStart)))
			.get()?.n ?? 0;

	const perDay = new Array<number>(FORECAST_DAYS).fill(0);
	const dueRows = db
		.select({ due: t.card.due })
		.from(t.card)
		.innerJoin(t.question, eq(t.question.id, t.card.questionId))
		.where(
			and(eq(t.card.userId, user.id), lt(t.card.due, startOfLearnerDay(today + FORECAST_DAYS, model)), isNull(t.question.retiredAt))
		)
		.all();
	for (const row of dueRows) {
		const offset = row.due.getTime() <= now.getTime() ? 0 : learnerDay(row.due, model) - today;
		if (offset >= 0 && offset < FORECAST_DAYS) perDay[offset]! += 1;
	}

	return {
		themes,
		reviewsToday,
		newToday: countNewToday(db, user, now),
		newPerDay: user.newPerDay,
		dueNow: themes.reduce((n, theme) => n + theme.due, 0),
		forecast: perDay.map((n, offset) => ({ day: learnerDayKey(today + offset), count: n })),
		streak: practiceStreak(db, user, now)
	};
}

/**
 * The round that started at `start`: its practice answers (not mock-exam ones) up to `now`, read
 * back from the review log, in time order. A round that has not started yet (no answer) is empty.
 */
export function loadRound(db: Db, userId: string, start: Date | null, now: Date): RoundState {
	if (start === null) return describeRound(null, []);
	// On the answer path (every answer reads its round back): prepared once.
	const answers = prepared(db, 'progress.round', () =>
		db.$client.prepare(`
			SELECT r.question_id AS questionId, r.correct, q.question_nl AS question
			FROM review_log r JOIN question q ON q.id = r.question_id
			WHERE r.user_id = ? AND r.reviewed_at >= ? AND r.reviewed_at <= ? AND r.mode <> 'exam'
			ORDER BY r.reviewed_at, r.id
			LIMIT ${ROUND_SIZE}`)
	).all(userId, start.getTime(), now.getTime()) as { questionId: string; correct: number; question: string }[];
	return describeRound(
		start,
		answers.map((row) => ({ questionId: row.questionId, correct: row.correct === 1, question: row.question }))
	);
}

/** Days in a row with practice, ending today or yesterday (learner days). */
export function practiceStreak(db: Db, user: Learner, now: Date): number {
	// Newest first, read lazily: countStreak stops at the first gap.
	const answeredAt = prepared(db, 'progress.streak', () =>
		db.$client.prepare('SELECT reviewed_at FROM review_log WHERE user_id = ? AND reviewed_at <= ? ORDER BY reviewed_at DESC').pluck()
	).iterate(user.id, now.getTime()) as IterableIterator<number>;
	return countStreak(answeredAt, now, dayModelOf(user));
}
