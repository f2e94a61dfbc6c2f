import { describe, expect, it } from 'vitest';
import { AID_CHOICES, AID_LOCALES, aidLocaleFor, defaultAidLocale, fallbackChain, pickInterfaceText, pickTranslation, startsOpen } from './aid';
import { EXAM_LOCALE, LOCALES } from './locale';

describe('the translation aid languages', () => {
	it('are every interface language but the exam language, from the one list', () => {
		expect(AID_LOCALES).toEqual(LOCALES.filter((locale) => locale !== EXAM_LOCALE));
		expect(AID_LOCALES).toEqual(['en', 'ar', 'tr', 'fa', 'uk']);
		expect(AID_CHOICES).toEqual(['none', ...AID_LOCALES]);
	});

	it('start as the interface language, or English when the interface is Dutch', () => {
		expect(defaultAidLocale('ar')).toBe('ar');
		expect(defaultAidLocale('uk')).toBe('uk');
		expect(defaultAidLocale('nl')).toBe('en');
		expect(defaultAidLocale('en')).toBe('en');
	});

	it('where a translation always shows, are the learner’s choice, else the interface’s default', () => {
		expect(aidLocaleFor('fa', 'nl')).toBe('fa');
		expect(aidLocaleFor('none', 'uk')).toBe('uk');
		expect(aidLocaleFor(null, 'nl')).toBe('en');
	});
});

describe('the fallback order', () => {
	it('is the asked language, then English', () => {
		expect(fallbackChain('fa')).toEqual(['fa', 'en']);
		expect(fallbackChain('en')).toEqual(['en']);
	});

	it('shows the asked translation when it is current, else English, flagged as a fallback', () => {
		const texts: Record<string, string | undefined> = { en: 'Where do you report a move?', tr: 'Taşındığınızı nereye bildirirsiniz?' };
		expect(pickTranslation('tr', (locale) => texts[locale])).toEqual({ value: texts.tr, locale: 'tr', fallback: false });
		// Arabic has no current translation (missing or stale): English, and the page says so
		expect(pickTranslation('ar', (locale) => texts[locale])).toEqual({ value: texts.en, locale: 'en', fallback: true });
		expect(pickTranslation('ar', () => undefined)).toBeNull();
	});

	it('gives hub texts in Dutch or English from the file, another language from its translation, else English', () => {
		const text = { en: 'Booking an exam', nl: 'Een examen boeken' };
		const find = (locale: string) => (locale === 'uk' ? 'Запис на іспит' : undefined);
		expect(pickInterfaceText('nl', text, find)).toEqual({ value: 'Een examen boeken', locale: 'nl', fallback: false });
		expect(pickInterfaceText('en', text, find)).toEqual({ value: 'Booking an exam', locale: 'en', fallback: false });
		expect(pickInterfaceText('uk', text, find)).toEqual({ value: 'Запис на іспит', locale: 'uk', fallback: false });
		expect(pickInterfaceText('ar', text, find)).toEqual({ value: 'Booking an exam', locale: 'en', fallback: true });
	});
});

describe('fading', () => {
	it('opens the translation at first sight and after one right answer, folds it after two; off keeps it open', () => {
		expect([0, 1, 2, 5].map((right) => startsOpen(true, right))).toEqual([true, true, false, false]);
		expect([0, 2, 5].map((right) => startsOpen(false, right))).toEqual([true, true, true]);
	});
});
