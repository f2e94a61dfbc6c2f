import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { setLocaleCookie } from '../locale';
import { setSessionCookie } from './session';
import type { SignedIn } from '../accounts';

/** Form fields as plain values; files and repeated fields are not used by our forms. */
export function formFields(form: FormData): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
	return fields;
}

/** After login or registration: the session cookie, and the user's interface language. */
export function startSignedIn(cookies: Cookies, signedIn: SignedIn): void {
	setSessionCookie(cookies, signedIn.token, signedIn.session.expiresAt, !dev);
	setLocaleCookie(cookies, signedIn.user.uiLocale);
}
