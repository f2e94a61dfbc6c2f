import type { TermEntry } from '../../domain/content/term-links';
import type { Db } from '../db';

/*
 * The KNM words' terms, for linking them in feedback (domain/content/term-links.ts). Feedback is on
 * the answer path and words change only with a content import, so the terms are read once per
 * connection and forgotten when an import changes them.
 */

const cache = new WeakMap<object, TermEntry[]>();

export function loadWordTerms(db: Pick<Db, '$client'>): TermEntry[] {
	let terms = cache.get(db.$client);
	if (!terms) {
		// a term with another everyday meaning ("direct") is not linked
		terms = db.$client.prepare('SELECT id, term FROM word WHERE linked = 1').all() as TermEntry[];
		cache.set(db.$client, terms);
	}
	return terms;
}

/** After an import that changed the words. */
export function forgetWordTerms(db: Pick<Db, '$client'>): void {
	cache.delete(db.$client);
}
