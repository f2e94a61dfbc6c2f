import { z } from 'zod';
import { AID_LOCALES, FALLBACK_LOCALE } from '../aid';
import type { AidLocale } from '../aid';
import { hashContent } from './hash';
import type { Digest } from './hash';
import type { ContentBundle } from './types';

/**
 * Translations of the Dutch content into the learners' languages. English is written next to the
 * Dutch in the content files themselves; every other language has its own files:
 *
 *   questions/translations/<lang>/<theme>.yaml            questions (question, options, explanation)
 *   content/translations/<lang>/quick-answers.yaml        quick answers (question, answer)
 *   content/translations/<lang>/guides.yaml               guides (title, summary)
 *   content/translations/<lang>/themes.yaml               theme names
 *   content/translations/<lang>/words/<theme>.yaml        KNM words (translation of the term)
 *
 * Each item carries `hash`: the first 12 hex digits of the hash of the Dutch text it was
 * translated from (`translationHash(dutchSourceOf(...))`). When the Dutch changes, the hash no
 * longer matches: the translation is stale, content:check reports it and learners see English.
 */

/** The languages with translation files: every aid language but English. */
export type TranslatedLocale = Exclude<AidLocale, typeof FALLBACK_LOCALE>;
export const TRANSLATED_LOCALES = AID_LOCALES.filter((locale): locale is TranslatedLocale => locale !== FALLBACK_LOCALE);

export function isTranslatedLocale(value: string): value is TranslatedLocale {
	return (TRANSLATED_LOCALES as readonly string[]).includes(value);
}

export const TRANSLATION_PATHS = {
	questionsDir: 'questions/translations/',
	contentDir: 'content/translations/'
} as const;

/** A file in one of the translation folders (the validator then says whether it is a known one). */
export function isTranslationPath(path: string): boolean {
	return path.startsWith(TRANSLATION_PATHS.questionsDir) || path.startsWith(TRANSLATION_PATHS.contentDir);
}

export const TRANSLATION_KINDS = ['question', 'quick-answer', 'guide', 'theme', 'word'] as const;
export type TranslationKind = (typeof TRANSLATION_KINDS)[number];

const text = z.string().trim().min(1, 'must not be empty').max(2000, 'is too long (at most 2,000 characters)');
const hashField = z.string().regex(/^[0-9a-f]{12}$/, 'must be the 12 hex digits that content:translations prints for the Dutch text');
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the id of a Dutch item');

/** The fields each kind of translation has, as a zod schema (strict: a typo is an error). */
export const translationItemSchemas = {
	question: z.strictObject({ id, hash: hashField, question: text, options: z.array(text).length(3, 'must have 3 options, in the order of the Dutch ones'), explanation: text }),
	'quick-answer': z.strictObject({ id, hash: hashField, question: text, answer: text }),
	guide: z.strictObject({ id, hash: hashField, title: text, summary: text }),
	theme: z.strictObject({ id, hash: hashField, name: text }),
	word: z.strictObject({ id, hash: hashField, translation: text })
} as const;

export type TranslationFields = {
	question: { question: string; options: string[]; explanation: string };
	'quick-answer': { question: string; answer: string };
	guide: { title: string; summary: string };
	theme: { name: string };
	word: { translation: string };
};

export interface Translation<K extends TranslationKind = TranslationKind> {
	kind: K;
	id: string;
	locale: TranslatedLocale;
	file: string;
	fields: TranslationFields[K];
	hash: string;
	/** the Dutch changed since this was translated: learners see English instead */
	stale: boolean;
}

