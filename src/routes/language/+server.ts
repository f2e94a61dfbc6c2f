import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { setLocaleCookie } from '$lib/server/locale';
import type { RequestHandler } from './$types';

const localeSchema = z.enum(locales);

/** The language switch: a plain form post, so it works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData().catch(() => null);
	const locale = localeSchema.safeParse(form?.get('locale'));
	if (!locale.success) error(400, m.language_invalid());
	setLocaleCookie(cookies, locale.data);
	redirect(303, safeRedirectPath(form?.get('redirectTo')));
};

export const GET: RequestHandler = () => redirect(303, '/');
