import type { Cookies } from '@sveltejs/kit';
import { isLocale } from '../domain/locale';
import type { Locale } from '../domain/locale';
import { cookieName, getLocale } from '../paraglide/runtime';

/** The locale of the current request, as resolved by the Paraglide middleware (cookie first). */
export function currentLocale(): Locale {
	const locale = getLocale();
	return isLocale(locale) ? locale : 'en';
}

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Remembers the interface language in the cookie Paraglide reads. Not httpOnly on purpose: the
 * client runtime reads it too. Not secret, so not Secure either (it must work on plain http).
 */
export function setLocaleCookie(cookies: Cookies, locale: Locale): void {
	cookies.set(cookieName, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: false, secure: false });
}

/*
 * Paraglide's client writes its cookie by itself (whatever language it resolved), so that cookie
 * cannot tell a choice from a default. A language chosen with the switch while signed out is kept
 * in this cookie until the next sign-in, which saves it to the account.
 */
const LANGUAGE_CHOICE_COOKIE = 'knm_language_choice';

export function rememberLanguageChoice(cookies: Cookies, locale: Locale): void {
	cookies.set(LANGUAGE_CHOICE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true, secure: false });
}

/** The language chosen on this device since the last sign-in, if any; forgets it. */
export function takeLanguageChoice(cookies: Cookies): Locale | null {
	const chosen = cookies.get(LANGUAGE_CHOICE_COOKIE);
	if (chosen === undefined) return null;
	cookies.delete(LANGUAGE_CHOICE_COOKIE, { path: '/' });
	return isLocale(chosen) ? chosen : null;
}
