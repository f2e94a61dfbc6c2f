import { describe, expect, it } from 'vitest';
import { splitTakeaway } from './takeaway';

describe('splitTakeaway', () => {
	it('takes the first sentence as the takeaway and keeps the rest', () => {
		expect(splitTakeaway('De gemeente schrijft u in. Andere organisaties gebruiken die gegevens.')).toEqual({
			takeaway: 'De gemeente schrijft u in.',
			rest: 'Andere organisaties gebruiken die gegevens.'
		});
	});

	it('keeps a one-sentence explanation whole, with nothing after it', () => {
		expect(splitTakeaway('  De huurcommissie beslist.  ')).toEqual({ takeaway: 'De huurcommissie beslist.', rest: '' });
	});

	it('does not cut at abbreviations, web addresses or lower-case words', () => {
		const text = 'U vindt vacatures o.a. op werk.nl van het UWV. Daar kunt u ook solliciteren.';
		expect(splitTakeaway(text).takeaway).toBe('U vindt vacatures o.a. op werk.nl van het UWV.');
	});

	it('cuts before a number or a quoted sentence', () => {
		expect(splitTakeaway('Dat mag sinds 2025. 18 jaar is de grens.').takeaway).toBe('Dat mag sinds 2025.');
		expect(splitTakeaway('Zo werkt het! "Zeg nee" mag altijd.').rest).toBe('"Zeg nee" mag altijd.');
	});
});
