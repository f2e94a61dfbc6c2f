/*
 * KNM words in a text (issue: content, second pass): a term that the word list explains links to
 * its word at its first place in the text, not at every one. Pure: the caller gives the terms.
 */

export interface TermEntry {
	/** the word's id (content/words) */
	id: string;
	term: string;
}

/** A piece of text; `wordId` when it is a term that links to its word. */
export interface TextSegment {
	text: string;
	wordId?: string;
}

const patterns = new Map<string, RegExp>();

/** The term as a whole word (not inside a longer word), in any case. */
function patternOf(term: string): RegExp {
	let pattern = patterns.get(term);
	if (!pattern) {
		const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
		pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
		patterns.set(term, pattern);
	}
	return pattern;
}

interface PreparedTerm extends TermEntry {
	/** the term in lower case with single spaces: what a plain substring test looks for */
	needle: string;
}

/** The terms longest first with their needles, made once per list (the word list is cached). */
const prepared = new WeakMap<readonly TermEntry[], PreparedTerm[]>();

function prepare(terms: readonly TermEntry[]): PreparedTerm[] {
	let list = prepared.get(terms);
	if (!list) {
		list = terms.map((entry) => ({ ...entry, needle: entry.term.toLowerCase().replace(/\s+/g, ' ') })).sort((a, b) => b.term.length - a.term.length);
		prepared.set(terms, list);
	}
	return list;
}

/**
 * The text cut into pieces, each term of `terms` that occurs marked at its first place. Longer
 * terms go first ("eigen risico" before "risico"), and a term inside one already marked is not
 * marked again. At most `max` terms are marked, so a text does not turn into a list of links;
 * terms whose id is in `skip` are left out (already linked elsewhere).
 */
export function linkTerms(text: string, terms: readonly TermEntry[], max = 3, skip: ReadonlySet<string> = new Set()): TextSegment[] {
	const found: { start: number; end: number; id: string }[] = [];
	// a plain substring test first: most terms are not in a given text, and it is far cheaper
	const haystack = text.toLowerCase().replace(/\s+/g, ' ');
	for (const entry of prepare(terms)) {
		if (found.length === max) break;
		if (skip.has(entry.id) || !haystack.includes(entry.needle)) continue;
		const match = patternOf(entry.term).exec(text);
		if (!match) continue;
		const start = match.index;
		const end = start + match[0].length;
		if (found.some((other) => start < other.end && end > other.start)) continue;
		found.push({ start, end, id: entry.id });
	}
	found.sort((a, b) => a.start - b.start);
	const segments: TextSegment[] = [];
	let at = 0;
	for (const link of found) {
		if (link.start > at) segments.push({ text: text.slice(at, link.start) });
		segments.push({ text: text.slice(link.start, link.end), wordId: link.id });
		at = link.end;
	}
	if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at) });
	return segments;
}
