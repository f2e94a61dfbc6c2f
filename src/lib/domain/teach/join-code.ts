/**
 * Join codes for classes: 8 characters a teacher can read aloud or show on a board. The alphabet
 * leaves out look-alikes (0/O, 1/I/L) and the vowels (A, E, U), so no code spells a word: 28
 * characters, 28^8 ≈ 3.8 × 10^11 codes. Pure: the caller passes the randomness.
 */
export const JOIN_CODE_ALPHABET = '23456789BCDFGHJKMNPQRSTVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** A new code from `randomInt(n)`, which returns an integer in [0, n). */
export function generateJoinCode(randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	return code;
}

/**
 * A code as typed or read: upper-cased, spaces and dashes dropped, and the look-alikes a person
 * may type are not guessed at (O, 0, I, 1, L are simply not code characters). Null
 * when it cannot be a code: then no database lookup is needed.
 */
export function normalizeJoinCode(input: string): string | null {
	if (input.length > 40) return null;
	const code = input.toUpperCase().replace(/[\s-]/g, '');
	if (code.length !== JOIN_CODE_LENGTH) return null;
	for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
	return code;
}

/** "BCDF-GHJK": easier to read from the back of a classroom. */
export function formatJoinCode(code: string): string {
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Tries `generate` until `isFree` accepts a code (a unique index backs this up); gives up after
 * `attempts`, which with 3.8 × 10^11 codes only a broken random source reaches.
 */
export function findFreeJoinCode(generate: () => string, isFree: (code: string) => boolean, attempts = 10): string {
	for (let i = 0; i < attempts; i++) {
		const code = generate();
		if (isFree(code)) return code;
	}
	throw new Error('No free join code found: is the random source broken?');
}
