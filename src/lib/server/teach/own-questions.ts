import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { hashContent } from '../../domain/content/hash';
import { pickLocale } from '../../domain/locale';
import type { Locale } from '../../domain/locale';
import { readOwnQuestion } from '../../domain/teach/own-question';
import type { OwnQuestionContext, OwnQuestionDraft, OwnQuestionProblem, OwnQuestionValues } from '../../domain/teach/own-question';
import type { Db } from '../db';
import * as t from '../db/schema';
import { indexQuestionSearch } from '../db/question-search';
import { generateId } from '../ids';

/*
 * Teachers' own questions: written in the form or imported from CSV, stored in `question` with
 * origin 'teacher' and the teacher as owner. They appear only in that teacher's sets (the set
 * picker), never in the bank, mock exams, readiness or the hub; learners practise them through an
 * assignment and see "written by your teacher". Every change of content is a new version (the
 * answers keep the version they answered); deleting a question that was answered retires it.
 * Every function takes the teacher it acts for: another teacher's question is not found.
 */

/** `own-` and an id like generateId's: never a bank id (`wo-001`), unguessable in a URL. */
export const OWN_QUESTION_ID = /^own-[a-z2-7]{32}$/;

/** How many own questions one teacher can have (active), so one account cannot fill the disk. */
export const OWN_QUESTIONS_MAX = 2000;

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** The content hash of a draft, as stored in question.content_hash: equal hashes, no new version. */
export function hashDraft(draft: OwnQuestionDraft): string {
	return hashContent(
		{
			eindterm: draft.eindterm,
			question: draft.question,
			options: draft.options,
			correctIndex: draft.correctIndex,
			explanation: draft.explanation,
			sourceUrl: draft.sourceUrl,
			guides: draft.guides
		},
		digest
	);
}

/** What a question may link to: every eindterm and indicator of an active theme, every guide. */
export function loadOwnQuestionContext(db: Db): OwnQuestionContext {
	const eindterms = db
		.select({ code: t.eindterm.code, theme: t.eindterm.themeSlug })
		.from(t.eindterm)
		.innerJoin(t.theme, eq(t.theme.slug, t.eindterm.themeSlug))
		.where(isNull(t.theme.retiredAt))
		.all();
	const guides = db.select({ slug: t.guide.slug }).from(t.guide).all();
	return { eindterms: new Map(eindterms.map((row) => [row.code, row.theme])), guides: new Set(guides.map((row) => row.slug)) };
}

export interface OwnQuestionChoices {
	themes: { number: number; name: string; eindterms: { code: string; description: string; indicator: boolean }[] }[];
	guides: { slug: string; title: string }[];
}

/** The form's lists: eindtermen and indicators per theme, and the guides, in the teacher's language. */
export function loadOwnQuestionChoices(db: Db, locale: Locale): OwnQuestionChoices {
	const rows = db
		.select({
			code: t.eindterm.code,
			parentCode: t.eindterm.parentCode,
			descriptionEn: t.eindterm.descriptionEn,
			descriptionNl: t.eindterm.descriptionNl,
			themeNumber: t.theme.number,
			themeEn: t.theme.nameEn,
			themeNl: t.theme.nameNl
		})
		.from(t.eindterm)
		.innerJoin(t.theme, eq(t.theme.slug, t.eindterm.themeSlug))
		.where(isNull(t.theme.retiredAt))
		.orderBy(asc(t.theme.number), asc(t.eindterm.position))
		.all();
	const themes: OwnQuestionChoices['themes'] = [];
	for (const row of rows) {
		let theme = themes.at(-1);
		if (theme?.number !== row.themeNumber) {
			theme = { number: row.themeNumber, name: pickLocale(locale, row.themeEn, row.themeNl), eindterms: [] };
			themes.push(theme);
		}
		theme.eindterms.push({ code: row.code, description: pickLocale(locale, row.descriptionEn, row.descriptionNl), indicator: row.parentCode !== null });
	}
	const guides = db
		.select({ slug: t.guide.slug, titleEn: t.guide.titleEn, titleNl: t.guide.titleNl })
		.from(t.guide)
		.orderBy(asc(t.guide.position))
		.all()
		.map((guide) => ({ slug: guide.slug, title: pickLocale(locale, guide.titleEn, guide.titleNl) }));
	return { themes, guides };
}

