import type { Cookies } from '@sveltejs/kit';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../db';
import { sign, verify } from '../signing';

/*
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): after a
 * successful log-in, the browser gets a signed token for that username. Ten wrong passwords lock a
 * username for 15 minutes for everyone else, but a browser holding a device token for it may still
 * log in; its own wrong passwords count against that token (10 per 15 minutes), so a stolen device
 * cookie is no way around the limit either. The cookie holds the tokens of the last few accounts
 * that logged in on the device (a shared family phone), each bound to its username by the server's
 * signing key.
 */

export const DEVICE_COOKIE = 'knm_device';
const MAX_TOKENS = 5;
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const TOKEN = /^[a-z2-7]{26}\.[A-Za-z0-9_-]{22}$/;

function tokensOf(cookie: string | undefined): string[] {
	return (cookie ?? '').split('~').filter((token) => TOKEN.test(token)).slice(0, MAX_TOKENS);
}

const message = (usernameKey: string, nonce: string) => `device:${usernameKey}:${nonce}`;

/** The nonce of this browser's device token for the username, when it has a valid one. */
export function trustedDevice(db: Db, cookie: string | undefined, usernameKey: string): string | null {
	if (!usernameKey) return null;
	for (const token of tokensOf(cookie)) {
		const [nonce, mac] = token.split('.') as [string, string];
		if (verify(db, message(usernameKey, nonce), mac)) return nonce;
	}
	return null;
}

/** After a successful log-in or sign-up: a (new) device token for this username, kept a year. */
export function rememberDevice(db: Db, cookies: Cookies, usernameKey: string, secure: boolean): void {
	const existing = tokensOf(cookies.get(DEVICE_COOKIE));
	const kept = existing.filter((token) => !verify(db, message(usernameKey, token.split('.')[0]!), token.split('.')[1]!));
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	const nonce = encodeBase32LowerCaseNoPadding(bytes);
	const token = `${nonce}.${sign(db, message(usernameKey, nonce))}`;
	cookies.set(DEVICE_COOKIE, [token, ...kept].slice(0, MAX_TOKENS).join('~'), {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		maxAge: ONE_YEAR_S
	});
}
