import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { locales } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { saveInterfaceLanguage } from '$lib/server/accounts';
import { getDb } from '$lib/server/db';
import { rememberLanguageChoice, setLocaleCookie } from '$lib/server/locale';
import type { RequestHandler } from './$types';

const localeSchema = z.enum(locales);

/**
 * The language switch: a plain form post, so it works without JavaScript. A signed-in learner's
 * choice is saved to the account too, so the next login (on any device) keeps it.
 */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData().catch(() => null);
	const locale = localeSchema.safeParse(form?.get('locale'));
	if (!locale.success) error(400, m.language_invalid());
	setLocaleCookie(cookies, locale.data);
	if (!locals.user) rememberLanguageChoice(cookies, locale.data);
	else if (locals.user.uiLocale !== locale.data) saveInterfaceLanguage(getDb(), locals.user.id, locale.data);
	redirect(303, safeRedirectPath(form?.get('redirectTo')));
};

export const GET: RequestHandler = () => redirect(303, '/');
