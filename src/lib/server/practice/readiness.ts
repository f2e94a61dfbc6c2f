import { and, desc, eq } from 'drizzle-orm';
import { themeNameIn } from '../hub-text';
import { eindtermAnchor } from '../../domain/content/markdown';
import { learnerDay, learnerDayKey, learnerDayOfKey, startOfLearnerDay } from '../../domain/learner-day';
import { newForToday } from '../../domain/srs/exam-policy';
import { pickLocale } from '../../domain/locale';
import type { Locale } from '../../domain/locale';
import { estimateReadiness, LUCKY_GUESS_SHARE } from '../../domain/srs/readiness';
import { MIN_SECOND_ANSWERS } from '../../domain/srs/calibration';
import { forecastPlan } from '../../domain/srs/forecast-plan';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { prepared } from '../db/prepared';
import * as t from '../db/schema';
import { countPracticeToday } from './progress';
import { countUnseen } from './queue';
import { activeExamPlan, dayModelOf } from './reviews';

/**
 * The share of right first answers that were guesses: what `npm run eval:scheduler -- --save`
 * measured, once it rests on MIN_SECOND_ANSWERS answers; until then the prior of srs.md §6.
 */
export function luckyGuessShare(db: Db): number {
	const row = prepared(db, 'readiness.luckyShare', () =>
		db.$client.prepare(`SELECT value, answers FROM scheduler_calibration WHERE name = 'lucky_guess_share'`)
	).get() as { value: number; answers: number } | undefined;
	return row && row.answers >= MIN_SECOND_ANSWERS ? row.value : LUCKY_GUESS_SHARE;
}

/** The readiness estimate for `examDay` from the learner's cards: one query over the bank. */
/** One row per active question of the bank (not teachers' own), with the learner's card if any: what readiness and the forecast read. */
interface BankRow {
	questionId: string;
	theme: string;
	eindterm: string;
	stability: number | null;
	difficulty: number | null;
	lastReviewDay: number | null;
	due: number | null;
	state: number | null;
	reps: number | null;
	lastRating: number | null;
}

/** The bank and the learner's cards: one query, shared by readiness and the plan ahead. */
function readBank(db: Db, userId: string): BankRow[] {
	return prepared(db, 'readiness.bank', () =>
		db.$client.prepare(`
			SELECT q.id AS questionId, q.theme_slug AS theme, q.eindterm AS eindterm, c.stability AS stability,
				c.difficulty AS difficulty, c.last_review_day AS lastReviewDay, c.due AS due, c.state AS state,
				c.reps AS reps, c.last_rating AS lastRating
			FROM question q
			JOIN theme th ON th.slug = q.theme_slug AND th.retired_at IS NULL
			LEFT JOIN card c ON c.user_id = ? AND c.question_id = q.id
			WHERE q.retired_at IS NULL AND q.origin = 'bank'`)
	).all(userId) as BankRow[];
}

function estimateFor(db: Db, userId: string, examDay: number, bank: BankRow[] = readBank(db, userId)) {
	return estimateReadiness(
		bank.map((row) => ({
			theme: row.theme,
			eindterm: row.eindterm,
			card:
				row.stability === null || row.lastReviewDay === null
					? null
					: { stability: row.stability, lastReviewDay: row.lastReviewDay, reps: row.reps ?? 0, lastRating: row.lastRating }
		})),
		examDay,
		luckyGuessShare(db)
	);
}

/*
 * The learner's readiness for the exam (domain/srs/readiness.ts) on their exam day, or today when
 * they have none (or it has passed). One query over the bank and the learner's cards; reads only.
 */

export interface ReadinessView {
	/** the day the estimate is for (YYYY-MM-DD) */
	day: string;
	/** true when `day` is the learner's exam date, false when it is today */
	examDay: boolean;
	expected: number;
	low: number;
	high: number;
	total: number;
	themes: {
		slug: string;
		number: number;
		name: string;
		expected: number;
		questions: number;
		answered: number;
		weakest: { code: string; description: string; expected: number; guideHref: string | null }[];
	}[];
	/** the learner's latest finished practice exam, to show beside the estimate */
	lastExam: { score: number; total: number; startedAt: string } | null;
}

