import { error, redirect } from '@sveltejs/kit';
import { attemptPhase, secondsLeft } from '$lib/domain/exam/scoring';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { examOverview, handInExam, loadAttempt } from '$lib/server/exam';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id);
	if (!attempt) error(404, m.exam_problem_not_found());
	if (attemptPhase(attempt, locals.now) !== 'running') redirect(303, `/exam/${attempt.id}/results`);
	return { attemptId: attempt.id, items: examOverview(db, attempt), secondsLeft: secondsLeft(attempt.deadlineAt, locals.now) };
};

export const actions: Actions = {
	/** Hands in; after the deadline, or a second time, the learner lands on the results all the same. */
	handIn: ({ params, locals }) => {
		const { user } = requireUser();
		const result = handInExam(getDb(), user, params.id, locals.now);
		if (!result.ok && result.problem === 'not_found') error(404, m.exam_problem_not_found());
		redirect(303, `/exam/${params.id}/results`);
	}
};
