import { describe, expect, it } from 'vitest';
import { pickTitle, prefersSupportedLanguage } from './locale';

describe('prefersSupportedLanguage', () => {
	it('is true for Dutch or English first, and when the browser says nothing', () => {
		expect(prefersSupportedLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe(true);
		expect(prefersSupportedLanguage('en-GB')).toBe(true);
		expect(prefersSupportedLanguage(null)).toBe(true);
		expect(prefersSupportedLanguage('*')).toBe(true);
	});

	it('is false when another language comes first, even with English further down', () => {
		expect(prefersSupportedLanguage('ti-ER,ti;q=0.9,en;q=0.5')).toBe(false);
		expect(prefersSupportedLanguage('so')).toBe(false);
		// weights decide, not the order written
		expect(prefersSupportedLanguage('en;q=0.3, ti;q=0.9')).toBe(false);
		expect(prefersSupportedLanguage('ti;q=0, nl')).toBe(true);
	});

	it('is true for the learner languages: Arabic, Turkish, Persian and Ukrainian', () => {
		for (const header of ['ar-SY,ar;q=0.9,en;q=0.5', 'tr-TR', 'fa-AF,fa;q=0.9', 'uk-UA,uk;q=0.9,ru;q=0.8']) expect(prefersSupportedLanguage(header), header).toBe(true);
	});
});

describe('pickTitle', () => {
	it("gives the locale's title, else the one that was written", () => {
		expect(pickTitle('nl', { titleNl: 'Huren', titleEn: 'Renting' })).toBe('Huren');
		expect(pickTitle('en', { titleNl: 'Huren', titleEn: 'Renting' })).toBe('Renting');
		expect(pickTitle('en', { titleNl: 'Huren', titleEn: '' })).toBe('Huren');
		expect(pickTitle('nl', { titleNl: '', titleEn: 'Renting' })).toBe('Renting');
	});
});