export function loadReadiness(db: Db, user: SessionUser, now: Date, locale: Locale, bank?: BankRow[]): ReadinessView {
	const day = dayModelOf(user);
	const today = learnerDay(now, day);
	const examDay = user.examDate ? learnerDayOfKey(user.examDate) : null;
	const target = examDay !== null && examDay >= today ? examDay : today;
	const readiness = estimateFor(db, user.id, target, bank);
	const themes = new Map(db.select().from(t.theme).all().map((theme) => [theme.slug, theme]));
	const eindtermen = new Map(db.select().from(t.eindterm).all().map((row) => [row.code, row]));
	const guides = new Map<string, string>();
	for (const row of db.select().from(t.guideTheme).all()) if (!guides.has(row.themeSlug)) guides.set(row.themeSlug, row.guideSlug);
	const last = db
		.select({ score: t.examAttempt.score, total: t.examAttempt.total, startedAt: t.examAttempt.startedAt })
		.from(t.examAttempt)
		.where(eq(t.examAttempt.userId, user.id))
		.orderBy(desc(t.examAttempt.startedAt))
		.all()
		.find((attempt) => attempt.score !== null);
	return {
		day: learnerDayKey(target),
		examDay: target === examDay,
		expected: readiness.expected,
		low: readiness.low,
		high: readiness.high,
		total: readiness.total,
		themes: readiness.themes
			.map((entry) => {
				const theme = themes.get(entry.theme)!;
				const guide = guides.get(entry.theme);
				return {
					slug: entry.theme,
					number: theme.number,
					name: themeNameIn(db, locale, theme),
					expected: entry.expected,
					questions: entry.questions,
					answered: entry.answered,
					weakest: entry.weakest.map((weak) => {
						const row = eindtermen.get(weak.code);
						return {
							code: weak.code,
							description: row ? pickLocale(locale, row.descriptionEn, row.descriptionNl) : '',
							expected: weak.expected,
							guideHref: guide ? `/guides/${guide}#${eindtermAnchor(weak.code)}` : null
						};
					})
				};
			})
			.sort((a, b) => a.number - b.number),
		lastExam: last ? { score: last.score!, total: last.total, startedAt: last.startedAt.toISOString() } : null
	};
}

export interface TodayPlan {
	/** about how many answers today's plan asks for, those already given included */
	target: number;
	/** answers still to give today */
	left: number;
	/** the exam date (YYYY-MM-DD) */
	examDate: string;
	/** learner days until the exam */
	daysLeft: number;
}

/**
 * Today's target under the exam plan (null without one): today's answers so far, plus the cards
 * due before the next learner day, plus today's share of new questions, within the daily cap.
 */
export function loadTodayPlan(db: Db, user: SessionUser, now: Date, practiced?: { answers: number; fresh: number }): TodayPlan | null {
	const plan = activeExamPlan(user, now);
	if (!plan || !user.examDate) return null;
	const day = dayModelOf(user);
	const { answers, fresh } = practiced ?? countPracticeToday(db, user, now);
	const due = (
		prepared(db, 'plan.dueToday', () =>
			db.$client.prepare(`
				SELECT COUNT(*) AS n FROM card c JOIN question q ON q.id = c.question_id AND q.retired_at IS NULL
				WHERE c.user_id = ? AND c.due < ?`)
		).get(user.id, startOfLearnerDay(plan.today + 1, day).getTime()) as { n: number }
	).n;
	const newQuota = newForToday(countUnseen(db, user.id) + fresh, plan.today, plan.examDay, answers - fresh, user.dailyCap);
	const target = Math.min(user.dailyCap, answers + due + Math.max(0, newQuota - fresh));
	return { target, left: Math.max(0, target - answers), examDate: user.examDate, daysLeft: plan.examDay - plan.today };
}