export interface OwnQuestionSummary {
	id: string;
	questionNl: string;
	eindterm: string;
	themeNumber: number;
	version: number;
	updatedAt: Date;
	/** learners who answered it */
	learners: number;
	/** the teacher's sets it is in */
	sets: number;
}

/** The teacher's active own questions, newest first. */
export function listOwnQuestions(db: Db, teacherId: string): OwnQuestionSummary[] {
	return db
		.select({
			id: t.question.id,
			questionNl: t.question.questionNl,
			eindterm: t.question.eindterm,
			themeNumber: t.theme.number,
			version: t.question.version,
			updatedAt: t.question.updatedAt,
			learners: learnersOfRow(),
			sets: sql<number>`(SELECT COUNT(*) FROM question_set_item i WHERE i.question_id = ${t.question.id})`
		})
		.from(t.question)
		.innerJoin(t.theme, eq(t.theme.slug, t.question.themeSlug))
		.where(activeOwn(teacherId))
		.orderBy(desc(t.question.createdAt), asc(t.question.id))
		.all();
}

export interface OwnQuestion extends Omit<OwnQuestionDraft, 'theme'> {
	id: string;
	theme: string;
	version: number;
	learners: number;
}

function ownRow(db: Db, teacherId: string, questionId: string) {
	if (!OWN_QUESTION_ID.test(questionId)) return undefined;
	return db
		.select()
		.from(t.question)
		.where(and(eq(t.question.id, questionId), activeOwn(teacherId)))
		.get();
}

/**
 * Learners with a card of an own question: every answer (practice, paper answers typed in) makes
 * one, and own questions are never in a mock exam. The `LIKE` term lets SQLite use the partial
 * index card_own_question_idx (migration 0024) instead of reading every card.
 */
