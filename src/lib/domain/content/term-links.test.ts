import { describe, expect, it } from 'vitest';
import { linkTerms } from './term-links';

const TERMS = [
	{ id: 'risico', term: 'risico' },
	{ id: 'eigen-risico', term: 'eigen risico' },
	{ id: 'huisarts', term: 'huisarts' },
	{ id: 'gemeente', term: 'gemeente' }
];

describe('linkTerms', () => {
	it('links each term at its first place, the longest term first, and keeps the text whole', () => {
		const text = 'Het eigen risico geldt niet voor de huisarts. De huisarts is gratis.';
		const segments = linkTerms(text, TERMS);
		expect(segments).toEqual([
			{ text: 'Het ' },
			{ text: 'eigen risico', wordId: 'eigen-risico' },
			{ text: ' geldt niet voor de ' },
			{ text: 'huisarts', wordId: 'huisarts' },
			{ text: '. De huisarts is gratis.' }
		]);
		expect(segments.map((segment) => segment.text).join('')).toBe(text);
	});

	it('matches whole words in any case, not inside another word', () => {
		expect(linkTerms('Huisartsenpost en Gemeentehuis.', TERMS)).toEqual([{ text: 'Huisartsenpost en Gemeentehuis.' }]);
		expect(linkTerms('De Gemeente beslist.', TERMS)).toEqual([{ text: 'De ' }, { text: 'Gemeente', wordId: 'gemeente' }, { text: ' beslist.' }]);
	});

	it('marks at most the given number of terms, and gives a text without terms back as one piece', () => {
		const linked = linkTerms('De gemeente, de huisarts en het risico.', TERMS, 2).filter((segment) => segment.wordId);
		expect(linked).toHaveLength(2);
		expect(linkTerms('', TERMS)).toEqual([{ text: '' }]);
	});
});
