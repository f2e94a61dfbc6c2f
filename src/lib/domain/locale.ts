/** The interface locales; all content is written in both. */
export type Locale = 'en' | 'nl';

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
	const primary = best.tag.split('-')[0];
	return primary === 'nl' || primary === 'en';
}
