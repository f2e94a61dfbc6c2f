import { sql, TransactionRollbackError } from 'drizzle-orm';
import { themeNameIn } from '../hub-text';
import { z } from 'zod';
import { learnerDay, learnerDayOfKey } from '../../domain/learner-day';
import { pickLocale, pickTitle } from '../../domain/locale';
import type { Locale } from '../../domain/locale';
import { bandOf, describeShare, findNeedsAttention, MOST_MISSED_COUNT, pickMostMissed, wholePercent } from '../../domain/teach/insight';
import type { AttentionReason, ShareBand, ShareView } from '../../domain/teach/insight';
import type { Db } from '../db';
import { WORD_CARD_PREFIX } from '../../domain/content/word-cards';
import { listClassAssignments, meetsGoal } from './assignments';
import { listRoster } from './classes';
import { addItems, createSet } from './sets';

/** LIKE pattern of word cards' question ids (domain/content/word-cards.ts). */
const WORD_CARDS = `${WORD_CARD_PREFIX}%`;

/*
 * Class insight (/teach/classes/<id>/insight): what the class gets wrong, over its practice and
 * practice exams. Every number is a grouped query over the class's review-log rows and cards;
 * no review is loaded one by one. The caller has checked that the class is the teacher's.
 */

/** The per-question table's filters (URL search parameters); unknown values are dropped. */
export const insightFilterSchema = z.object({
	theme: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
	eindterm: z.string().regex(/^\d{1,2}\.\d{1,2}$/).optional().catch(undefined),
	task: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional().catch(undefined),
	sort: z.enum(['rate', 'learners', 'theme']).catch('rate')
});
export type InsightFilter = z.infer<typeof insightFilterSchema>;

/** The filters of a page or download URL (the page and its CSV read the same parameters). */
export function readInsightFilter(url: URL): InsightFilter {
	return insightFilterSchema.parse(Object.fromEntries(url.searchParams));
}

export interface WrongChoice {
	/** the option's text (Dutch), as it was shown in the version answered */
	option: string;
	count: number;
	/** of the question's wrong answers */
	share: ShareView;
}

/** A question's counts over the class, as the per-question query reads them. */
interface QuestionCountRow {
	questionId: string;
	themeSlug: string;
	themeNumber: number;
	eindterm: string;
	question: string;
	/** learners who answered it */
	learners: number;
	/** learners whose first answer was right */
	firstRight: number;
	/** all answers by the class */
	answers: number;
}

export interface QuestionInsight extends QuestionCountRow {
	firstTry: ShareView;
	/** which options the wrong answers chose, most chosen first */
	wrong: WrongChoice[];
	guide: { slug: string; title: string } | null;
}

export interface GridCell {
	theme: string;
	known: number;
	total: number;
	percent: number;
	band: ShareBand;
}

export interface InsightLearner {
	userId: string;
	name: string;
	cells: GridCell[];
	knownPercent: number;
}

export interface EindtermInsight {
	code: string;
	description: string;
	/** the class's known questions of this eindterm, and learners × its questions */
	known: number;
	possible: number;
	percent: number;
}

export interface ClassInsight {
	learnerCount: number;
	questions: QuestionInsight[];
	mostMissed: QuestionInsight[];
	themes: { slug: string; number: number; name: string; total: number }[];
	learners: InsightLearner[];
	eindterms: EindtermInsight[];
	/** with the exam date (YYYY-MM-DD) when the learner shares it */
	attention: { userId: string; name: string; reasons: AttentionReason[]; examOn: string | null }[];
	options: {
		themes: { slug: string; label: string }[];
		eindterms: { code: string; label: string }[];
		tasks: { id: string; label: string }[];
	};
	filter: InsightFilter;
}

interface MemberRow {
	userId: string;
	timeZone: string;
	dayStartsHour: number;
	examDate: string | null;
}

