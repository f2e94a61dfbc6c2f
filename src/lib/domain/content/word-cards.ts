import { hashText } from '../random';
import type { Question, Word } from './types';

/*
 * Word cards: a KNM word (content/words) practised like a question, with the same scheduler, review
 * log and daily new limit. The card asks what the term means and offers 3 Dutch definitions: the
 * word's own and two of other words of the same theme. The English of each option is that word's
 * translation, shown only when the learner asks for the translation.
 */

/**
 * What every word card's question id starts with: never a bank id (two letters and digits) or a
 * teacher's (own-…), so a query over review rows can leave word cards out without a join.
 */
export const WORD_CARD_PREFIX = 'word-';

/** A word card's question id. */
export const wordCardId = (wordId: string): string => `${WORD_CARD_PREFIX}${wordId}`;

/** The word id of a word card's question id, or null for any other question. */
export function wordIdOfCard(questionId: string): string | null {
	return questionId.startsWith(WORD_CARD_PREFIX) ? questionId.slice(WORD_CARD_PREFIX.length) : null;
}

/** A word as a heading or a card names it: with its article ("het huurcontract"). */
export const termWithArticle = (word: Pick<Word, 'article' | 'term'>): string => (word.article ? `${word.article} ${word.term}` : word.term);

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** True when one word's text names the other, so its definition would give the answer away or be a second right answer. */
function overlaps(word: Word, other: Word): boolean {
	const a = word.term.toLowerCase();
	const b = other.term.toLowerCase();
	return (
		a.includes(b) ||
		b.includes(a) ||
		other.definition.toLowerCase().includes(a) ||
		word.definition.toLowerCase().includes(b) ||
		other.definition === word.definition
	);
}

/**
 * Two other words of the word's theme (its file's), chosen by a stable hash of both ids: the same
 * words give the same card at every import; a word that names the other is never chosen. Words of
 * the whole list fill in when the theme has too few.
 */
function pickDistractors(word: Word, words: Word[]): Word[] {
	const ranked = (pool: Word[]) =>
		pool
			.filter((other) => other.id !== word.id && !overlaps(word, other))
			.map((other) => ({ other, rank: hashText(`${word.id}|${other.id}`) }))
			.sort((a, b) => a.rank - b.rank || a.other.id.localeCompare(b.other.id))
			.map((entry) => entry.other);
	const picked = ranked(words.filter((other) => other.themes[0] === word.themes[0])).slice(0, 2);
	if (picked.length < 2) {
		for (const other of ranked(words)) {
			if (picked.length >= 2) break;
			if (!picked.includes(other)) picked.push(other);
		}
	}
	return picked;
}

/**
 * The word cards of a word list, as questions of the word's theme. The explanation's first
 * sentence is the term and its meaning (feedback's "Remember:"), the second the example; in
 * English, the translation. A word list of fewer than 3 words gives no cards.
 */
export function buildWordCards(words: Word[]): Question[] {
	if (words.length < 3) return [];
	return words.map((word, position) => {
		const distractors = pickDistractors(word, words);
		const correctIndex = hashText(word.id) % 3;
		const options = distractors.map((other) => ({ nl: other.definition, en: other.translation }));
		options.splice(correctIndex, 0, { nl: word.definition, en: word.translation });
		const term = termWithArticle(word);
		return {
			id: wordCardId(word.id),
			file: word.file,
			theme: word.themes[0] ?? '',
			eindterm: '',
			question: { nl: `Wat betekent "${term}"?`, en: `What does "${term}" mean?` },
			options,
			correctIndex,
			explanation: {
				nl: `${capitalize(term)}: ${word.definition} Voorbeeld: ${word.example}`,
				en: `${term}: ${word.translation}.`
			},
			sources: [],
			guides: word.guide ? [word.guide] : [],
			variants: [],
			sourceUrl: '',
			checked: null,
			volatile: false,
			image: null,
			position
		};
	});
}
