import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { examOverview, handInExam, loadAttempt } from '$lib/server/exam';
import { secondsLeft } from '$lib/domain/exam/scoring';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id, locals.now);
	if (!attempt) error(404, m.exam_problem_not_found());
	if (attempt.closedAt !== null) redirect(303, `/exam/${attempt.id}/results`);
	return { attemptId: attempt.id, items: examOverview(db, attempt), secondsLeft: secondsLeft(attempt.deadlineAt, locals.now) };
};

export const actions: Actions = {
	handIn: ({ params, locals }) => {
		const { user } = requireUser();
		const result = handInExam(getDb(), user, params.id, locals.now);
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.exam_problem_not_found());
			error(409, m.exam_problem_closed());
		}
		redirect(303, `/exam/${params.id}/results`);
	}
};
