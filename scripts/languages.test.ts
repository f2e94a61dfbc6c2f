import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncInlangLocales } from '../build-tools/inlang-settings';
import { directionOf, EXAM_LOCALE, isLocale, LANGUAGES, listLanguagesExamFirst, LOCALES, prefersSupportedLanguage } from '../src/lib/domain/locale';

/* The interface languages come from one list (domain/locale.ts); Paraglide's project and the catalogs follow it. */

describe('the interface languages', () => {
	const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { baseLocale: string; locales: string[] };

	it('are the same list in the code, in the Paraglide project and in the message catalogs', () => {
		expect(settings.locales).toEqual(LOCALES);
		expect(isLocale(settings.baseLocale)).toBe(true);
		for (const code of LOCALES) expect(existsSync(`messages/${code}.json`), code).toBe(true);
		// every catalog has every message of the base catalog: none shows a blank string
		const keys = (code: string) => Object.keys(JSON.parse(readFileSync(`messages/${code}.json`, 'utf8')) as object).filter((key) => key !== '$schema').sort();
		for (const code of LOCALES) expect(keys(code), code).toEqual(keys(settings.baseLocale));
	});

	it('are written into the Paraglide project from the list, so a new language is one line of configuration', () => {
		const dir = mkdtempSync(join(tmpdir(), 'knm-inlang-'));
		try {
			const path = join(dir, 'settings.json');
			// a project that still lists the languages of before (a line was added to LANGUAGES since)
			writeFileSync(path, JSON.stringify({ baseLocale: 'en', locales: ['en', 'nl'], modules: ['./plugin.js'] }));
			expect(syncInlangLocales(path)).toBe(true);
			const written = JSON.parse(readFileSync(path, 'utf8')) as { baseLocale: string; locales: string[]; modules: string[] };
			expect(written.locales).toEqual(LOCALES);
			// the other settings stay as they were
			expect(written.baseLocale).toBe('en');
			expect(written.modules).toEqual(['./plugin.js']);
			// an up-to-date project is not written again (no rebuild for nothing)
			const before = readFileSync(path, 'utf8');
			expect(syncInlangLocales(path)).toBe(false);
			expect(readFileSync(path, 'utf8')).toBe(before);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('each have a name in the language itself and a writing direction', () => {
		for (const language of LANGUAGES) {
			expect(language.name.length, language.code).toBeGreaterThan(1);
			expect(directionOf(language.code)).toBe(language.dir);
		}
		expect(directionOf('xx')).toBe('ltr');
		expect(isLocale(EXAM_LOCALE)).toBe(true);
		expect(isLocale('de')).toBe(false);
		// a first visit is asked in the exam's language first, then the others in the list's order
		expect(listLanguagesExamFirst().map((language) => language.code)).toEqual(['nl', 'en', 'ar', 'tr', 'fa', 'uk']);
	});

	it('decide whether a browser prefers one of them', () => {
		expect(prefersSupportedLanguage('nl-NL,nl;q=0.9')).toBe(true);
		expect(prefersSupportedLanguage('ti-ER,ti;q=0.9,en;q=0.5')).toBe(false);
		expect(prefersSupportedLanguage(null)).toBe(true);
	});

	it('are never asked for by browser code in another language than the page’s (each page’s build holds only its own)', () => {
		// build-tools/locale-bundles.ts: a component calling m.x({}, { locale: 'nl' }) would get the page's language
		const components = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.svelte'));
		expect(components.length).toBeGreaterThan(20);
		const offenders = components.filter((path) => /\bm\.\w+\([^()]*,\s*\{\s*locale\s*:/.test(readFileSync(join('src', path), 'utf8')));
		expect(offenders).toEqual([]);
	});
});
