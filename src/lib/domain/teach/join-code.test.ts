import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random';
import { findFreeJoinCode, formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from './join-code';

describe('join codes', () => {
	it('has no look-alikes and no vowels in its alphabet', () => {
		for (const char of '0O1IL' + 'AEU') expect(JOIN_CODE_ALPHABET).not.toContain(char);
		expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
	});

	it('makes 8 characters from the alphabet, reproducibly from the random source', () => {
		const random = seededRandom(7);
		const randomInt = (n: number) => Math.floor(random() * n);
		const codes = Array.from({ length: 500 }, () => generateJoinCode(randomInt));
		for (const code of codes) expect(code).toMatch(/^[23456789BCDFGHJKMNPQRSTVWXYZ]{8}$/);
		// every character of the alphabet turns up
		expect(new Set(codes.join('')).size).toBe(JOIN_CODE_ALPHABET.length);
		const again = seededRandom(7);
		expect(generateJoinCode((n) => Math.floor(again() * n))).toBe(codes[0]);
	});

	it('reads a typed code: case, spaces and a dash do not matter; anything else is not a code', () => {
		expect(normalizeJoinCode('bcdf-ghjk')).toBe('BCDFGHJK');
		expect(normalizeJoinCode(' BCDF GHJK ')).toBe('BCDFGHJK');
		expect(normalizeJoinCode('BCDFGHJ')).toBeNull();
		expect(normalizeJoinCode('BCDFGHJKM')).toBeNull();
		expect(normalizeJoinCode('BCDFGHJO')).toBeNull(); // O is never in a code
		expect(normalizeJoinCode('BCDF<HJK')).toBeNull();
		expect(normalizeJoinCode('B'.repeat(100))).toBeNull();
		expect(formatJoinCode('BCDFGHJK')).toBe('BCDF-GHJK');
	});

	it('retries a code that is taken, and gives up on a broken random source', () => {
		const queue = ['TAKEN222', 'FREE2222'];
		expect(findFreeJoinCode(() => queue.shift()!, (code) => code !== 'TAKEN222')).toBe('FREE2222');
		expect(() => findFreeJoinCode(() => 'SAME2222', () => false, 5)).toThrow(/random source/);
	});
});