function countLearners(db: Db, questionId: string): number {
	return db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM card WHERE question_id = ${questionId} AND question_id LIKE 'own-%'`).n;
}

function guidesOf(db: Db, questionId: string): string[] {
	return db
		.select({ slug: t.questionGuide.guideSlug })
		.from(t.questionGuide)
		.where(eq(t.questionGuide.questionId, questionId))
		.orderBy(asc(t.questionGuide.guideSlug))
		.all()
		.map((row) => row.slug);
}

/** Learners with a card of the question in the row (the partial index card_own_question_idx, as countLearners). */
function learnersOfRow() {
	return sql<number>`(SELECT COUNT(*) FROM card c WHERE c.question_id = ${t.question.id} AND c.question_id LIKE 'own-%')`;
}

/** The rows of the teacher's own questions that are in use (not deleted or retired). */
function activeOwn(teacherId: string) {
	return and(eq(t.question.ownerId, teacherId), eq(t.question.origin, 'teacher'), isNull(t.question.retiredAt))!;
}

function toOwnQuestion(row: t.QuestionRow, guides: string[], learners: number): OwnQuestion {
	return {
		id: row.id,
		theme: row.themeSlug,
		eindterm: row.eindterm,
		question: { nl: row.questionNl, en: row.questionEn },
		options: row.options,
		correctIndex: row.correctIndex,
		explanation: { nl: row.explanationNl, en: row.explanationEn },
		sourceUrl: row.sourceUrl === '' ? null : row.sourceUrl,
		guides,
		version: row.version,
		learners
	};
}

/** The teacher's own active question as it now reads, or null. */
export function loadOwnQuestion(db: Db, teacherId: string, questionId: string): OwnQuestion | null {
	const row = ownRow(db, teacherId, questionId);
	return row ? toOwnQuestion(row, guidesOf(db, row.id), countLearners(db, row.id)) : null;
}

/** Every active own question of the teacher as it now reads, oldest first (the CSV export): two queries. */
export function loadAllOwnQuestions(db: Db, teacherId: string): OwnQuestion[] {
	const rows = db
		.select({ row: t.question, learners: learnersOfRow() })
		.from(t.question)
		.where(activeOwn(teacherId))
		.orderBy(asc(t.question.createdAt), asc(t.question.id))
		.all();
	const guides = new Map<string, string[]>();
	for (const link of db.all<{ questionId: string; slug: string }>(sql`
		SELECT g.question_id AS questionId, g.guide_slug AS slug FROM question_guide g JOIN question q ON q.id = g.question_id
		WHERE q.owner_id = ${teacherId} AND q.origin = 'teacher' AND q.retired_at IS NULL ORDER BY g.guide_slug`)) {
		guides.set(link.questionId, [...(guides.get(link.questionId) ?? []), link.slug]);
	}
	return rows.map(({ row, learners }) => toOwnQuestion(row, guides.get(row.id) ?? [], learners));
}

/** The content hash of each of the teacher's active own questions, by id (the import compares with them). */
export function loadOwnQuestionHashes(db: Db, teacherId: string): Map<string, string> {
	const rows = db
		.select({ id: t.question.id, hash: t.question.contentHash })
		.from(t.question)
		.where(activeOwn(teacherId))
		.all();
	return new Map(rows.map((row) => [row.id, row.hash]));
}

export function countOwnQuestions(db: Db, teacherId: string): number {
	return db.get<{ n: number }>(
		sql`SELECT COUNT(*) AS n FROM question WHERE owner_id = ${teacherId} AND origin = 'teacher' AND retired_at IS NULL`
	).n;
}

function textColumns(draft: OwnQuestionDraft) {
	return {
		themeSlug: draft.theme,
		eindterm: draft.eindterm,
		questionNl: draft.question.nl,
		questionEn: draft.question.en,
		options: draft.options.map((option) => ({ nl: option.nl, en: option.en })),
		correctIndex: draft.correctIndex,
		explanationNl: draft.explanation.nl,
		explanationEn: draft.explanation.en,
		sourceUrl: draft.sourceUrl ?? ''
	};
}

function insertVersion(db: Db, questionId: string, version: number, hash: string, draft: OwnQuestionDraft, now: Date): void {
	const { themeSlug: _theme, eindterm: _eindterm, ...texts } = textColumns(draft);
	db.insert(t.questionVersion).values({ questionId, version, contentHash: hash, createdAt: now, ...texts }).run();
}

function writeGuides(db: Db, questionId: string, guides: string[]): void {
	db.delete(t.questionGuide).where(eq(t.questionGuide.questionId, questionId)).run();
	for (const guideSlug of guides) db.insert(t.questionGuide).values({ questionId, guideSlug }).run();
}

/**
 * Stores checked drafts: a new question (version 1) for each one without an id, a new version of
 * the teacher's own question for each one with an id whose content changed (unchanged ones are
 * left alone). One transaction; returns the ids in the order given, or null when an id is not the
 * teacher's active question or the teacher would pass OWN_QUESTIONS_MAX (nothing is written then).
 */
export function saveOwnQuestions(
	db: Db,
	teacherId: string,
	items: { id: string | null; draft: OwnQuestionDraft }[],
	now: Date
): { ok: true; ids: string[]; created: number; changed: number } | { ok: false; problem: 'not_found' | 'too_many' } {
	return db.transaction(() => {
		const fresh = items.filter((item) => item.id === null).length;
		if (fresh > 0 && countOwnQuestions(db, teacherId) + fresh > OWN_QUESTIONS_MAX) return { ok: false, problem: 'too_many' } as const;
		const rows = items.map((item) => (item.id === null ? null : ownRow(db, teacherId, item.id)));
		if (rows.some((row) => row === undefined)) return { ok: false, problem: 'not_found' } as const;
		const ids: string[] = [];
		let created = 0;
		let changed = 0;
		items.forEach(({ draft }, index) => {
			const row = rows[index];
			const hash = hashDraft(draft);
			if (!row) {
				const id = `own-${generateId()}`;
				db.insert(t.question)
					.values({
						id,
						...textColumns(draft),
						checkedOn: null,
						volatile: false,
						image: null,
						position: 0,
						contentHash: hash,
						version: 1,
						createdAt: new Date(now.getTime() + index),
						updatedAt: now,
						retiredAt: null,
						newOrder: null,
						origin: 'teacher',
						ownerId: teacherId
					})
					.run();
				insertVersion(db, id, 1, hash, draft, now);
				writeGuides(db, id, draft.guides);
				indexQuestionSearch(db, id);
				ids.push(id);
				created += 1;
				return;
			}
			ids.push(row.id);
			if (row.contentHash === hash) return;
			const version = row.version + 1;
			db.update(t.question)
				.set({ ...textColumns(draft), contentHash: hash, version, updatedAt: now })
				.where(eq(t.question.id, row.id))
				.run();
			insertVersion(db, row.id, version, hash, draft, now);
			writeGuides(db, row.id, draft.guides);
			indexQuestionSearch(db, row.id);
			changed += 1;
		});
		return { ok: true, ids, created, changed } as const;
	});
}

/**
 * Deletes the teacher's own question. One that a learner answered (a card points at it, and with
 * it the answers) is retired instead: it leaves the teacher's list, sets and practice, and the answers keep
 * what was asked. Returns what happened, or null when it is not the teacher's active question.
 */
export function deleteOwnQuestion(db: Db, teacherId: string, questionId: string, now: Date): 'deleted' | 'retired' | null {
	return db.transaction(() => {
		const row = ownRow(db, teacherId, questionId);
		if (!row) return null;
		if (countLearners(db, row.id) > 0) {
			db.update(t.question).set({ retiredAt: now, updatedAt: now }).where(eq(t.question.id, row.id)).run();
			return 'retired';
		}
		db.delete(t.questionSetItem).where(eq(t.questionSetItem.questionId, row.id)).run();
		db.delete(t.questionGuide).where(eq(t.questionGuide.questionId, row.id)).run();
		db.delete(t.questionVersion).where(eq(t.questionVersion.questionId, row.id)).run();
		db.delete(t.question).where(eq(t.question.id, row.id)).run();
		indexQuestionSearch(db, row.id);
		return 'deleted';
	});
}

/** When a teacher deletes their account: their own questions are retired (learners' answers keep them). */
export function retireOwnQuestions(db: Pick<Db, 'run'>, teacherId: string, now: Date): void {
	db.run(sql`UPDATE question SET retired_at = ${now.getTime()} WHERE owner_id = ${teacherId} AND origin = 'teacher' AND retired_at IS NULL`);
}

export type FormSaveResult =
	| { ok: true; id: string }
	| { ok: false; problem: 'not_found' | 'too_many' }
	| { ok: false; problem: 'invalid'; problems: OwnQuestionProblem[]; values: OwnQuestionValues };

/** The form's fields checked and saved: a new question (questionId null) or a new version of one. */
export function saveOwnQuestionForm(db: Db, teacherId: string, questionId: string | null, input: Record<string, unknown>, now: Date): FormSaveResult {
	if (questionId !== null && !ownRow(db, teacherId, questionId)) return { ok: false, problem: 'not_found' };
	const read = readOwnQuestion(input, loadOwnQuestionContext(db));
	if (!read.ok) return { ok: false, problem: 'invalid', problems: read.problems, values: read.values };
	const saved = saveOwnQuestions(db, teacherId, [{ id: questionId, draft: read.draft }], now);
	if (!saved.ok) return saved;
	return { ok: true, id: saved.ids[0]! };
}