/** The class's learners' day models, and their exam date when they agreed to share it. */
function listMembers(db: Db, classId: string): MemberRow[] {
	return db.all<MemberRow>(sql`
		SELECT u.id AS userId, u.timezone AS timeZone, u.day_starts_hour AS dayStartsHour,
			CASE WHEN m.shares_exam_date THEN u.exam_date END AS examDate
		FROM class_member m JOIN user u ON u.id = m.user_id
		WHERE m.class_id = ${classId}`);
}

/**
 * Per question of the filter: learners, first-try right, and all answers. The inner grouping
 * (learner, question) follows review_log_user_question_idx, so only the per-question step sorts.
 */
function readQuestionCounts(db: Db, classId: string, filter: InsightFilter, setId: string | null) {
	return db.all<QuestionCountRow>(sql`
		WITH firsts AS (
			SELECT r.question_id AS question_id, r.correct AS correct, COUNT(*) AS answers, MIN(r.reviewed_at)
			FROM class_member m JOIN review_log r ON r.user_id = m.user_id
			-- word cards are no exam questions: left out by their id, before any grouping
			WHERE m.class_id = ${classId} AND r.question_id NOT LIKE ${WORD_CARDS}
			GROUP BY m.user_id, r.question_id
		), per_question AS MATERIALIZED (
			SELECT question_id, COUNT(*) AS learners, SUM(correct) AS first_right, SUM(answers) AS answers
			FROM firsts GROUP BY question_id
		)
		SELECT p.question_id AS questionId, q.theme_slug AS themeSlug, th.number AS themeNumber, q.eindterm AS eindterm,
			q.question_nl AS question, p.learners AS learners, p.first_right AS firstRight, p.answers AS answers
		FROM per_question p
		JOIN question q ON q.id = p.question_id AND q.retired_at IS NULL
		JOIN theme th ON th.slug = q.theme_slug
		-- the bank and the class's teacher's own questions, not another teacher's a learner also met
		WHERE (q.origin = 'bank' OR q.owner_id = (SELECT owner_id FROM school_class WHERE id = ${classId}))
			AND (${filter.theme ?? null} IS NULL OR q.theme_slug = ${filter.theme ?? null})
			AND (${filter.eindterm ?? null} IS NULL OR q.eindterm = ${filter.eindterm ?? null} OR q.eindterm LIKE ${(filter.eindterm ?? '') + '.%'})
			AND (${setId} IS NULL OR q.id IN (SELECT question_id FROM question_set_item WHERE set_id = ${setId}))`);
}

/**
 * The class's wrong answers per question, version and chosen option (file order of that version),
 * counted from the index alone, then named by that version's options.
 */
function readWrongChoices(db: Db, classId: string) {
	return db.all<{ questionId: string; version: number | null; chosen: number; count: number; options: string | null; current: string }>(sql`
		WITH wrong AS MATERIALIZED (
			SELECT r.question_id AS question_id, r.question_version AS version, r.chosen_option AS chosen, COUNT(*) AS count
			FROM class_member m JOIN review_log r ON r.user_id = m.user_id
			WHERE m.class_id = ${classId} AND r.correct = 0 AND r.question_id NOT LIKE ${WORD_CARDS}
			GROUP BY r.question_id, r.question_version, r.chosen_option
		)
		SELECT w.question_id AS questionId, w.version AS version, w.chosen AS chosen, w.count AS count, v.options AS options, q.options AS current
		FROM wrong w
		JOIN question q ON q.id = w.question_id
		LEFT JOIN question_version v ON v.question_id = w.question_id AND v.version = w.version`);
}

/**
 * The questions each learner knows today (the tasks' "known" rule, on the learner's own today):
 * one comma-separated list per learner, read in the card table's order (clustered on learner and
 * question) with nothing to sort. Learners are asked for per today (time zone and rollover hour;
 * usually one group). Counting per theme and per eindterm is then done here: a join of every card
 * with its question, grouped in SQL, took three times as long.
 */
