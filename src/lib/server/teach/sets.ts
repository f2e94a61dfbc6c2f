import { and, asc, eq, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { BANK_QUESTION_ID } from '../../domain/content/schemas';
import { buildSearchQuery } from '../../domain/search';
import { OWN_QUESTION_ID } from './own-questions';
import type { Db } from '../db';
import * as t from '../db/schema';
import { generateId, ID_PATTERN } from '../ids';

/*
 * Teachers' question sets: a title (Dutch, English or both) and questions from the bank in an
 * order. Every function takes the teacher it acts for; another teacher's set is not found. The
 * built-in sets (one per theme, no owner) can be duplicated, not changed.
 */

export const SET_TITLE_MAX = 120;
export const SET_MAX_QUESTIONS = 200;
export const PICKER_LIMIT = 60;

const titleField = z
	.string()
	.max(1000, 'title_too_long')
	.transform((value) => value.trim().replace(/\s+/g, ' '))
	.pipe(z.string().max(SET_TITLE_MAX, 'title_too_long').regex(/^[^\p{Cc}\p{Cf}<>]*$/u, 'title_invalid'));

const titlesSchema = z
	.object({ titleNl: titleField, titleEn: titleField })
	.refine((value) => value.titleNl.length > 0 || value.titleEn.length > 0, { message: 'title_missing', path: ['titleNl'] });

export type SetProblem = 'title_missing' | 'title_too_long' | 'title_invalid';

function readTitles(input: Record<string, unknown>): { ok: true; titleNl: string; titleEn: string } | { ok: false; problem: SetProblem } {
	const parsed = titlesSchema.safeParse({
		titleNl: typeof input.titleNl === 'string' ? input.titleNl : '',
		titleEn: typeof input.titleEn === 'string' ? input.titleEn : ''
	});
	if (parsed.success) return { ok: true, ...parsed.data };
	const message = parsed.error.issues[0]?.message;
	return { ok: false, problem: message === 'title_missing' || message === 'title_too_long' ? message : 'title_invalid' };
}

export interface SetSummary {
	id: string;
	titleNl: string;
	titleEn: string;
	questions: number;
}

function selectSets(db: Db) {
	return db
		.select({
			id: t.questionSet.id,
			titleNl: t.questionSet.titleNl,
			titleEn: t.questionSet.titleEn,
			questions: sql<number>`(SELECT COUNT(*) FROM question_set_item i WHERE i.set_id = ${t.questionSet.id})`
		})
		.from(t.questionSet);
}

export function listOwnSets(db: Db, teacherId: string): SetSummary[] {
	return selectSets(db)
		.where(eq(t.questionSet.ownerId, teacherId))
		.orderBy(sql`${t.questionSet.createdAt} DESC`)
		.all();
}

/** The built-in sets (one per theme), which a teacher can start from by duplicating. */
export function listBuiltInSets(db: Db): SetSummary[] {
	return selectSets(db).where(isNull(t.questionSet.ownerId)).orderBy(asc(t.questionSet.position)).all();
}

export function createSet(db: Db, teacherId: string, input: Record<string, unknown>, now: Date): { ok: true; id: string } | { ok: false; problem: SetProblem } {
	const titles = readTitles(input);
	if (!titles.ok) return titles;
	const id = generateId();
	db.insert(t.questionSet).values({ id, ownerId: teacherId, titleNl: titles.titleNl, titleEn: titles.titleEn, createdAt: now }).run();
	return { ok: true, id };
}

export function renameSet(db: Db, teacherId: string, setId: string, input: Record<string, unknown>): { ok: true } | { ok: false; problem: SetProblem | 'not_found' } {
	const titles = readTitles(input);
	if (!titles.ok) return titles;
	if (!loadOwnSetRow(db, teacherId, setId)) return { ok: false, problem: 'not_found' };
	db.update(t.questionSet).set({ titleNl: titles.titleNl, titleEn: titles.titleEn }).where(eq(t.questionSet.id, setId)).run();
	return { ok: true };
}

function loadOwnSetRow(db: Db, teacherId: string, setId: string) {
	if (!ID_PATTERN.test(setId)) return undefined;
	return db
		.select()
		.from(t.questionSet)
		.where(and(eq(t.questionSet.id, setId), eq(t.questionSet.ownerId, teacherId)))
		.get();
}

export interface SetItem {
	questionId: string;
	position: number;
	questionNl: string;
	eindterm: string;
	themeNumber: number;
	retired: boolean;
	/** the teacher's own question */
	own: boolean;
}

export interface OwnSet {
	id: string;
	titleNl: string;
	titleEn: string;
	items: SetItem[];
}

/** The teacher's own set with its questions in order (retired ones marked), or null. */
export function loadOwnSet(db: Db, teacherId: string, setId: string): OwnSet | null {
	const row = loadOwnSetRow(db, teacherId, setId);
	if (!row) return null;
	const items = db
		.select({
			questionId: t.questionSetItem.questionId,
			position: t.questionSetItem.position,
			questionNl: t.question.questionNl,
			eindterm: t.question.eindterm,
			themeNumber: t.theme.number,
			retiredAt: t.question.retiredAt,
			origin: t.question.origin
		})
		.from(t.questionSetItem)
		.innerJoin(t.question, eq(t.question.id, t.questionSetItem.questionId))
		.innerJoin(t.theme, eq(t.theme.slug, t.question.themeSlug))
		.where(eq(t.questionSetItem.setId, setId))
		.orderBy(asc(t.questionSetItem.position))
		.all()
		.map(({ retiredAt, origin, ...item }) => ({ ...item, retired: retiredAt !== null, own: origin === 'teacher' }));
	return { id: row.id, titleNl: row.titleNl, titleEn: row.titleEn, items };
}

export interface BankFilter {
	theme?: string;
	eindterm?: string;
	text?: string;
	/** '1': only the teacher's own questions */
	own?: '1';
}

export const bankFilterSchema = z.object({
	theme: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
	eindterm: z.string().regex(/^\d{1,2}\.\d{1,2}(\.\d{1,2})?$/).optional().catch(undefined),
	text: z.string().max(100).optional().catch(undefined),
	own: z.literal('1').optional().catch(undefined)
});

export interface BankQuestion {
	id: string;
	questionNl: string;
	questionEn: string;
	answerNl: string;
	explanationNl: string;
	eindterm: string;
	themeNumber: number;
	/** the teacher's own question, not the bank's */
	own: boolean;
}

/** The questions a teacher may put in a set: the bank's and the teacher's own (not another teacher's). */
function pickable(teacherId: string) {
	return or(eq(t.question.origin, 'bank'), and(eq(t.question.origin, 'teacher'), eq(t.question.ownerId, teacherId)))!;
}

/**
 * Active questions of the bank and the teacher's own ones for the picker: by theme, by eindterm or indicator (3.1 also finds
 * 3.1.x), and by words (FTS5 over the question, its options and explanation in both languages,
 * with the hub search's query builder: each word a quoted prefix term, so no input is FTS5 syntax).
 * With words, best matches first (the question text counts most); else in bank order. At most
 * PICKER_LIMIT.
 */
export function searchBank(db: Db, teacherId: string, filter: BankFilter): { questions: BankQuestion[]; more: boolean } {
	const conditions = [isNull(t.question.retiredAt), filter.own ? and(eq(t.question.origin, 'teacher'), eq(t.question.ownerId, teacherId))! : pickable(teacherId)];
	if (filter.theme) conditions.push(eq(t.question.themeSlug, filter.theme));
	if (filter.eindterm) conditions.push(or(eq(t.question.eindterm, filter.eindterm), like(t.question.eindterm, `${filter.eindterm}.%`))!);
	const match = buildSearchQuery(filter.text ?? '');
	let rank: Map<string, number> | null = null;
	if (match !== null) {
		// Columns: id 0, question_nl 1, question_en 2, options_nl 3, options_en 4, explanation_nl 5, explanation_en 6.
		const hits = db.all<{ id: string }>(sql`
			SELECT id FROM question_search WHERE question_search MATCH ${match}
			ORDER BY bm25(question_search, 0, 10, 10, 3, 3, 1, 1)`);
		rank = new Map(hits.map((hit, index) => [hit.id, index]));
		conditions.push(
			inArray(
				t.question.id,
				hits.map((hit) => hit.id)
			)
		);
	}
	const rows = db
		.select({
			id: t.question.id,
			questionNl: t.question.questionNl,
			questionEn: t.question.questionEn,
			options: t.question.options,
			correctIndex: t.question.correctIndex,
			explanationNl: t.question.explanationNl,
			eindterm: t.question.eindterm,
			themeNumber: t.theme.number,
			origin: t.question.origin
		})
		.from(t.question)
		.innerJoin(t.theme, eq(t.theme.slug, t.question.themeSlug))
		.where(and(...conditions))
		.orderBy(asc(t.theme.number), asc(t.question.position))
		// with words, every match is ranked before the first PICKER_LIMIT are kept
		.limit(rank ? 10_000 : PICKER_LIMIT + 1)
		.all();
	if (rank) rows.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
	return {
		more: rows.length > PICKER_LIMIT,
		questions: rows
			.slice(0, PICKER_LIMIT)
			.map(({ options, correctIndex, origin, ...row }) => ({ ...row, answerNl: options[correctIndex]?.nl ?? '', own: origin === 'teacher' }))
	};
}

/** A bank question's id (`wo-001`) or an own question's (own-questions.ts OWN_QUESTION_ID). */
const questionIdsSchema = z
	.array(z.string().refine((id) => BANK_QUESTION_ID.test(id) || OWN_QUESTION_ID.test(id)))
	.max(SET_MAX_QUESTIONS);

export type ItemsProblem = 'not_found' | 'questions_invalid' | 'too_many';

/**
 * Adds active questions (the bank's or the teacher's own) to the end of the teacher's set (ones
 * already in it are skipped). Unknown, retired, malformed or another teacher's own ids refuse the
 * whole request and write nothing.
 */
export function addItems(db: Db, teacherId: string, setId: string, ids: unknown): { ok: true; added: number } | { ok: false; problem: ItemsProblem } {
	const parsed = questionIdsSchema.safeParse(ids);
	if (!parsed.success || parsed.data.length === 0) return { ok: false, problem: 'questions_invalid' };
	return db.transaction(() => {
		const set = loadOwnSet(db, teacherId, setId);
		if (!set) return { ok: false, problem: 'not_found' } as const;
		const wanted = [...new Set(parsed.data)].filter((id) => !set.items.some((item) => item.questionId === id));
		if (wanted.length === 0) return { ok: true, added: 0 } as const;
		const active = db
			.select({ id: t.question.id })
			.from(t.question)
			.where(and(inArray(t.question.id, wanted), isNull(t.question.retiredAt), pickable(teacherId)))
			.all();
		if (active.length !== wanted.length) return { ok: false, problem: 'questions_invalid' } as const;
		if (set.items.length + wanted.length > SET_MAX_QUESTIONS) return { ok: false, problem: 'too_many' } as const;
		const start = set.items.reduce((max, item) => Math.max(max, item.position), -1) + 1;
		db.insert(t.questionSetItem)
			.values(wanted.map((questionId, index) => ({ setId, questionId, position: start + index })))
			.run();
		return { ok: true, added: wanted.length } as const;
	});
}

/** Removes one question, or moves it one place up or down, in the teacher's set. */
export function changeItem(db: Db, teacherId: string, setId: string, questionId: unknown, change: 'remove' | 'up' | 'down'): boolean {
	if (typeof questionId !== 'string') return false;
	return db.transaction(() => {
		const set = loadOwnSet(db, teacherId, setId);
		const index = set?.items.findIndex((item) => item.questionId === questionId) ?? -1;
		if (!set || index < 0) return false;
		if (change === 'remove') {
			db.delete(t.questionSetItem).where(and(eq(t.questionSetItem.setId, setId), eq(t.questionSetItem.questionId, questionId))).run();
			return true;
		}
		const other = set.items[change === 'up' ? index - 1 : index + 1];
		if (!other) return true;
		const item = set.items[index]!;
		const setPosition = (id: string, position: number) =>
			db.update(t.questionSetItem).set({ position }).where(and(eq(t.questionSetItem.setId, setId), eq(t.questionSetItem.questionId, id))).run();
		setPosition(item.questionId, other.position);
		setPosition(other.questionId, item.position);
		return true;
	});
}

/** A copy of the teacher's own set or of a built-in set, owned by the teacher. */
export function duplicateSet(db: Db, teacherId: string, setId: string, copyLabel: (title: string) => string, now: Date): string | null {
	if (typeof setId !== 'string' || setId.length > 100) return null;
	return db.transaction(() => {
		const source = db
			.select()
			.from(t.questionSet)
			.where(and(eq(t.questionSet.id, setId), or(eq(t.questionSet.ownerId, teacherId), isNull(t.questionSet.ownerId))))
			.get();
		if (!source) return null;
		const id = generateId();
		const cut = (title: string) => (title ? copyLabel(title).slice(0, SET_TITLE_MAX) : '');
		db.insert(t.questionSet).values({ id, ownerId: teacherId, titleNl: cut(source.titleNl), titleEn: cut(source.titleEn), createdAt: now }).run();
		db.run(sql`INSERT INTO question_set_item (set_id, question_id, position) SELECT ${id}, question_id, position FROM question_set_item WHERE set_id = ${setId}`);
		return id;
	});
}

/** Deletes the teacher's own set, unless a class has it as an assignment (delete that first). */
export function deleteSet(db: Db, teacherId: string, setId: string): { ok: true } | { ok: false; problem: 'not_found' | 'in_use' } {
	if (!loadOwnSetRow(db, teacherId, setId)) return { ok: false, problem: 'not_found' };
	if (db.select({ id: t.assignment.id }).from(t.assignment).where(eq(t.assignment.setId, setId)).get()) return { ok: false, problem: 'in_use' };
	db.delete(t.questionSet).where(eq(t.questionSet.id, setId)).run();
	return { ok: true };
}

/** The teacher's classes that have this set as a task, so the editor can say what a change affects. */
export function listSetUses(db: Db, teacherId: string, setId: string): { classId: string; className: string; dueOn: string }[] {
	return db
		.select({ classId: t.schoolClass.id, className: t.schoolClass.name, dueOn: t.assignment.dueOn })
		.from(t.assignment)
		.innerJoin(t.schoolClass, eq(t.schoolClass.id, t.assignment.classId))
		.where(and(eq(t.assignment.setId, setId), eq(t.schoolClass.ownerId, teacherId)))
		.orderBy(asc(t.assignment.dueOn))
		.all();
}
