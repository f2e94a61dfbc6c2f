import { describe, expect, it } from 'vitest';
import { buildContentFiles, WORDS_WONEN } from './test-fixtures';
import { validateContent } from './validate';
import { buildWordCards, wordCardId, wordIdOfCard } from './word-cards';
import type { Word } from './types';

function readWords(): Word[] {
	const result = validateContent(buildContentFiles({ 'content/words/wonen.yaml': WORDS_WONEN }));
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.bundle.words;
}

describe('word cards', () => {
	it('ask what the term means, with its own definition as the one right option among 3', () => {
		const words = readWords();
		const cards = buildWordCards(words);
		expect(cards.map((card) => card.id)).toEqual(['word-huurcontract', 'word-huurtoeslag', 'word-verhuurder', 'word-servicekosten']);
		const card = cards[0]!;
		expect(card.question).toEqual({ nl: 'Wat betekent "het huurcontract"?', en: 'What does "het huurcontract" mean?' });
		expect(card.options).toHaveLength(3);
		expect(card.options[card.correctIndex]).toEqual({ nl: 'Een papier met de afspraken tussen huurder en verhuurder.', en: 'rental contract' });
		expect(new Set(card.options.map((option) => option.nl)).size).toBe(3);
		expect(card.theme).toBe('wonen');
		expect(card.guides).toEqual(['knm-wonen']);
		expect(card.explanation.nl).toBe('Het huurcontract: Een papier met de afspraken tussen huurder en verhuurder. Voorbeeld: Lees het huurcontract goed voordat u tekent.');
	});

	it('never offer the meaning of a word that the right definition names', () => {
		// "huurcontract" is defined with "verhuurder": that word's meaning is not a wrong option
		const card = buildWordCards(readWords())[0]!;
		expect(card.options.map((option) => option.en)).not.toContain('landlord');
	});

	it('are the same at every import, and need at least 3 words', () => {
		const words = readWords();
		expect(buildWordCards(words)).toEqual(buildWordCards(words));
		expect(buildWordCards(words.slice(0, 2))).toEqual([]);
	});

	it('have ids no bank or teacher question can have, and give the word back', () => {
		expect(wordCardId('eigen-risico')).toBe('word-eigen-risico');
		expect(wordIdOfCard('word-eigen-risico')).toBe('eigen-risico');
		expect(wordIdOfCard('wo-001')).toBeNull();
	});

});