function readKnownQuestions(db: Db, classId: string, todayOf: Map<string, number>): Map<string, string[]> {
	const byDay = new Map<number, string[]>();
	for (const [userId, day] of todayOf) {
		const group = byDay.get(day);
		if (group) group.push(userId);
		else byDay.set(day, [userId]);
	}
	const known = new Map<string, string[]>();
	for (const [day, userIds] of byDay) {
		const rows = db.all<{ userId: string; known: string }>(sql`
			SELECT m.user_id AS userId, group_concat(c.question_id) AS known
			FROM class_member m CROSS JOIN card c
			WHERE m.class_id = ${classId} AND m.user_id IN (SELECT value FROM json_each(${JSON.stringify(userIds)}))
				AND c.user_id = m.user_id AND c.question_id NOT LIKE ${WORD_CARDS} AND ${meetsGoal(sql.raw('0'), sql`${day}`)}
			GROUP BY m.user_id`);
		for (const row of rows) known.set(row.userId, row.known.split(','));
	}
	return known;
}

/** Active themes with their active bank questions, and those per eindterm (x.y): what known shares count. */
function readBankTotals(db: Db) {
	const themes = db.all<{ slug: string; number: number; nameEn: string; nameNl: string; total: number }>(sql`
		SELECT th.slug, th.number, th.name_en AS nameEn, th.name_nl AS nameNl, COUNT(q.id) AS total
		FROM theme th JOIN question q ON q.theme_slug = th.slug AND q.retired_at IS NULL AND q.origin = 'bank'
		WHERE th.retired_at IS NULL
		GROUP BY th.slug ORDER BY th.number`);
	const eindterms = db.all<{ code: string; descriptionEn: string; descriptionNl: string; themeNumber: number; position: number; total: number }>(sql`
		SELECT coalesce(e.parent_code, e.code) AS code, p.description_en AS descriptionEn, p.description_nl AS descriptionNl,
			th.number AS themeNumber, p.position AS position, COUNT(*) AS total
		FROM question q
		JOIN theme th ON th.slug = q.theme_slug AND th.retired_at IS NULL
		JOIN eindterm e ON e.code = q.eindterm
		JOIN eindterm p ON p.code = coalesce(e.parent_code, e.code)
		WHERE q.retired_at IS NULL AND q.origin = 'bank'
		GROUP BY 1 ORDER BY th.number, p.position`);
	// each active question's theme and eindterm (x.y), as indexes into the two lists
	const themeIndex = new Map(themes.map((theme, index) => [theme.slug, index]));
	const eindtermIndex = new Map(eindterms.map((eindterm, index) => [eindterm.code, index]));
	const questions = new Map<string, { theme: number; eindterm: number }>();
	for (const row of db.all<{ id: string; theme: string; code: string }>(sql`
		SELECT q.id, q.theme_slug AS theme, coalesce(e.parent_code, e.code) AS code FROM question q JOIN eindterm e ON e.code = q.eindterm WHERE q.retired_at IS NULL AND q.origin = 'bank'`)) {
		const theme = themeIndex.get(row.theme);
		const eindterm = eindtermIndex.get(row.code);
		if (theme !== undefined && eindterm !== undefined) questions.set(row.id, { theme, eindterm });
	}
	return { themes, eindterms, questions };
}

/** The first guide each question links to. */
function readGuides(db: Db, questionIds: string[], locale: Locale): Map<string, { slug: string; title: string }> {
	const rows = db.all<{ questionId: string; slug: string; titleEn: string; titleNl: string }>(sql`
		SELECT qg.question_id AS questionId, g.slug, g.title_en AS titleEn, g.title_nl AS titleNl
		FROM question_guide qg JOIN guide g ON g.slug = qg.guide_slug
		WHERE qg.question_id IN (SELECT value FROM json_each(${JSON.stringify(questionIds)}))
		ORDER BY qg.question_id, g.slug`);
	const guides = new Map<string, { slug: string; title: string }>();
	for (const row of rows) if (!guides.has(row.questionId)) guides.set(row.questionId, { slug: row.slug, title: pickLocale(locale, row.titleEn, row.titleNl) });
	return guides;
}

function parseOptions(json: string | null): { nl: string }[] | null {
	if (json === null) return null;
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? (value as { nl: string }[]) : null;
	} catch {
		return null;
	}
}

