import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../domain/content';
import type { ContentFile } from '../domain/content';
import { buildContentFiles } from '../domain/content/test-fixtures';
import { listTranslatableItems, translationHash } from '../domain/content/translations';
import { toSessionUser } from './auth/session';
import { importContent } from './content/import';
import { openDatabase } from './db';
import type { Db } from './db';
import * as t from './db/schema';
import { loadFeedback, nextQuestion, parseScope, submitAnswer, dayModelOf } from './practice';
import { decodeShowing, optionOrder } from './practice/showings';

/*
 * Translations end to end below the browser: the files are validated (unknown ids and languages
 * refused, a changed Dutch text makes a translation stale), imported, and shown under the Dutch
 * question in the learner's language, or in English when that language has no current one.
 */

const NOW = new Date('2026-12-01T09:00:00Z');
const DAY = 86_400_000;

function bundleOf(files: ContentFile[]) {
	const result = validateContent(files);
	if (!result.ok) throw new Error(result.errors.map((e) => `${e.file} ${e.id} ${e.message}`).join('\n'));
	return result.bundle;
}

/** A translation file for the fixture's first question, made from its Dutch as it is now. */
function questionTranslation(locale: string, question: string, options: string[], explanation: string, hash?: string): ContentFile {
	const item = listTranslatableItems(bundleOf(buildContentFiles())).find((entry) => entry.kind === 'question')!;
	return {
		path: `questions/translations/${locale}/${item.theme}.yaml`,
		text: `translations:\n  - id: ${item.id}\n    hash: ${hash ?? translationHash(item.dutch)}\n    question: "${question}"\n    options: [${options.map((o) => `"${o}"`).join(', ')}]\n    explanation: "${explanation}"\n`
	};
}

const AR = questionTranslation('ar', 'سؤال بالعربية؟', ['الخيار الأول', 'الخيار الثاني', 'الخيار الثالث'], 'شرح بالعربية.');

function setUp(extra: ContentFile[], translationLocale: 'ar' | 'tr' | 'en' | 'none', aidFading = true): { db: Db; user: ReturnType<typeof toSessionUser> } {
	const db = openDatabase(':memory:');
	importContent(db, bundleOf([...buildContentFiles(), ...extra]), NOW);
	db.insert(t.user).values({ id: 'u1', username: 'amal', usernameKey: 'amal', passwordHash: 'x', role: 'learner', translationLocale, aidFading, createdAt: NOW }).run();
	return { db, user: toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!) };
}

describe('translation files', () => {
	it('are checked: an unknown id, an unknown language folder and a wrong option count are errors', () => {
		const result = validateContent([
			...buildContentFiles(),
			{ path: 'questions/translations/ar/wonen.yaml', text: 'translations:\n  - id: wo-999\n    hash: 0123456789ab\n    question: "?"\n    options: ["a", "b", "c"]\n    explanation: "."\n' },
			{ path: 'content/translations/de/quick-answers.yaml', text: 'translations: []\n' },
			questionTranslation('tr', 'Soru?', ['a', 'b'], 'Açıklama.')
		]);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const messages = result.errors.map((error) => `${error.file}: ${error.message}`);
		expect(messages).toContainEqual(expect.stringMatching(/ar\/wonen\.yaml: unknown question id "wo-999"/));
		expect(messages).toContainEqual(expect.stringMatching(/translations\/de\/quick-answers\.yaml: unknown language "de"/));
		expect(messages).toContainEqual(expect.stringMatching(/tr\/wonen\.yaml: options must have 3 options/));
	});

	it('are stale once the Dutch they were made from changes, and current again with the new hash', () => {
		const current = bundleOf([...buildContentFiles(), AR]);
		expect(current.translations.map((tr) => [tr.locale, tr.stale])).toEqual([['ar', false]]);
		const item = listTranslatableItems(current).find((entry) => entry.kind === 'question')!;
		// the Dutch question is rewritten: the Arabic was made from the old text
		const files = buildContentFiles().map((file) => (file.path.startsWith('questions/') ? { ...file, text: file.text.replace(String(item.dutch.question), `${String(item.dutch.question)} (nieuw)`) } : file));
		const changed = bundleOf([...files, AR]);
		expect(changed.translations[0]?.stale).toBe(true);
		const refreshed = listTranslatableItems(changed).find((entry) => entry.id === item.id)!;
		expect(translationHash(refreshed.dutch)).not.toBe(translationHash(item.dutch));
	});
});

