import { describe, expect, it } from 'vitest';
import { checkUsername, normalizeUsername } from './credentials';
import { isSingleScript, usernameSkeleton } from './confusables';

const skeleton = (name: string) => usernameSkeleton(normalizeUsername(name));

describe('look-alike usernames (Unicode TR39)', () => {
	it('refuses a name that mixes scripts, and accepts names in one script of any alphabet', () => {
		// "pаypal" with a Cyrillic а (U+0430)
		expect(checkUsername('p\u0430ypal')).toBe('username_mixed_script');
		expect(checkUsername('Ivan.\u0418\u0432\u0430\u043d')).toBe('username_mixed_script');
		for (const name of ['paypal', 'Müller-2', '\u0418\u0432\u0430\u043d_77', '\u0641\u0627\u0637\u0645\u0629.1990', '\u0391\u03b8\u03b7\u03bd\u03ac', '\u5c71\u7530\u3055\u304f\u3089', '\uae40\u6c11\uc900']) {
			expect(checkUsername(name), name).toBeNull();
		}
		expect(isSingleScript('2024_-.')).toBe(true);
	});

	it('gives look-alikes one skeleton: whole-script Cyrillic, digits for letters, case', () => {
		// "аре" in Cyrillic letters against Latin "ape"
		expect(skeleton('\u0430\u0440\u0435')).toBe(skeleton('ape'));
		expect(skeleton('paypa1')).toBe(skeleton('PayPal'));
		expect(skeleton('g00d')).toBe(skeleton('good'));
		// Cyrillic "сосо" against Latin "coco"
		expect(skeleton('\u0441\u043e\u0441\u043e')).toBe(skeleton('coco'));
	});

	it('keeps names that only look alike to a careless eye apart: diacritics are letters of their own', () => {
		expect(skeleton('müller')).not.toBe(skeleton('muller'));
		expect(skeleton('fatima')).not.toBe(skeleton('fatma'));
		expect(skeleton('\u0438\u0432\u0430\u043d')).not.toBe(skeleton('ivan'));
	});
});
