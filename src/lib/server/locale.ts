import type { Cookies } from '@sveltejs/kit';
import type { Locale } from '../domain/locale';
import { cookieName, getLocale } from '../paraglide/runtime';

/** The locale of the current request, as resolved by the Paraglide middleware (cookie first). */
export function currentLocale(): Locale {
	return getLocale() === 'nl' ? 'nl' : 'en';
}

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Remembers the interface language in the cookie Paraglide reads. Not httpOnly on purpose: the
 * client runtime reads it too. Not secret, so not Secure either (it must work on plain http).
 */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: false, secure: false });
}
