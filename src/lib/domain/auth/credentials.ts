/**
 * Rules for usernames and passwords (issue: accounts). Pure: the list of common passwords is
 * passed in, so tests and the server use the same function.
 */

import { isSingleScript } from './confusables';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export type UsernameProblem = 'username_length' | 'username_characters' | 'username_mixed_script';
export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

/** Letters and digits of any script, plus `.`, `_` and `-`. */
const USERNAME_PATTERN = /^[\p{L}\p{N}._-]+$/u;

/** The key that makes usernames unique regardless of case (and of Unicode normal form). */
export function normalizeUsername(username: string): string {
	return username.normalize('NFKC').toLowerCase();
}

export function checkUsername(username: string): UsernameProblem | null {
	const length = [...username.normalize('NFKC')].length;
	if (length < USERNAME_MIN || length > USERNAME_MAX) return 'username_length';
	if (!USERNAME_PATTERN.test(username.normalize('NFKC'))) return 'username_characters';
	// letters of one script only, so a name cannot hide a Cyrillic "а" among Latin letters
	if (!isSingleScript(username)) return 'username_mixed_script';
	return null;
}

/**
 * A valid username made from what someone typed, often their name ("Fatima Yusuf" becomes
 * "Fatima.Yusuf"): spaces become dots, other signs are left out. Null when nothing usable is left.
 */
export function suggestUsername(typed: string): string | null {
	const suggestion = [...typed
		.normalize('NFKC')
		.trim()
		.replace(/\s+/gu, '.')
		.replace(/[^\p{L}\p{N}._-]/gu, '')
		.replace(/([._-])[._-]+/g, '$1')
		.replace(/^[._-]+|[._-]+$/g, '')]
		.slice(0, USERNAME_MAX)
		.join('')
		.replace(/[._-]+$/g, '');
	return suggestion !== typed && checkUsername(suggestion) === null ? suggestion : null;
}

/**
 * Length is counted in Unicode code points, so any script counts fairly. The common-password list
 * is compared case-insensitively ("Password1" is as weak as "password1").
 */
export function checkPassword(
	password: string,
	commonPasswords: ReadonlySet<string>
): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return 'password_too_short';
	if (length > PASSWORD_MAX) return 'password_too_long';
	if (commonPasswords.has(password.toLowerCase())) return 'password_too_common';
	return null;
}

/** Parses the shipped list: one password per line, `#` lines are comments. */
export function parsePasswordList(text: string): Set<string> {
	return new Set(
		text
			.split('\n')
			.map((line) => line.trim().toLowerCase())
			.filter((line) => line !== '' && !line.startsWith('#'))
	);
}
