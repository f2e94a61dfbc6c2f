import { asc, isNull } from 'drizzle-orm';
import { pickHubText, themeNameIn } from './hub-text';
import { readTranslations } from './aid';
import type { AidLocale } from '../domain/aid';
import { z } from 'zod';
import { normalizeText } from '../domain/content/question-rules';
import { termWithArticle } from '../domain/content/word-cards';
import type { Locale } from '../domain/locale';
import type { Word } from '../domain/content/types';
import type { Db } from './db';
import * as t from './db/schema';

/*
 * The KNM words (/words): terms the questions and guides use, each with a plain Dutch definition,
 * an English translation and an example. Filtered by theme and by words, both from the URL.
 */

export const wordFilterSchema = z.object({
	q: z.string().max(100).optional().catch(undefined),
	theme: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined)
});
export type WordFilter = z.infer<typeof wordFilterSchema>;

export interface WordView extends Pick<Word, 'id' | 'definition' | 'translation' | 'example'> {
	/** the term with its article, as the word list's heading shows it */
	heading: string;
	/** the language of `translation`: the asked one, or English when it has no current translation */
	translationLang: AidLocale;
	guide: { slug: string; title: string } | null;
}

export interface WordList {
	themes: { slug: string; number: number; name: string; count: number }[];
	words: WordView[];
	/** the filter as applied: an unknown theme is dropped */
	filter: { q: string; theme: string | null };
}

/**
 * The words of a theme (or all), in file order, whose Dutch term or English translation holds
 * every word of `q` (case and accents ignored: "officiele" finds "officiële"). A few hundred rows:
 * read whole and filtered here.
 */
export function listWords(db: Db, filter: WordFilter, locale: Locale, aid: AidLocale = 'en'): WordList {
	const themes = db
		.select({ slug: t.theme.slug, number: t.theme.number, nameEn: t.theme.nameEn, nameNl: t.theme.nameNl })
		.from(t.theme)
		.where(isNull(t.theme.retiredAt))
		.orderBy(asc(t.theme.number))
		.all();
	const guides = new Map(db.select({ slug: t.guide.slug, titleEn: t.guide.titleEn, titleNl: t.guide.titleNl }).from(t.guide).all().map((guide) => [guide.slug, guide]));
	const all = db.select().from(t.word).orderBy(asc(t.word.position)).all();
	const translated = readTranslations(db, 'word', aid, all.map((row) => row.id));
	const translationOf = (row: (typeof all)[number]) => {
		const own = translated.get(row.id)?.translation;
		return own === undefined ? { text: row.translationEn, lang: 'en' as const } : { text: own, lang: aid };
	};
	const theme = themes.some((item) => item.slug === filter.theme) ? filter.theme! : null;
	const needles = normalizeText(filter.q ?? '')
		.split(' ')
		.filter((needle) => needle !== '');
	const matches = (row: (typeof all)[number]) => {
		if (theme !== null && !row.themes.includes(theme)) return false;
		// the Dutch term, its English, and its translation in the learner's language
		const haystack = `${normalizeText(row.term)} ${normalizeText(row.translationEn)} ${normalizeText(translated.get(row.id)?.translation ?? '')}`;
		return needles.every((needle) => haystack.includes(needle));
	};
	const words = all.filter(matches).map((row) => {
		const guide = row.guideSlug ? guides.get(row.guideSlug) : undefined;
		const translation = translationOf(row);
		return {
			id: row.id,
			heading: termWithArticle(row),
			definition: row.definitionNl,
			translation: translation.text,
			translationLang: translation.lang,
			example: row.exampleNl,
			guide: guide ? { slug: guide.slug, title: pickHubText(db, locale, 'guide', guide.slug, 'title', { en: guide.titleEn, nl: guide.titleNl }).value } : null
		};
	});
	return {
		themes: themes.map((item) => ({
			slug: item.slug,
			number: item.number,
			name: themeNameIn(db, locale, item),
			count: all.filter((row) => row.themes.includes(item.slug)).length
		})),
		words,
		filter: { q: (filter.q ?? '').trim(), theme }
	};
}
