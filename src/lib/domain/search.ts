/** At most this many words of a search are used; more adds nothing for a hub this size. */
const MAX_TERMS = 8;

/**
 * Turns what a user typed into a safe SQLite FTS5 query: every word (letters and digits, any
 * script) becomes a quoted prefix term, and all terms must match. Quotes, operators and column
 * filters in the input are dropped, so no input can make the MATCH expression invalid.
 * Returns null when the input holds no word.
 */
export function buildSearchQuery(input: string, locale?: string): string | null {
	// lower case by the searcher's language: in Turkish "I" is "ı" and "İ" is "i" (the index's own
	// folding knows only the usual I/i)
	const words = input.normalize('NFKC').toLocaleLowerCase(locale === 'tr' ? 'tr' : 'und').match(/[\p{L}\p{N}]+/gu) ?? [];
	const terms = [...new Set(words)].slice(0, MAX_TERMS);
	if (terms.length === 0) return null;
	return terms.map((word) => `"${word}"*`).join(' ');
}
