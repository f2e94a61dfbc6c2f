import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { m } from '$lib/paraglide/messages';
import type { Session, SessionUser } from './session';

/**
 * Guards for loads and actions. A signed-out visitor is sent to /login and comes back afterwards;
 * a learner who opens a teacher page gets 403. Call them in every load and every action that
 * needs them: a guard in a load does not protect the page's actions.
 */
export function requireUser(): { user: SessionUser; session: Session } {
	const { locals, url } = getRequestEvent();
	if (!locals.user || !locals.session) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return { user: locals.user, session: locals.session };
}

export function requireTeacher(): { user: SessionUser; session: Session } {
	const signedIn = requireUser();
	if (signedIn.user.role !== 'teacher') error(403, m.error_forbidden_text());
	return signedIn;
}

/**
 * A path on this site to return to after login; anything else becomes "/". Only the characters a
 * URL may hold as they are (RFC 3986; anything else percent-encoded), so a control character or a
 * letter beyond Latin-1 can never reach the Location header, where it would be a server error.
 */
export function safeRedirectPath(value: unknown): string {
	if (typeof value !== 'string' || value.length > 1000) return '/';
	return /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#]*$/.test(value) ? value : '/';
}
