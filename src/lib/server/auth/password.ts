import { hash, verify } from '@node-rs/argon2';
import { checkPassword, parsePasswordList } from '../../domain/auth/credentials';
import type { PasswordProblem } from '../../domain/auth/credentials';
import commonPasswordsText from './common-passwords.txt?raw';

/** argon2id with the OWASP minimum: 19 MiB memory, 2 iterations, parallelism 1. */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

const COMMON_PASSWORDS = parsePasswordList(commonPasswordsText);

export function checkNewPassword(password: string): PasswordProblem | null {
	return checkPassword(password, COMMON_PASSWORDS);
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;

/**
 * Verifies against a throw-away hash so that "no such user" takes as long as "wrong password":
 * the login form must not reveal which usernames exist.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
	dummyHash ??= hashPassword('knm-hub-timing-equaliser');
	await verifyPasswordHash(await dummyHash, password);
}
