import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { examResult, loadAttempt } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id);
	if (!attempt) error(404, m.exam_problem_not_found());
	const result = examResult(db, user, attempt, locals.now, currentLocale());
	// Still running (or in its last seconds): the overview is the place to hand in.
	if (!result) redirect(303, `/exam/${attempt.id}/overview`);
	return { result, translation: user.translationLocale };
};
