import { count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../domain/content';
import type { ContentBundle } from '../../domain/content';
import {
	buildContentFiles,
	QUESTION_1,
	QUESTION_2,
	questionsYaml
} from '../../domain/content/test-fixtures';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { getSource, searchHub } from '../hub';
import { importContent } from './import';

function bundleWith(overrides: Record<string, string | null> = {}): ContentBundle {
	const result = validateContent(buildContentFiles(overrides));
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.bundle;
}

const DAY_1 = new Date('2026-11-01T10:00:00Z');
const DAY_2 = new Date('2026-11-02T10:00:00Z');
const DAY_3 = new Date('2026-11-03T10:00:00Z');

describe('importContent', () => {
	let db: Db;

	beforeEach(() => {
		db = openDatabase(':memory:');
	});

	const rowCount = (table: SQLiteTable): number =>
		db.select({ n: count() }).from(table).get()?.n ?? 0;

	it('imports every kind of content', () => {
		const report = importContent(db, bundleWith(), DAY_1);
		expect(report.inserted).toBeGreaterThan(0);
		expect(rowCount(t.question)).toBe(2);
		expect(rowCount(t.source)).toBe(3);
		expect(rowCount(t.topicSource)).toBe(3);
		expect(rowCount(t.guideSource)).toBe(4);
		expect(rowCount(t.questionSource)).toBe(2);
		const stored = db.select().from(t.question).where(eq(t.question.id, 'wo-001')).get();
		expect(stored?.options).toEqual([
			{ nl: 'De Huurcommissie', en: 'The Huurcommissie' },
			{ nl: 'De Belastingdienst', en: 'The tax office' },
			{ nl: 'Het UWV', en: 'UWV' }
		]);
		expect(stored?.correctIndex).toBe(0);
		expect(report.searchIndexRebuilt).toBe(true);
	});

	it('is idempotent: a second import of the same files changes nothing', () => {
		importContent(db, bundleWith(), DAY_1);
		const before = db.select().from(t.question).all();
		const imports = db.select({ n: count() }).from(t.contentImport).get()?.n;

		const second = importContent(db, bundleWith(), DAY_2);

		expect(second).toMatchObject({ inserted: 0, updated: 0, deleted: 0, retired: 0, restored: 0 });
		expect(second.searchIndexRebuilt).toBe(false);
		expect(db.select().from(t.question).all()).toEqual(before);
		expect(db.select({ n: count() }).from(t.contentImport).get()?.n).toBe(imports);
	});

	it('updates a question whose text changed, and only that one', () => {
		importContent(db, bundleWith(), DAY_1);
		const edited = QUESTION_1.replace('Wie helpt bij ruzie', 'Wie helpt u bij ruzie');
		const report = importContent(db, bundleWith({ 'questions/wonen.yaml': questionsYaml([edited, QUESTION_2]) }), DAY_2);
		expect(report.updated).toBe(1);
		const row = db.select().from(t.question).where(eq(t.question.id, 'wo-001')).get();
		expect(row?.questionNl).toBe('Wie helpt u bij ruzie over de huurprijs?');
		expect(row?.updatedAt).toEqual(DAY_2);
		expect(row?.createdAt).toEqual(DAY_1);
	});

	it('retires a question removed from the files instead of deleting it, and restores it', () => {
		importContent(db, bundleWith(), DAY_1);

		const removed = importContent(db, bundleWith({ 'questions/wonen.yaml': questionsYaml([QUESTION_1]) }), DAY_2);
		expect(removed.retired).toBe(1);
		const retired = db.select().from(t.question).where(eq(t.question.id, 'wo-002')).get();
		expect(retired?.retiredAt).toEqual(DAY_2);
		expect(rowCount(t.question)).toBe(2);
		expect(getSource(db, 'huurcommissie', 'en')?.questionCount).toBe(1);

		const again = importContent(db, bundleWith({ 'questions/wonen.yaml': questionsYaml([QUESTION_1]) }), DAY_3);
		expect(again.retired).toBe(0);
		expect(db.select().from(t.question).where(eq(t.question.id, 'wo-002')).get()?.retiredAt).toEqual(DAY_2);

		const restored = importContent(db, bundleWith(), DAY_3);
		expect(restored.restored).toBe(1);
		expect(db.select().from(t.question).where(eq(t.question.id, 'wo-002')).get()?.retiredAt).toBeNull();
	});

	it('deletes a hub source that left the files, with its topic mentions', () => {
		importContent(db, bundleWith(), DAY_1);
		const sources = buildContentFiles()
			.find((f) => f.path === 'content/sources.yaml')!
			.text.replace(/ {2}- slug: duo\n(?: {4}.*\n)+/, '');
		const topics = `topics:
  - slug: exam-information-and-planning
    title: { en: Exam information and planning, nl: Examens en planning }
    summary: { en: Where to read about the exams., nl: Waar u leest over de examens. }
    sources:
      - slug: inburgeren-nl
        reason: { en: Explains every exam., nl: Legt elk examen uit. }
  - slug: housing
    title: { en: Housing, nl: Wonen }
    summary: { en: Renting a home., nl: Een huis huren. }
    sources:
      - slug: huurcommissie
        reason: { en: Rent disputes., nl: Ruzie over huur. }
`;
		const guide = buildContentFiles()
			.find((f) => f.path === 'content/guides/which-integration-exams.md')!
			.text.replace('sources: [duo, inburgeren-nl]', 'sources: [inburgeren-nl]');
		const report = importContent(
			db,
			bundleWith({
				'content/sources.yaml': sources,
				'content/topics.yaml': topics,
				'content/guides/which-integration-exams.md': guide
			}),
			DAY_2
		);
		expect(report.deleted).toBe(1);
		expect(getSource(db, 'duo', 'en')).toBeNull();
		expect(rowCount(t.topicSource)).toBe(2);
		expect(searchHub(db, 'Dienst Uitvoering', 'en')).toEqual([]);
	});

	it('indexes the hub for search in both languages', () => {
		importContent(db, bundleWith(), DAY_1);
		expect(searchHub(db, 'integration exams', 'en').map((hit) => hit.href)).toContain(
			'/guides/which-integration-exams'
		);
		const dutch = searchHub(db, 'inburgeringsexamens', 'nl');
		expect(dutch[0]).toMatchObject({ kind: 'guide', title: 'Welke inburgeringsexamens zijn er?' });
		expect(searchHub(db, '"; DROP TABLE source; --', 'en')).toEqual([]);
	});

	it('shows where a source appears: topic and guide mentions and questions', () => {
		importContent(db, bundleWith(), DAY_1);
		const source = getSource(db, 'inburgeren-nl', 'nl');
		expect(source?.topics.map((topic) => topic.slug)).toEqual(['exam-information-and-planning']);
		expect(source?.guides.map((guide) => guide.slug)).toEqual(['knm-wonen', 'which-integration-exams']);
		expect(source?.guides[1]?.title).toBe('Welke inburgeringsexamens zijn er?');
		expect(getSource(db, 'huurcommissie', 'en')?.questionCount).toBe(2);
	});
});
