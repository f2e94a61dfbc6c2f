import { fail, redirect } from '@sveltejs/kit';
import { registerUser } from '$lib/server/accounts';
import { readForm, startSignedIn } from '$lib/server/auth/forms';
import { safeRedirectPath } from '$lib/server/auth/guards';
import { describeProblem, statusFor } from '$lib/server/auth/messages';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	return {
		redirectTo: safeRedirectPath(url.searchParams.get('redirectTo')),
		// Learners sign up here; teachers follow the teacher link (?role=teacher).
		role: url.searchParams.get('role') === 'teacher' ? ('teacher' as const) : ('learner' as const)
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		const fields = await readForm(request);
		const now = locals.now;
		const result = await registerUser(getDb(), fields, getClientAddress(), now, currentLocale());
		if (!result.ok) {
			const problems = {
				username: result.fields?.username ? describeProblem(result.fields.username) : undefined,
				password: result.fields?.password ? describeProblem(result.fields.password) : undefined
			};
			const count = Number(problems.username !== undefined) + Number(problems.password !== undefined);
			// Echo back only the safe fields, never the password; a name with spaces comes back as a
			// suggested username.
			return fail(statusFor(result.problem), {
				message: count > 1 ? m.register_problems({ count }) : describeProblem(result.problem, result.retryAt, now),
				problems,
				suggestion: result.suggestion ?? null,
				username: result.suggestion ?? (typeof fields.username === 'string' ? fields.username.slice(0, 64) : ''),
				displayName: typeof fields.displayName === 'string' ? fields.displayName.slice(0, 64) : '',
				role: fields.role === 'teacher' ? 'teacher' : 'learner'
			});
		}
		startSignedIn(getDb(), cookies, result.value, locals.session);
		redirect(303, safeRedirectPath(fields.redirectTo ?? url.searchParams.get('redirectTo')));
	}
};