/** Which kind a translation file holds, and its language, from its path; null for a path that is not one. */
export function classifyTranslationPath(path: string): { locale: string; kind: TranslationKind; theme: string | null } | null {
	const question = new RegExp(`^${TRANSLATION_PATHS.questionsDir}([^/]+)/([a-z0-9-]+)\\.ya?ml$`).exec(path);
	if (question) return { locale: question[1]!, kind: 'question', theme: question[2]! };
	const word = new RegExp(`^${TRANSLATION_PATHS.contentDir}([^/]+)/words/([a-z0-9-]+)\\.ya?ml$`).exec(path);
	if (word) return { locale: word[1]!, kind: 'word', theme: word[2]! };
	const other = new RegExp(`^${TRANSLATION_PATHS.contentDir}([^/]+)/(quick-answers|guides|themes)\\.ya?ml$`).exec(path);
	if (other) {
		const kind = ({ 'quick-answers': 'quick-answer', guides: 'guide', themes: 'theme' } as const)[other[2] as 'quick-answers' | 'guides' | 'themes'];
		return { locale: other[1]!, kind, theme: null };
	}
	return null;
}

/** The hash a translation carries: the first 12 hex digits of the content hash of its Dutch source. */
export function translationHash(dutch: unknown, digest?: Digest): string {
	return hashContent(dutch, digest).slice(0, 12);
}

/** An item a translation can be made of: its id, its theme (questions and words) and its Dutch source. */
export interface TranslatableItem {
	kind: TranslationKind;
	id: string;
	theme: string | null;
	/** the Dutch text the translation is made from; its hash marks a translation current */
	dutch: Record<string, string | string[]>;
	/** the English text, for translators to compare with */
	english: Record<string, string | string[]>;
}

/** An item's translatable fields in Dutch and in English, from one picker of a language's side. */
const bothSides = <T extends Record<string, string | string[]>>(side: (lang: 'nl' | 'en') => T) => ({ dutch: side('nl'), english: side('en') });

/** Every item of the bundle that has translations, with its Dutch source. */
export function listTranslatableItems(bundle: Pick<ContentBundle, 'questions' | 'quickAnswers' | 'guides' | 'themes' | 'words'>): TranslatableItem[] {
	return [
		...bundle.questions.map((q) => ({
			kind: 'question' as const,
			id: q.id,
			theme: q.theme,
			...bothSides((lang) => ({ question: q.question[lang], options: q.options.map((o) => o[lang]), explanation: q.explanation[lang] }))
		})),
		...bundle.quickAnswers.map((a) => ({ kind: 'quick-answer' as const, id: a.id, theme: null, ...bothSides((lang) => ({ question: a.question[lang], answer: a.answer[lang] })) })),
		...bundle.guides.map((g) => ({ kind: 'guide' as const, id: g.slug, theme: null, ...bothSides((lang) => ({ title: g.title[lang], summary: g.summary[lang] })) })),
		...bundle.themes.map((th) => ({ kind: 'theme' as const, id: th.slug, theme: null, ...bothSides((lang) => ({ name: th.name[lang] })) })),
		// a word's Dutch is its term and definition; its English is the translation
		...bundle.words.map((w) => ({
			kind: 'word' as const,
			id: w.id,
			theme: w.themes[0] ?? null,
			dutch: { term: w.term, definition: w.definition },
			english: { translation: w.translation }
		}))
	];
}

export interface CoverageRow {
	total: number;
	translated: number;
	stale: number;
}

/** Per language and kind: how many items there are, how many have a current translation, how many a stale one. */
export function summarizeCoverage(items: readonly TranslatableItem[], translations: readonly Translation[]): Record<TranslatedLocale, Record<TranslationKind, CoverageRow>> {
	const result = {} as Record<TranslatedLocale, Record<TranslationKind, CoverageRow>>;
	for (const locale of TRANSLATED_LOCALES) {
		const rows = {} as Record<TranslationKind, CoverageRow>;
		for (const kind of TRANSLATION_KINDS) rows[kind] = { total: items.filter((item) => item.kind === kind).length, translated: 0, stale: 0 };
		for (const translation of translations) {
			if (translation.locale !== locale) continue;
			if (translation.stale) rows[translation.kind].stale += 1;
			else rows[translation.kind].translated += 1;
		}
		result[locale] = rows;
	}
	return result;
}
