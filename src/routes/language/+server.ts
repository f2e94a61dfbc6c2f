import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { cookieName, locales } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const languageForm = z.object({
	locale: z.enum(locales),
	redirectTo: z
		.string()
		.regex(/^\/(?!\/)[^\s\\]*$/, 'must be a path on this site')
		.max(1000)
		.catch('/')
});

const ONE_YEAR = 60 * 60 * 24 * 365;

/** The language switch: a plain form post, so it works without JavaScript. */
export const POST: RequestHandler = async ({ request, cookies }) => {
	const form = await request.formData().catch(() => null);
	const parsed = languageForm.safeParse({
		locale: form?.get('locale'),
		redirectTo: form?.get('redirectTo') ?? '/'
	});
	if (!parsed.success) error(400, 'Choose English or Nederlands.');
	// Readable by the browser on purpose: Paraglide's client runtime reads the locale from it.
	cookies.set(cookieName, parsed.data.locale, {
		path: '/',
		maxAge: ONE_YEAR,
		sameSite: 'lax',
		httpOnly: false,
		secure: false
	});
	redirect(303, parsed.data.redirectTo);
};

export const GET: RequestHandler = () => redirect(303, '/');
