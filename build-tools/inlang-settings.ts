// Paraglide reads its languages from project.inlang/settings.json. That list is written from the
// one list the code reads (LANGUAGES in src/lib/domain/locale.ts) before every compile (vite.config.ts,
// `npm run paraglide`, `npm test`), so adding a language is one line there, not two.
import { readFileSync, writeFileSync } from 'node:fs';
import { LOCALES } from '../src/lib/domain/locale';

/** How Paraglide compiles the catalogs (the Vite plugin and `npm run paraglide` use the same). */
export const PARAGLIDE_OPTIONS = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['cookie', 'preferredLanguage', 'baseLocale']
} as const;

/** Writes LOCALES into the settings file's `locales` (other settings kept); true when it changed. */
export function syncInlangLocales(path = 'project.inlang/settings.json'): boolean {
	const settings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
	if (JSON.stringify(settings.locales) === JSON.stringify(LOCALES)) return false;
	settings.locales = [...LOCALES];
	writeFileSync(path, `${JSON.stringify(settings, null, '\t')}\n`);
	return true;
}
