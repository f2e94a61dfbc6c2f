/**
 * The interface languages, each named in itself, with its writing direction: the one list the
 * code reads (the language switch, the account setting, `<html lang dir>`, the browser check).
 * Adding one: a line here and a message catalog messages/<code>.json (a test checks every key).
 * Paraglide's project.inlang/settings.json `locales` is written from this list before every
 * compile (build-tools/inlang-settings.ts).
 */
export const LANGUAGES = [
	{ code: 'en', name: 'English', dir: 'ltr' },
	{ code: 'nl', name: 'Nederlands', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' },
	{ code: 'tr', name: 'Türkçe', dir: 'ltr' },
	// Persian as written in Iran and Afghanistan (Dari): both names, so Dari speakers find it
	{ code: 'fa', name: 'فارسی / دری', dir: 'rtl' },
	{ code: 'uk', name: 'Українська', dir: 'ltr' }
] as const satisfies readonly { code: string; name: string; dir: 'ltr' | 'rtl' }[];

export type Locale = (typeof LANGUAGES)[number]['code'];

/** The codes of LANGUAGES, in order (a tuple, as zod and drizzle enums want). */
export const LOCALES = LANGUAGES.map((language) => language.code) as [Locale, ...Locale[]];

/** The language of the exam: questions stay in it whatever the interface language. */
export const EXAM_LOCALE = 'nl' satisfies Locale;

/** The languages with the exam's (Dutch) first: the order a first visit is asked to choose in. */
export function listLanguagesExamFirst(): (typeof LANGUAGES)[number][] {
	return [...LANGUAGES].sort((a, b) => Number(b.code === EXAM_LOCALE) - Number(a.code === EXAM_LOCALE));
}

export function isLocale(value: string): value is Locale {
	return (LOCALES as readonly string[]).includes(value);
}

/** The writing direction of an interface language (left to right for an unknown code). */
export function directionOf(locale: string): 'ltr' | 'rtl' {
	return LANGUAGES.find((language) => language.code === locale)?.dir ?? 'ltr';
}

/**
 * The language of hub texts written only in Dutch and English (topics, sources, guide bodies):
 * Dutch for a Dutch interface, English for every other one (so a page in Arabic marks them English).
 */
export function hubTextLang(locale: Locale): 'en' | 'nl' {
	return locale === 'nl' ? 'nl' : 'en';
}

/** The Dutch or English variant of a localised value. */
export function pickLocale<T>(locale: Locale, en: T, nl: T): T {
	return locale === 'nl' ? nl : en;
}

/** A teacher's title, written in Dutch, English or both: the locale's, else the other one. */
export function pickTitle(locale: string, title: { titleEn: string; titleNl: string }): string {
	return locale === 'nl' ? title.titleNl || title.titleEn : title.titleEn || title.titleNl;
}

/**
 * Whether the language a browser prefers most (the first of `Accept-Language` by weight) is one
 * of ours. When it is not (a phone set to Arabic, Turkish, Tigrinya…), a first visit is asked to
 * choose instead of being put in English without a word.
 */
export function prefersSupportedLanguage(acceptLanguage: string | null): boolean {
	if (!acceptLanguage) return true;
	let best: { tag: string; weight: number } | null = null;
	for (const part of acceptLanguage.split(',').slice(0, 20)) {
		const [rawTag, ...params] = part.trim().split(';');
		const tag = (rawTag ?? '').trim().toLowerCase();
		if (!tag || tag === '*') continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		const weight = q ? Number(q.slice(2)) : 1;
		if (!Number.isFinite(weight) || weight <= 0) continue;
		if (best === null || weight > best.weight) best = { tag, weight };
	}
	if (best === null) return true;
	return isLocale(best.tag.split('-')[0] ?? '');
}
