import { fail, redirect } from '@sveltejs/kit';
import { logInUser } from '$lib/server/accounts';
import { DEVICE_COOKIE } from '$lib/server/auth/device';
import { readForm, startSignedIn } from '$lib/server/auth/forms';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { describeProblem, statusFor } from '$lib/server/auth/messages';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo'));
	if (locals.user) redirect(303, redirectTo);
	return { redirectTo, askedFor: url.searchParams.has('redirectTo') };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, locals }) => {
		const fields = await readForm(request);
		const now = locals.now;
		const result = await logInUser(getDb(), fields, getClientAddress(), now, cookies.get(DEVICE_COOKIE));
		if (!result.ok) {
			return fail(statusFor(result.problem), {
				message: describeProblem(result.problem, result.retryAt, now),
				username: typeof fields.username === 'string' ? fields.username.slice(0, 64) : ''
			});
		}
		startSignedIn(getDb(), cookies, result.value, locals.session);
		redirect(303, safeRedirectPath(fields.redirectTo));
	}
};
