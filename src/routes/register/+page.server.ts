import { fail, redirect } from '@sveltejs/kit';
import { registerUser } from '$lib/server/accounts';
import { formFields, startSignedIn } from '$lib/server/auth/forms';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { describeProblem, statusFor } from '$lib/server/auth/messages';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	return { redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')) };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		const fields = formFields(await request.formData());
		const now = locals.now;
		const result = await registerUser(getDb(), fields, getClientAddress(), now, currentLocale());
		if (!result.ok) {
			// Echo back only the safe fields, never the password.
			return fail(statusFor(result.problem), {
				message: describeProblem(result.problem, result.retryAt, now),
				username: typeof fields.username === 'string' ? fields.username.slice(0, 64) : '',
				displayName: typeof fields.displayName === 'string' ? fields.displayName.slice(0, 64) : '',
				role: fields.role === 'teacher' ? 'teacher' : 'learner'
			});
		}
		startSignedIn(getDb(), cookies, result.value);
		redirect(303, safeRedirectPath(fields.redirectTo ?? url.searchParams.get('redirectTo')));
	}
};
