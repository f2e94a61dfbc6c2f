/** At most this many words of a search are used; more adds nothing for a hub this size. */
const MAX_TERMS = 8;

/**
 * Turns what a user typed into a safe SQLite FTS5 query: every word (letters and digits, any
 * script) becomes a quoted prefix term, and all terms must match. Quotes, operators and column
 * filters in the input are dropped, so no input can make the MATCH expression invalid.
 * Returns null when the input holds no word.
 */
export function buildSearchQuery(input: string): string | null {
	const words = input.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
	const terms = [...new Set(words)].slice(0, MAX_TERMS);
	if (terms.length === 0) return null;
	return terms.map((word) => `"${word}"*`).join(' ');
}
