import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { addItems, changeItem, createSet, deleteSet, duplicateSet, listOwnSets, loadOwnSet, renameSet, searchBank } from './sets';

const NOW = new Date('2026-11-30T10:00:00Z');
const teacher = 'a'.repeat(32);
const other = 'b'.repeat(32);

describe('question sets', () => {
	let db: Db;
	beforeEach(() => {
		db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		for (const [id, username] of [
			[teacher, 'meester'],
			[other, 'juf']
		] as const) {
			db.insert(t.user).values({ id, username, usernameKey: username, passwordHash: 'x', role: 'teacher', createdAt: NOW }).run();
		}
	});

	const newSet = () => {
		const result = createSet(db, teacher, { titleNl: 'Wonen: huren', titleEn: '' }, NOW);
		if (!result.ok) throw new Error(result.problem);
		return result.id;
	};

	it('finds bank questions by eindterm (3.1 includes 3.1.x), theme and words, with the right answer', () => {
		const byEindterm = searchBank(db, teacher, { eindterm: '3.1' });
		expect(byEindterm.questions.length).toBeGreaterThan(10);
		for (const question of byEindterm.questions) expect(question.eindterm === '3.1' || question.eindterm.startsWith('3.1.')).toBe(true);
		const byIndicator = searchBank(db, teacher, { eindterm: '3.1.2' }).questions;
		expect(byIndicator.every((question) => question.eindterm === '3.1.2')).toBe(true);
		expect(byIndicator[0]?.answerNl.length).toBeGreaterThan(0);
		// Words: full-text, best first. Questions that name the word come before ones whose options
		// or explanation do.
		const byWord = searchBank(db, teacher, { text: 'Huurcommissie' }).questions;
		const inQuestion = byWord.map((question) => /huurcommissie/i.test(question.questionNl + question.questionEn));
		expect(inQuestion[0]).toBe(true);
		expect(inQuestion.indexOf(false) === -1 || inQuestion.lastIndexOf(true) < inQuestion.indexOf(false)).toBe(true);
		expect(byWord.length).toBeGreaterThan(inQuestion.filter(Boolean).length);
		// A word's beginning finds it; accents do not matter; several words must all be there.
		expect(searchBank(db, teacher, { text: 'huurcom' }).questions.map((question) => question.id)).toEqual(byWord.map((question) => question.id));
		const withAccent = searchBank(db, teacher, { text: 'officiële' }).questions.map((question) => question.id);
		expect(withAccent.length).toBeGreaterThan(0);
		expect(searchBank(db, teacher, { text: 'officiele' }).questions.map((question) => question.id)).toEqual(withAccent);
		expect(searchBank(db, teacher, { text: 'huurcommissie gemeente' }).questions.length).toBeLessThan(byWord.length);
		// Words combine with the other filters; FTS5 syntax in the input is only words.
		expect(searchBank(db, teacher, { text: 'huurcommissie', theme: 'werk' }).questions.every((question) => question.themeNumber === 5)).toBe(true);
		expect(() => searchBank(db, teacher, { text: '"huur" OR NEAR(' })).not.toThrow();
		expect(searchBank(db, teacher, { text: '"huur*' }).questions).toEqual(searchBank(db, teacher, { text: 'huur' }).questions);
		expect(searchBank(db, teacher, { text: '%_%' }).questions.length).toBe(searchBank(db, teacher, {}).questions.length);
	});

	it('needs a title in at least one language; builds, orders and trims a set', () => {
		expect(createSet(db, teacher, { titleNl: ' ', titleEn: '' }, NOW)).toEqual({ ok: false, problem: 'title_missing' });
		expect(createSet(db, teacher, { titleNl: 'x'.repeat(121) }, NOW)).toEqual({ ok: false, problem: 'title_too_long' });
		const id = newSet();
		const ids = searchBank(db, teacher, { eindterm: '3.1.2' }).questions.map((question) => question.id).slice(0, 3);
		expect(addItems(db, teacher, id, ids)).toEqual({ ok: true, added: 3 });
		expect(addItems(db, teacher, id, [ids[0]])).toEqual({ ok: true, added: 0 });
		expect(addItems(db, teacher, id, ['zz-999'])).toEqual({ ok: false, problem: 'questions_invalid' });
		expect(addItems(db, teacher, id, ['<script>'])).toEqual({ ok: false, problem: 'questions_invalid' });
		expect(changeItem(db, teacher, id, ids[2], 'up')).toBe(true);
		expect(loadOwnSet(db, teacher, id)?.items.map((item) => item.questionId)).toEqual([ids[0], ids[2], ids[1]]);
		expect(changeItem(db, teacher, id, ids[0], 'remove')).toBe(true);
		expect(loadOwnSet(db, teacher, id)?.items.map((item) => item.questionId)).toEqual([ids[2], ids[1]]);
		expect(renameSet(db, teacher, id, { titleNl: 'Huren', titleEn: 'Renting' })).toEqual({ ok: true });
		expect(listOwnSets(db, teacher)).toEqual([{ id, titleNl: 'Huren', titleEn: 'Renting', questions: 2 }]);
	});

	it("keeps another teacher's set out of reach, and refuses retired questions", () => {
		const id = newSet();
		const [first] = searchBank(db, teacher, {}).questions;
		expect(loadOwnSet(db, other, id)).toBeNull();
		expect(addItems(db, other, id, [first!.id])).toEqual({ ok: false, problem: 'not_found' });
		expect(changeItem(db, other, id, first!.id, 'remove')).toBe(false);
		expect(renameSet(db, other, id, { titleNl: 'Van mij' })).toEqual({ ok: false, problem: 'not_found' });
		expect(deleteSet(db, other, id)).toEqual({ ok: false, problem: 'not_found' });
		expect(duplicateSet(db, other, id, (title) => `${title} (kopie)`, NOW)).toBeNull();
		db.update(t.question).set({ retiredAt: NOW }).where(eq(t.question.id, first!.id)).run();
		expect(addItems(db, teacher, id, [first!.id])).toEqual({ ok: false, problem: 'questions_invalid' });
	});

	it('duplicates a built-in theme set or an own set; a retired question stays in a set, marked', () => {
		const copy = duplicateSet(db, teacher, 'theme-wonen', (title) => `${title} (kopie)`, NOW)!;
		const set = loadOwnSet(db, teacher, copy)!;
		expect(set.titleNl).toMatch(/\(kopie\)$/);
		expect(set.items.length).toBe(db.select().from(t.question).where(and(eq(t.question.themeSlug, 'wonen'), eq(t.question.origin, 'bank'))).all().length);
		db.update(t.question).set({ retiredAt: NOW }).where(eq(t.question.id, set.items[0]!.questionId)).run();
		expect(loadOwnSet(db, teacher, copy)!.items[0]?.retired).toBe(true);
		expect(deleteSet(db, teacher, copy)).toEqual({ ok: true });
		expect(loadOwnSet(db, teacher, copy)).toBeNull();
	});
});
