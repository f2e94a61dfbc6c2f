import { EXAM_LOCALE, LOCALES } from './locale';
import type { Locale } from './locale';

/**
 * The translation aid: a translation shown under the Dutch exam text. Three languages are kept
 * apart: the exam's (always Dutch), the interface's (the language switch) and the aid's (a
 * setting, which starts as the interface language).
 */

/** Every interface language but the exam's can be an aid language. */
export type AidLocale = Exclude<Locale, typeof EXAM_LOCALE>;
export const AID_LOCALES = LOCALES.filter((locale): locale is AidLocale => locale !== EXAM_LOCALE);

/** The aid setting: a language, or no translation at all. */
export type AidChoice = AidLocale | 'none';
export const AID_CHOICES: [AidChoice, ...AidChoice[]] = ['none', ...AID_LOCALES];

/** English is written next to the Dutch in every content file: the last language of every chain. */
export const FALLBACK_LOCALE = 'en' satisfies AidLocale;

export function isAidLocale(value: string): value is AidLocale {
	return (AID_LOCALES as readonly string[]).includes(value);
}

/** The languages to try, in order: the one asked for, then English. */
export function fallbackChain(locale: AidLocale): AidLocale[] {
	return locale === FALLBACK_LOCALE ? [FALLBACK_LOCALE] : [locale, FALLBACK_LOCALE];
}

/** A text in the first language of the chain that has one; `fallback` when it is not the one asked for. */
export interface Picked<T> {
	value: T;
	locale: AidLocale;
	fallback: boolean;
}

/**
 * Picks the translation to show: the asked language's when it has a current (not stale) one, else
 * the next in the chain. `find` returns undefined for a language without a current translation.
 */
export function pickTranslation<T>(locale: AidLocale, find: (locale: AidLocale) => T | undefined): Picked<T> | null {
	for (const candidate of fallbackChain(locale)) {
		const value = find(candidate);
		if (value !== undefined) return { value, locale: candidate, fallback: candidate !== locale };
	}
	return null;
}

/**
 * Hub texts in the interface language: Dutch and English from the file itself, another language
 * from its translation, else English (with `fallback`, so the page can say so).
 */
export function pickInterfaceText<T>(
	uiLocale: Locale,
	text: { en: T; nl: T },
	find: (locale: AidLocale) => T | undefined
): { value: T; locale: Locale; fallback: boolean } {
	if (!isAidLocale(uiLocale)) return { value: text.nl, locale: uiLocale, fallback: false };
	// English is in every file, so the chain always ends in a text
	return pickTranslation(uiLocale, (locale) => (locale === FALLBACK_LOCALE ? text.en : find(locale))) ?? { value: text.en, locale: FALLBACK_LOCALE, fallback: true };
}

/** A new account's aid language: the interface language, or English when the interface is Dutch. */
export function defaultAidLocale(uiLocale: Locale): AidLocale {
	return isAidLocale(uiLocale) ? uiLocale : FALLBACK_LOCALE;
}

/**
 * The language a page translates into where a translation always shows (the word list): the
 * learner's aid language, else (signed out, or the aid turned off) the interface's default.
 */
export function aidLocaleFor(choice: AidChoice | null, uiLocale: Locale): AidLocale {
	return choice !== null && choice !== 'none' ? choice : defaultAidLocale(uiLocale);
}

/** Fading: after this many right answers to a question its translation starts folded. */
export const FADE_AFTER_CORRECT = 2;

/**
 * Whether the translation starts open. At first sight it is open; once the learner has answered
 * the question right FADE_AFTER_CORRECT times it starts folded (one tap opens it). With fading
 * off it always starts open.
 */
export function startsOpen(fading: boolean, correctAnswers: number): boolean {
	return !fading || correctAnswers < FADE_AFTER_CORRECT;
}