export interface PlanForecastView {
	/** YYYY-MM-DD of each day from today to the exam day */
	days: { date: string; answers: number; expected: number | null }[];
	total: number;
	onExamDay: number;
	busiestDay: number;
}

/**
 * The plan ahead (domain/srs/forecast-plan.ts), null without an exam plan: from the learner's
 * cards, each day's planned answers and the expected score if the exam were that day. One query
 * over the bank and the learner's cards; reads only.
 */
export function loadPlanForecast(db: Db, user: SessionUser, now: Date, bank?: BankRow[], answeredToday?: number): PlanForecastView | null {
	const plan = activeExamPlan(user, now);
	if (!plan) return null;
	const day = dayModelOf(user);
	const rows = bank ?? readBank(db, user.id);
	const forecast = forecastPlan(
		rows.map((row) => ({
			questionId: row.questionId,
			theme: row.theme,
			card:
				row.stability === null || row.difficulty === null || row.lastReviewDay === null || row.due === null
					? null
					: {
							stability: row.stability,
							difficulty: row.difficulty,
							lastReviewDay: row.lastReviewDay,
							// a card in a learning step comes back today
							dueDay: row.state === 2 ? learnerDay(new Date(row.due), day) : plan.today,
							reps: row.reps ?? 0,
							lastRating: row.lastRating
						}
		})),
		plan.today,
		plan,
		user.dailyCap,
		answeredToday ?? countPracticeToday(db, user, now).answers,
		luckyGuessShare(db)
	);
	return {
		days: forecast.days.map((entry) => ({ date: learnerDayKey(entry.day), answers: entry.answers, expected: entry.expected })),
		total: forecast.total,
		onExamDay: forecast.onExamDay,
		busiestDay: forecast.busiestDay
	};
}

/**
 * Everything `/progress` shows about the exam: readiness, today's target and the plan ahead, from
 * one read of the bank and one count of today's practice.
 */
export function loadExamOutlook(db: Db, user: SessionUser, now: Date, locale: Locale) {
	const bank = readBank(db, user.id);
	const practiced = activeExamPlan(user, now) ? countPracticeToday(db, user, now) : undefined;
	return {
		readiness: loadReadiness(db, user, now, locale, bank),
		todayPlan: loadTodayPlan(db, user, now, practiced),
		planForecast: loadPlanForecast(db, user, now, bank, practiced?.answers)
	};
}

export const EXAM_RESULTS = ['passed', 'failed', 'unknown', 'skipped'] as const;
export type ExamResultAnswer = (typeof EXAM_RESULTS)[number];

/** The exam date to ask about: the learner's exam date when it has passed and was not answered. */
export function pendingExamOutcome(db: Db, user: SessionUser, now: Date): string | null {
	if (!user.examDate || learnerDayOfKey(user.examDate) >= learnerDay(now, dayModelOf(user))) return null;
	const answered = db
		.select({ result: t.examOutcome.result })
		.from(t.examOutcome)
		.where(and(eq(t.examOutcome.userId, user.id), eq(t.examOutcome.examDate, user.examDate)))
		.get();
	return answered ? null : user.examDate;
}

/**
 * Stores how the exam went (once per exam date), with the readiness estimate for that day, for
 * calibration only. 'invalid' for an answer that is not one of the choices; 'not_asked' when
 * there is no passed, unanswered exam date.
 */
export function saveExamOutcome(db: Db, user: SessionUser, input: Record<string, unknown>, now: Date): { ok: true } | { ok: false; problem: 'invalid' | 'not_asked' } {
	const result = EXAM_RESULTS.find((value) => value === input.result);
	if (!result) return { ok: false, problem: 'invalid' };
	const examDate = pendingExamOutcome(db, user, now);
	if (!examDate) return { ok: false, problem: 'not_asked' };
	const estimate = estimateFor(db, user.id, learnerDayOfKey(examDate));
	db.insert(t.examOutcome)
		.values({ userId: user.id, examDate, result, predictedScore: estimate.expected / estimate.total, answeredAt: now })
		.onConflictDoNothing()
		.run();
	return { ok: true };
}
