import { describe, expect, it } from 'vitest';
import { checkPassword, checkUsername, normalizeUsername, parsePasswordList, suggestUsername } from './credentials';

const COMMON = parsePasswordList('# comment\n123456\npassword\nPassword1\n\niloveyou\n');

describe('usernames', () => {
	it('accepts 3 to 32 letters, digits, dots, underscores and hyphens', () => {
		expect(checkUsername('ali')).toBeNull();
		expect(checkUsername('fatima.el-amrani_2')).toBeNull();
		expect(checkUsername('a'.repeat(32))).toBeNull();
		expect(checkUsername('Олена')).toBeNull();
		expect(checkUsername('مريم')).toBeNull();
	});

	it('refuses too short and too long names', () => {
		expect(checkUsername('al')).toBe('username_length');
		expect(checkUsername('a'.repeat(33))).toBe('username_length');
		expect(checkUsername('')).toBe('username_length');
	});

	it('refuses spaces and other characters', () => {
		expect(checkUsername('ali baba')).toBe('username_characters');
		expect(checkUsername('ali@home')).toBe('username_characters');
		expect(checkUsername('<script>')).toBe('username_characters');
	});

	it('makes names unique regardless of case', () => {
		expect(normalizeUsername('Ali.B')).toBe(normalizeUsername('ali.b'));
	});
});

describe('passwords', () => {
	it('needs at least 8 characters, counted as code points', () => {
		expect(checkPassword('short12', COMMON)).toBe('password_too_short');
		expect(checkPassword('ëëëëëëëë', COMMON)).toBeNull();
		expect(checkPassword('🙂🙂🙂🙂🙂🙂🙂', COMMON)).toBe('password_too_short');
	});

	it('allows at most 256 characters', () => {
		expect(checkPassword('x'.repeat(256), COMMON)).toBeNull();
		expect(checkPassword('x'.repeat(257), COMMON)).toBe('password_too_long');
	});

	it('refuses common passwords whatever their case', () => {
		expect(checkPassword('password', COMMON)).toBe('password_too_common');
		expect(checkPassword('ILOVEYOU', COMMON)).toBe('password_too_common');
		expect(checkPassword('password1', COMMON)).toBe('password_too_common');
		expect(checkPassword('PASSWORD1', COMMON)).toBe('password_too_common');
	});

	it('accepts a long uncommon passphrase in any script', () => {
		expect(checkPassword('fiets regen koffie', COMMON)).toBeNull();
		expect(checkPassword('سلام دنیا عزیز', COMMON)).toBeNull();
	});
});

describe('suggestUsername', () => {
	it('turns a full name into a valid username', () => {
		expect(suggestUsername('Fatima Yusuf')).toBe('Fatima.Yusuf');
		expect(suggestUsername('  Ahmad   Al-Hassan ')).toBe('Ahmad.Al-Hassan');
		expect(suggestUsername('Олена Коваль')).toBe('Олена.Коваль');
		expect(suggestUsername('mo@home!')).toBe('mohome');
	});

	it('gives nothing when the typed name is already valid or nothing usable is left', () => {
		expect(suggestUsername('fatima')).toBeNull();
		expect(suggestUsername('!!')).toBeNull();
		expect(suggestUsername('a b')).toBe('a.b');
		expect(suggestUsername('x'.repeat(40) + ' y')).toHaveLength(32);
	});
});
