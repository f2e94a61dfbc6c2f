/** The interface locales; all content is written in both. */
export type Locale = 'en' | 'nl';

/** The Dutch or English variant of a localised value. */
export function pickLocale<T>(locale: Locale, en: T, nl: T): T {
	return locale === 'nl' ? nl : en;
}
