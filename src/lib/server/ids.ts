import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/**
 * Ids for rows (users, mock-exam attempts): 20 random bytes from Web Crypto as 32 lower-case
 * base32 characters, unguessable, so an id in a URL reveals nothing and cannot be enumerated.
 * Session tokens have their own generator (auth/session.ts): a token is a secret, an id is not.
 */
export function generateId(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The shape of generateId's output, for checking ids that arrive in URLs before any query. */
export const ID_PATTERN = /^[a-z2-7]{32}$/;
