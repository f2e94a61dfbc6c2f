import { count, eq } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateContent } from '../../domain/content';
import type { ContentBundle } from '../../domain/content';
import {
	buildContentFiles,
	GUIDE_WONEN,
	QUESTION_1,
	QUESTION_2,
	questionsYaml
} from '../../domain/content/test-fixtures';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { getGuide, getSource, listBankCoverage, listThemes, searchHub } from '../hub';
import { importContent } from './import';
import { listTranslatableItems, translationHash } from '../../domain/content/translations';
import { loadWordTerms } from './word-terms';

// The real markdown renderer, with a switch that stands for a new version of it (another output).
const renderer = vi.hoisted(() => ({ upgraded: false }));
vi.mock('../../domain/content/markdown', async (importOriginal) => {
	const actual = await importOriginal<typeof import('../../domain/content/markdown')>();
	return {
		...actual,
		renderMarkdown: (markdown: string, terms?: Parameters<typeof actual.renderMarkdown>[1]): string =>
			actual.renderMarkdown(markdown, terms).replace(/<p(?=[ >])/g, renderer.upgraded ? '<p class="upgraded"' : '<p')
	};
});

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

	afterEach(() => {
		renderer.upgraded = false;
	});

	const rowCount = (table: SQLiteTable): number =>
		db.select({ n: count() }).from(table).get()?.n ?? 0;

	it('keeps the words of the files, and the terms feedback links follow a new import', () => {
		const words = (...terms: string[]) =>
			`theme: wonen\nwords:\n${terms.map((term) => `  - id: ${term}\n    term: ${term}\n    article: de\n    definition: Iemand die een woning aan een ander geeft.\n    translation: ${term} (en)\n    example: Bel de ${term}.\n`).join('')}`;
		importContent(db, bundleWith({ 'content/words/wonen.yaml': words('verhuurder', 'huurder') }), DAY_1);
		expect(loadWordTerms(db).map((entry) => entry.term).sort()).toEqual(['huurder', 'verhuurder']);
		importContent(db, bundleWith({ 'content/words/wonen.yaml': words('verhuurder') }), DAY_2);
		expect(rowCount(t.word)).toBe(1);
		expect(loadWordTerms(db).map((entry) => entry.term)).toEqual(['verhuurder']);
	});

	it('does not link a word marked link: false (a term with another everyday meaning), in feedback or in a guide', () => {
		const guide = GUIDE_WONEN.replace('Renting, tenant rights and the Huurcommissie.', 'Say it direct to the huurder.');
		const files = {
			'content/words/wonen.yaml': `theme: wonen\nwords:\n  - id: huurder\n    term: huurder\n    definition: Iemand die een woning van een ander huurt.\n    translation: tenant\n    example: De huurder betaalt.\n  - id: direct\n    term: direct\n    link: false\n    definition: Open zeggen wat u denkt.\n    translation: direct\n    example: Hij is direct.\n`,
			'content/guides/knm-wonen.md': guide
		};
		importContent(db, bundleWith(files), DAY_1);
		expect(loadWordTerms(db).map((entry) => entry.term)).toEqual(['huurder']);
		const html = db.select({ html: t.guide.bodyHtmlEn }).from(t.guide).where(eq(t.guide.slug, 'knm-wonen')).get()!.html;
		expect(html).toContain('Say it direct to the <a href="/words?q=huurder#huurder" class="term">huurder</a>.');
	});

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
		// a retired question has no place among the new ones; the others close up
		const newOrder = () => db.select({ id: t.question.id, order: t.question.newOrder }).from(t.question).orderBy(t.question.id).all();
		expect(newOrder()).toEqual([
			{ id: 'wo-001', order: 1 },
			{ id: 'wo-002', order: null }
		]);
		expect(rowCount(t.question)).toBe(2);
		expect(getSource(db, 'huurcommissie', 'en')?.questionCount).toBe(1);

		const again = importContent(db, bundleWith({ 'questions/wonen.yaml': questionsYaml([QUESTION_1]) }), DAY_3);
		expect(again.retired).toBe(0);
		expect(db.select().from(t.question).where(eq(t.question.id, 'wo-002')).get()?.retiredAt).toEqual(DAY_2);

		const restored = importContent(db, bundleWith(), DAY_3);
		expect(restored.restored).toBe(1);
		expect(db.select().from(t.question).where(eq(t.question.id, 'wo-002')).get()?.retiredAt).toBeNull();
		expect(newOrder()).toEqual([
			{ id: 'wo-001', order: 1 },
			{ id: 'wo-002', order: 2 }
		]);
	});

	const versionsOf = (id: string) =>
		db
			.select()
			.from(t.questionVersion)
			.where(eq(t.questionVersion.questionId, id))
			.orderBy(t.questionVersion.version)
			.all();
	const questionRow = (id: string) => db.select().from(t.question).where(eq(t.question.id, id)).get();
	const linksOf = (id: string) => ({
		sources: db
			.select({ slug: t.questionSource.sourceSlug })
			.from(t.questionSource)
			.where(eq(t.questionSource.questionId, id))
			.all()
			.map((row) => row.slug),
		guides: db
			.select({ slug: t.questionGuide.guideSlug })
			.from(t.questionGuide)
			.where(eq(t.questionGuide.questionId, id))
			.all()
			.map((row) => row.slug)
	});

	it('keeps every version of a question: a changed right answer is version 2, version 1 stays', () => {
		importContent(db, bundleWith(), DAY_1);
		expect(questionRow('wo-001')?.version).toBe(1);
		expect(versionsOf('wo-001')).toMatchObject([{ version: 1, correctIndex: 0, createdAt: DAY_1 }]);

		// The right answer moves from the first option to the second.
		const edited = QUESTION_1.replace('        correct: true\n', '').replace(
			'        en: The tax office\n',
			'        en: The tax office\n        correct: true\n'
		);
		const files = { 'questions/wonen.yaml': questionsYaml([edited, QUESTION_2]) };
		const report = importContent(db, bundleWith(files), DAY_2);

		expect(report.updated).toBe(1);
		expect(questionRow('wo-001')).toMatchObject({ version: 2, correctIndex: 1 });
		const versions = versionsOf('wo-001');
		expect(versions).toMatchObject([
			{ version: 1, correctIndex: 0, createdAt: DAY_1 },
			{ version: 2, correctIndex: 1, createdAt: DAY_2, questionNl: 'Wie helpt bij ruzie over de huurprijs?' }
		]);
		expect(versions[1]?.options).toEqual(questionRow('wo-001')?.options);
		expect(versions[1]?.contentHash).toBe(questionRow('wo-001')?.contentHash);
		expect(versionsOf('wo-002')).toHaveLength(1);

		// Importing the same files again writes no new version.
		importContent(db, bundleWith(files), DAY_3);
		expect(versionsOf('wo-001')).toEqual(versions);
	});

	it('gives a retired question that comes back changed a new version', () => {
		importContent(db, bundleWith(), DAY_1);
		importContent(db, bundleWith({ 'questions/wonen.yaml': questionsYaml([QUESTION_1]) }), DAY_2);
		const edited = QUESTION_2.replace('Wat tekent u als u een huis huurt?', 'Wat tekent u bij het huren van een huis?');
		const report = importContent(db, bundleWith({ 'questions/wonen.yaml': questionsYaml([QUESTION_1, edited]) }), DAY_3);

		expect(report).toMatchObject({ restored: 1, updated: 1 });
		expect(questionRow('wo-002')).toMatchObject({ version: 2, retiredAt: null });
		expect(versionsOf('wo-002').map((v) => [v.version, v.questionNl])).toEqual([
			[1, 'Wat tekent u als u een huis huurt?'],
			[2, 'Wat tekent u bij het huren van een huis?']
		]);
	});

	it('gives a restored question its source and guide links back after they were deleted meanwhile', () => {
		importContent(db, bundleWith(), DAY_1);
		expect(linksOf('wo-001')).toEqual({ sources: ['huurcommissie'], guides: ['knm-wonen'] });

		// Both questions leave the files; then their source and guide leave too (deleting those rows
		// cascades to the links of the retired questions).
		const files = buildContentFiles();
		const text = (path: string): string => files.find((f) => f.path === path)!.text;
		const noQuestions = 'theme: wonen\nquestions: []\n';
		importContent(db, bundleWith({ 'questions/wonen.yaml': noQuestions }), DAY_2);
		importContent(
			db,
			bundleWith({
				'questions/wonen.yaml': noQuestions,
				'content/sources.yaml': text('content/sources.yaml').replace(/ {2}- slug: huurcommissie\n(?: {4}.*\n)+/, ''),
				'content/topics.yaml': text('content/topics.yaml').replace(/ {2}- slug: housing\n(?: {4,}.*\n)+/, ''),
				'content/guides/knm-wonen.md': null,
				'content/guides/which-integration-exams.md': text('content/guides/which-integration-exams.md').replace(
					'related: [knm-wonen]',
					'related: []'
				)
			}),
			DAY_2
		);
		expect(linksOf('wo-001')).toEqual({ sources: [], guides: [] });

		const restored = importContent(db, bundleWith(), DAY_3);

		expect(restored.restored).toBe(2);
		expect(linksOf('wo-001')).toEqual({ sources: ['huurcommissie'], guides: ['knm-wonen'] });
		expect(linksOf('wo-002')).toEqual({ sources: ['huurcommissie'], guides: [] });
		expect(getSource(db, 'huurcommissie', 'en')?.questionCount).toBe(2);
	});

	it('re-renders a guide whose file is unchanged when the renderer now gives other HTML', () => {
		importContent(db, bundleWith(), DAY_1);
		expect(getGuide(db, 'knm-wonen', 'en')?.html).toContain('<p id="eindterm-3-1-2"><strong>Tenants (3.1.2).</strong> Renting');

		renderer.upgraded = true;
		const report = importContent(db, bundleWith(), DAY_2);

		expect(report.updated).toBe(2);
		expect(getGuide(db, 'knm-wonen', 'en')?.html).toContain('<p class="upgraded" id="eindterm-3-1-2"><strong>Tenants (3.1.2).</strong> Renting');
		expect(getGuide(db, 'which-integration-exams', 'nl')?.html).toContain('<p class="upgraded">Het examen');
		expect(importContent(db, bundleWith(), DAY_3).updated).toBe(0);
	});

	it('retires a theme that left themes.yaml, hides it from hub and teacher lists, and restores it', () => {
		importContent(db, bundleWith(), DAY_1);
		const themes = buildContentFiles()
			.find((f) => f.path === 'content/themes.yaml')!
			.text.replace(/ {2}- slug: wonen\n(?: {4,}.*\n)+/, '');
		const guide = buildContentFiles()
			.find((f) => f.path === 'content/guides/knm-wonen.md')!
			.text.replace('themes: [wonen]', 'themes: []');
		const withoutWonen = {
			'content/themes.yaml': themes,
			'content/guides/knm-wonen.md': guide,
			'questions/wonen.yaml': null
		};

		const removed = importContent(db, bundleWith(withoutWonen), DAY_2);

		// Its questions are retired with it and still point at it, so the theme row stays.
		expect(removed.retired).toBe(3);
		expect(db.select().from(t.theme).where(eq(t.theme.slug, 'wonen')).get()?.retiredAt).toEqual(DAY_2);
		expect(questionRow('wo-001')?.retiredAt).toEqual(DAY_2);
		expect(listThemes(db, 'en').map((theme) => theme.slug)).toEqual(['instanties']);
		expect(listBankCoverage(db, 'en').map((theme) => theme.slug)).toEqual(['instanties']);

		const again = importContent(db, bundleWith(withoutWonen), DAY_3);
		expect(again).toMatchObject({ inserted: 0, updated: 0, deleted: 0, retired: 0, restored: 0 });

		const restored = importContent(db, bundleWith(), DAY_3);
		expect(restored.restored).toBe(3);
		expect(db.select().from(t.theme).where(eq(t.theme.slug, 'wonen')).get()?.retiredAt).toBeNull();
		expect(listThemes(db, 'en')).toMatchObject([{ slug: 'wonen', questionCount: 2 }, { slug: 'instanties' }]);
		expect(listBankCoverage(db, 'en')[0]?.eindtermen.map((e) => e.code)).toEqual(['3.1']);
		expect(getGuide(db, 'knm-wonen', 'en')?.themes.map((theme) => theme.slug)).toEqual(['wonen']);
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

	it('searches the translations in a learner language, current ones only', () => {
		const guide = listTranslatableItems(bundleWith()).find((item) => item.kind === 'guide' && item.id === 'which-integration-exams')!;
		const translation = (hash: string) => ({
			'content/translations/ar/guides.yaml': `translations:\n  - id: which-integration-exams\n    hash: "${hash}"\n    title: "ما هي امتحانات الاندماج؟"\n    summary: "شرح قصير لامتحانات الاندماج عند DUO."\n`
		});
		importContent(db, bundleWith(translation(translationHash(guide.dutch))), DAY_1);
		const arabic = searchHub(db, 'امتحانات', 'ar');
		expect(arabic[0]).toMatchObject({ kind: 'guide', href: '/guides/which-integration-exams', title: 'ما هي امتحانات الاندماج؟' });
		// English and Dutch words still find it, with its Arabic title
		expect(searchHub(db, 'integration exams', 'ar')[0]).toMatchObject({ href: '/guides/which-integration-exams', title: 'ما هي امتحانات الاندماج؟' });
		// found both in the hub's English and in its translation ("DUO"): listed once, as the translation
		expect(searchHub(db, 'DUO', 'en').map((hit) => hit.href)).toContain('/guides/which-integration-exams');
		const both = searchHub(db, 'DUO', 'ar').filter((hit) => hit.href === '/guides/which-integration-exams');
		expect(both).toEqual([expect.objectContaining({ title: 'ما هي امتحانات الاندماج؟', titleLang: 'ar', snippetLang: 'ar' })]);
		// not in another language's search
		expect(searchHub(db, 'امتحانات', 'tr')).toEqual([]);
		// made from an older Dutch text: not searched, and the page falls back to English
		importContent(db, bundleWith(translation('000000000000')), DAY_2);
		expect(searchHub(db, 'امتحانات', 'ar')).toEqual([]);
		expect(searchHub(db, 'integration exams', 'ar')[0]?.title).toBe('Which integration exams are there?');
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