/** Wrong answers per question, by the option's Dutch text (the same option across versions adds up). */
function groupWrongChoices(rows: ReturnType<typeof readWrongChoices>): Map<string, { option: string; count: number }[]> {
	const byQuestion = new Map<string, Map<string, number>>();
	for (const row of rows) {
		const options = parseOptions(row.options) ?? parseOptions(row.current) ?? [];
		const option = options[row.chosen]?.nl ?? '?';
		let counts = byQuestion.get(row.questionId);
		if (!counts) byQuestion.set(row.questionId, (counts = new Map()));
		counts.set(option, (counts.get(option) ?? 0) + row.count);
	}
	return new Map(
		[...byQuestion].map(([questionId, counts]) => [questionId, [...counts].map(([option, count]) => ({ option, count })).sort((a, b) => b.count - a.count)])
	);
}


function sortQuestions(questions: QuestionInsight[], sort: InsightFilter['sort']): QuestionInsight[] {
	const rate = (question: QuestionInsight) => (question.learners === 0 ? 2 : question.firstRight / question.learners);
	const few = (question: QuestionInsight) => (question.firstTry.kind === 'few' ? 1 : 0);
	const byRate = (a: QuestionInsight, b: QuestionInsight) => few(a) - few(b) || rate(a) - rate(b) || b.learners - a.learners;
	const compare: Record<InsightFilter['sort'], (a: QuestionInsight, b: QuestionInsight) => number> = {
		rate: byRate,
		learners: (a, b) => b.learners - a.learners || byRate(a, b),
		theme: (a, b) => a.themeNumber - b.themeNumber || (a.eindterm < b.eindterm ? -1 : a.eindterm > b.eindterm ? 1 : 0) || byRate(a, b)
	};
	return [...questions].sort((a, b) => compare[sort](a, b) || (a.questionId < b.questionId ? -1 : 1));
}

