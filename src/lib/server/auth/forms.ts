import { error } from '@sveltejs/kit';
import type { Cookies } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { saveInterfaceLanguage } from '../accounts';
import type { SignedIn } from '../accounts';
import type { Db } from '../db';
import { setLocaleCookie, takeLanguageChoice } from '../locale';
import { normalizeUsername } from '../../domain/auth/credentials';
import { rememberDevice } from './device';
import { invalidateSession, setSessionCookie } from './session';
import type { Session } from './session';
import { m } from '../../paraglide/messages';

/**
 * The fields of a posted form. A body that is not a readable form (a broken multipart body, a
 * cut-off upload) is the sender's fault: 400, never a 500. SvelteKit already refuses other content
 * types with 415 before an action runs.
 */
export async function readForm(request: Request): Promise<Record<string, unknown>> {
	return formFields(await readFormData(request));
}

async function readFormData(request: Request): Promise<FormData> {
	const form = await request.formData().catch(() => null);
	if (form === null) error(400, m.form_unreadable());
	return form;
}

/**
 * As readForm, plus the values of one repeated field (checkboxes with one name), at most `max`
 * of them: more is refused before any other work.
 */
export async function readFormWithList(request: Request, listField: string, max: number): Promise<{ fields: Record<string, unknown>; list: string[] }> {
	const form = await readFormData(request);
	const list = form.getAll(listField).filter((value): value is string => typeof value === 'string');
	if (list.length > max) error(400, m.form_unreadable());
	return { fields: formFields(form), list };
}

/**
 * A multipart form with one file field: the file (null when none was chosen) and the other
 * fields. The caller checks the body's size (Content-Length) before, so a huge one is not read.
 */
export async function readUpload(request: Request, fileField: string): Promise<{ fields: Record<string, unknown>; file: File | null }> {
	const form = await readFormData(request);
	const file = form.get(fileField);
	return { fields: formFields(form), file: file instanceof File && file.size > 0 ? file : null };
}

/** Form fields as plain values; files and repeated fields are not used by our forms. */
export function formFields(form: FormData): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
	return fields;
}

/**
 * After login or registration: the session cookie (the browser's previous session, if any, ends),
 * and the interface language. The latest choice
 * wins: a language chosen with the switch on this device while signed out is saved to the
 * account; without one, the account's language is used.
 */
export function startSignedIn(db: Db, cookies: Cookies, signedIn: SignedIn, previous: Session | null): void {
	// Logging in (or registering) while signed in ends the session this browser had.
	if (previous) invalidateSession(db, previous.id);
	setSessionCookie(cookies, signedIn.token, signedIn.session.expiresAt, !dev);
	// This browser is now known for this account (a lock-out by a guesser elsewhere spares it).
	rememberDevice(db, cookies, normalizeUsername(signedIn.user.username), !dev);
	const chosen = takeLanguageChoice(cookies);
	if (chosen !== null && chosen !== signedIn.user.uiLocale) {
		saveInterfaceLanguage(db, signedIn.user.id, chosen);
		signedIn.user.uiLocale = chosen;
	}
	setLocaleCookie(cookies, signedIn.user.uiLocale);
}
