import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { formatJoinCode, normalizeJoinCode } from '$lib/domain/teach/join-code';
import { describeJoinProblem, joinClass } from '$lib/server/teach';
import type { Actions, PageServerLoad } from './$types';

/**
 * The join screen: what the teacher will see and what not, and one button. Signed out, the guard
 * sends the visitor to log in (or create an account) and back here, so the code survives. The load
 * does not look the code up: only the action does, under the wrong-code limit, so the page cannot
 * be used to test codes.
 */
export const load: PageServerLoad = ({ params }) => {
	requireUser();
	const code = normalizeJoinCode(params.code);
	if (!code) redirect(303, `/join?code=${encodeURIComponent(params.code.slice(0, 40))}`);
	return { code, shown: formatJoinCode(code) };
};

export const actions: Actions = {
	join: async ({ params, request, locals }) => {
		const { user } = requireUser();
		await readForm(request);
		const result = joinClass(getDb(), user, params.code, locals.now);
		if (!result.ok) {
			const { status, message } = describeJoinProblem(result, locals.now);
			return fail(status, { problem: message });
		}
		return { joined: { className: result.className, teacherName: result.teacherName, already: result.already } };
	}
};