export function loadClassInsight(db: Db, classId: string, filter: InsightFilter, now: Date, locale: Locale): ClassInsight {
	const tasks = listClassAssignments(db, classId).filter((task) => task.setId !== null);
	const task = tasks.find((item) => item.id === filter.task) ?? null;
	const applied: InsightFilter = { ...filter, task: task?.id };
	const { themes, eindterms, questions: bank } = readBankTotals(db);
	if (applied.theme && !themes.some((theme) => theme.slug === applied.theme)) applied.theme = undefined;
	if (applied.eindterm && !eindterms.some((eindterm) => eindterm.code === applied.eindterm)) applied.eindterm = undefined;

	// per question
	const wrong = groupWrongChoices(readWrongChoices(db, classId));
	const counts = readQuestionCounts(db, classId, applied, task?.setId ?? null);
	const guides = readGuides(db, counts.map((row) => row.questionId), locale);
	const questions = sortQuestions(
		counts.map((row) => {
			const choices = wrong.get(row.questionId) ?? [];
			const wrongTotal = choices.reduce((sum, choice) => sum + choice.count, 0);
			return {
				...row,
				firstTry: describeShare(row.firstRight, row.learners),
				wrong: choices.map((choice) => ({ ...choice, share: describeShare(choice.count, wrongTotal) })),
				guide: guides.get(row.questionId) ?? null
			};
		}),
		applied.sort
	);

	// learners × themes, per eindterm, needs attention
	const roster = listRoster(db, classId);
	// the same class_member rows as the roster, so every learner has one
	const members = new Map(listMembers(db, classId).map((member) => [member.userId, member]));
	const dayOf = (userId: string) => ({ timeZone: members.get(userId)!.timeZone, dayStartsHour: members.get(userId)!.dayStartsHour });
	const todayOf = new Map(roster.map((entry) => [entry.userId, learnerDay(now, dayOf(entry.userId))]));
	const knownPerTheme = new Map<string, number[]>();
	const knownPerEindterm = new Array<number>(eindterms.length).fill(0);
	for (const [userId, questionIds] of readKnownQuestions(db, classId, todayOf)) {
		const counts = new Array<number>(themes.length).fill(0);
		for (const questionId of questionIds) {
			const question = bank.get(questionId);
			if (!question) continue; // retired
			counts[question.theme]! += 1;
			knownPerEindterm[question.eindterm]! += 1;
		}
		knownPerTheme.set(userId, counts);
	}
	const bankTotal = themes.reduce((sum, theme) => sum + theme.total, 0);
	const knownTotal = (userId: string) => (knownPerTheme.get(userId) ?? []).reduce((sum, known) => sum + known, 0);
	const learners = roster.map((entry) => ({
		userId: entry.userId,
		name: entry.name,
		cells: themes.map((theme, index) => {
			const known = knownPerTheme.get(entry.userId)?.[index] ?? 0;
			return { theme: theme.slug, known, total: theme.total, percent: wholePercent(known, theme.total), band: bandOf(theme.total === 0 ? 0 : known / theme.total) };
		}),
		knownPercent: wholePercent(knownTotal(entry.userId), bankTotal)
	}));
	const learnerCount = roster.length;
	const eindtermViews = eindterms
		.map((eindterm, index) => {
			const known = knownPerEindterm[index] ?? 0;
			const possible = eindterm.total * learnerCount;
			return { code: eindterm.code, description: pickLocale(locale, eindterm.descriptionEn, eindterm.descriptionNl), known, possible, percent: wholePercent(known, possible) };
		})
		.sort((a, b) => (learnerCount === 0 ? 0 : a.known / a.possible - b.known / b.possible));

	const names = new Map(roster.map((entry) => [entry.userId, entry.name]));
	const attention = findNeedsAttention(
		roster.map((entry) => {
			const examDate = members.get(entry.userId)!.examDate;
			return {
				userId: entry.userId,
				lastAnswerDay: entry.lastActiveAt === null ? null : learnerDay(entry.lastActiveAt, dayOf(entry.userId)),
				today: todayOf.get(entry.userId)!,
				examDay: examDate ? learnerDayOfKey(examDate) : null,
				knownShare: bankTotal === 0 ? 0 : knownTotal(entry.userId) / bankTotal
			};
		})
	).map((item) => ({ ...item, name: names.get(item.userId)!, examOn: members.get(item.userId)!.examDate }));

	return {
		learnerCount,
		questions,
		mostMissed: pickMostMissed(questions),
		themes: themes.map((theme) => ({ slug: theme.slug, number: theme.number, name: themeNameIn(db, locale, theme), total: theme.total })),
		learners,
		eindterms: eindtermViews,
		attention,
		options: {
			themes: themes.map((theme) => ({ slug: theme.slug, label: `${theme.number}. ${themeNameIn(db, locale, theme)}` })),
			eindterms: eindterms.map((eindterm) => ({ code: eindterm.code, label: `${eindterm.code} ${pickLocale(locale, eindterm.descriptionEn, eindterm.descriptionNl)}` })),
			tasks: tasks.map((item) => ({ id: item.id, label: `${pickTitle(locale, item)} (${item.dueOn})` }))
		},
		filter: applied
	};
}

/**
 * A new set of the teacher's with these bank questions (the "most missed" list), titled in both
 * languages. Malformed, unknown or retired ids write nothing. Returns the set's id.
 */
export function makeSetOfQuestions(
	db: Db,
	teacherId: string,
	titles: { titleNl: string; titleEn: string },
	questionIds: string[],
	now: Date
): { ok: true; id: string } | { ok: false } {
	if (questionIds.length === 0 || questionIds.length > MOST_MISSED_COUNT) return { ok: false };
	try {
		return db.transaction((tx) => {
			const created = createSet(db, teacherId, titles, now);
			if (!created.ok) return tx.rollback();
			const added = addItems(db, teacherId, created.id, questionIds);
			if (!added.ok) return tx.rollback();
			return { ok: true as const, id: created.id };
		});
	} catch (error) {
		if (error instanceof TransactionRollbackError) return { ok: false };
		throw error;
	}
}