describe('the translation aid in practice', () => {
	it('shows the learner’s language under the Dutch, each option under its own Dutch text', () => {
		const { db, user } = setUp([AR], 'ar');
		const next = nextQuestion(db, user, parseScope('due')!, NOW);
		if (next.done) throw new Error('nothing to show');
		const { shown } = next;
		expect(shown.aid).toEqual({ locale: 'ar', asked: 'ar', dir: 'rtl', fallback: false, open: true });
		const question = db.select().from(t.question).where(eq(t.question.id, shown.questionId)).get()!;
		// the first new question is the fixture's first, the one translated
		expect(shown.questionId).toBe(listTranslatableItems(bundleOf(buildContentFiles())).find((entry) => entry.kind === 'question')!.id);
		expect(shown.question.aid).toBe('سؤال بالعربية؟');
		// the shuffled options keep their own translations
		const order = optionOrder(db, 'u1', shown.questionId, decodeShowing(db, 'u1', shown.token)!.version);
		expect(shown.options.map((option) => option.nl)).toEqual(order.map((index) => question.options[index]!.nl));
		expect(shown.options.map((option) => option.aid)).toEqual(order.map((index) => ['الخيار الأول', 'الخيار الثاني', 'الخيار الثالث'][index]));
	});

	it('shows English, flagged, when the translation is stale or missing; none with the aid off', () => {
		const stale = questionTranslation('tr', 'Eski soru?', ['a', 'b', 'c'], 'Eski.', 'ffffffffffff');
		const { db, user } = setUp([stale], 'tr');
		const next = nextQuestion(db, user, parseScope('due')!, NOW);
		if (next.done) throw new Error('nothing to show');
		const question = db.select().from(t.question).where(eq(t.question.id, next.shown.questionId)).get()!;
		expect(next.shown.aid).toMatchObject({ locale: 'en', asked: 'tr', dir: 'ltr', fallback: true });
		expect(next.shown.question.aid).toBe(question.questionEn);
		expect(next.shown.options.every((option) => option.aid !== '' && !['a', 'b', 'c'].includes(option.aid))).toBe(true);

		const off = setUp([AR], 'none');
		const shownOff = nextQuestion(off.db, off.user, parseScope('due')!, NOW);
		if (shownOff.done) throw new Error('nothing to show');
		expect(shownOff.shown.aid).toBeNull();
		expect(shownOff.shown.question.aid).toBe('');
	});

	it('folds the translation once the learner answered the question right twice (fading), and not with fading off', () => {
		for (const fading of [true, false]) {
			const { db, user } = setUp([AR], 'ar', fading);
			const scope = parseScope('due')!;
			const target = listTranslatableItems(bundleOf(buildContentFiles())).find((entry) => entry.kind === 'question')!.id;
			const opens: boolean[] = [];
			// answer the question right on three days; note whether its translation started open
			for (let day = 0; day < 40 && opens.length < 3; day += 1) {
				const now = new Date(NOW.getTime() + day * DAY);
				for (;;) {
					const next = nextQuestion(db, user, scope, now);
					if (next.done) break;
					const showing = decodeShowing(db, 'u1', next.shown.token)!;
					const question = db.select().from(t.question).where(eq(t.question.id, next.shown.questionId)).get()!;
					const right = optionOrder(db, 'u1', next.shown.questionId, showing.version).indexOf(question.correctIndex);
					if (next.shown.questionId === target) opens.push(next.shown.aid!.open);
					const result = submitAnswer(db, user, { token: next.shown.token, questionId: next.shown.questionId, choice: String(right) }, now);
					if (!result.ok) throw new Error(result.problem);
					if (next.shown.questionId === target) {
						// the feedback shows the translation of the explanation too
						expect(loadFeedback(db, user, dayModelOf(user), result.answerId, 'ar')?.explanation.aid).toBe('شرح بالعربية.');
					}
				}
			}
			expect(opens).toEqual(fading ? [true, true, false] : [true, true, true]);
		}
	});
});
