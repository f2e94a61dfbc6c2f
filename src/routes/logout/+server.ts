import { redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** POST only (a link or an image cannot log anyone out); GET gets 405 from SvelteKit. */
export const POST: RequestHandler = ({ locals, cookies }) => {
	if (locals.session) invalidateSession(getDb(), locals.session.id);
	deleteSessionCookie(cookies, !dev);
	redirect(303, '/');
};
