/**
 * The "Remember:" line of practice feedback: the explanation's first sentence, which the content
 * rules make the fact itself (content/README.md), and the rest of the explanation after it.
 * A sentence ends at . ! or ? followed by a space and a capital letter, a digit or a quote, so
 * "o.a. de gemeente" and "werk.nl" stay whole.
 */
export function splitTakeaway(text: string): { takeaway: string; rest: string } {
	const trimmed = text.trim();
	const end = /[.!?](?=\s+["'‘“(]?[\p{Lu}\d])/u.exec(trimmed);
	if (!end) return { takeaway: trimmed, rest: '' };
	const cut = end.index + 1;
	return { takeaway: trimmed.slice(0, cut), rest: trimmed.slice(cut).trim() };
}
