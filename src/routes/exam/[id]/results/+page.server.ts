import { error, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { closeExpiredAttempts, examResult, loadAttempt } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id);
	if (!attempt) error(404, m.exam_problem_not_found());
	const result = examResult(db, user, attempt, locals.now, currentLocale());
	// Still running: the overview is the place to hand in.
	if (!result) redirect(303, `/exam/${attempt.id}/overview`);
	// Answered wrong (mistakes to practise) and the weakest theme by share of right answers.
	const mistakes = result.review.filter((item) => item.chosenPosition !== null && item.chosenPosition !== item.correctPosition).length;
	const weakest = [...result.perTheme].sort((a, b) => a.score / a.total - b.score / b.total || a.number - b.number)[0];
	return {
		result,
		mistakes,
		weakest: weakest && weakest.score < weakest.total ? { slug: weakest.slug, name: weakest.name } : null,
		// The review shows what went wrong first; ?all=1 shows every question.
		showAll: url.searchParams.get('all') === '1',
		translation: user.translationLocale
	};
};

/**
 * "Practise" from the results: a post, because an attempt whose time ran out is closed first so
 * its answers are in the learner's mistakes and cards before practice starts.
 */
function practiseFrom(scope: (slug: string) => string) {
	return async ({ params, locals, request }: Parameters<Actions[string]>[0]) => {
		const { user } = requireUser();
		const db = getDb();
		if (!loadAttempt(db, user, params.id!)) error(404, m.exam_problem_not_found());
		closeExpiredAttempts(db, user, locals.now);
		const form = await request.formData().catch(() => new FormData());
		const theme = String(form.get('theme') ?? '');
		redirect(303, `/practice/session?scope=${encodeURIComponent(scope(/^[a-z0-9-]{1,80}$/.test(theme) ? theme : ''))}`);
	};
}

export const actions: Actions = {
	practiseMistakes: practiseFrom(() => 'mistakes'),
	practiseTheme: practiseFrom((theme) => (theme ? `theme:${theme}` : 'due'))
};
