import { error, redirect } from '@sveltejs/kit';
import { attemptPhase, secondsLeft } from '$lib/domain/exam/scoring';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { examOverview, handInExam, loadAttempt } from '$lib/server/exam';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id);
	if (!attempt) error(404, m.exam_problem_not_found());
	if (attemptPhase(attempt, locals.now) !== 'running') redirect(303, `/exam/${attempt.id}/results`);
	return { attemptId: attempt.id, items: examOverview(db, attempt, currentLocale()), secondsLeft: secondsLeft(attempt.deadlineAt, locals.now) };
};

export const actions: Actions = {
	/**
	 * Hands in. With questions left unanswered it first asks (a second post with `confirmed=yes`
	 * hands in), unless the time is up. After the deadline, or a second time, the learner lands on
	 * the results all the same.
	 */
	handIn: async ({ params, locals, request }) => {
		const { user } = requireUser();
		const db = getDb();
		const attempt = loadAttempt(db, user, params.id);
		if (!attempt) error(404, m.exam_problem_not_found());
		const confirmed = (await readForm(request)).confirmed === 'yes';
		if (!confirmed && attemptPhase(attempt, locals.now) === 'running') {
			const unanswered = examOverview(db, attempt).filter((item) => !item.answered);
			if (unanswered.length > 0) return { confirm: { unanswered: unanswered.length, first: unanswered[0]!.position + 1 } };
		}
		const result = handInExam(db, user, params.id, locals.now);
		if (!result.ok && result.problem === 'not_found') error(404, m.exam_problem_not_found());
		redirect(303, `/exam/${params.id}/results`);
	}
};
