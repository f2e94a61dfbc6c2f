import { error, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { closeExpiredAttempts, examResult, loadAttempt } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ params, locals, url }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id);
	if (!attempt) error(404, m.exam_problem_not_found());
	const result = examResult(db, user, attempt, locals.now, currentLocale());
	// Still running: the overview is the place to hand in.
	if (!result) redirect(303, `/exam/${attempt.id}/overview`);
	return {
		result,
		// The review shows what went wrong first; ?all=1 shows every question.
		showAll: url.searchParams.get('all') === '1'
	};
};

/**
 * "Practise" from the results is a post: an attempt whose time ran out is closed first, so its
 * answers are in the learner's mistakes and cards before practice starts.
 */
async function practise(event: RequestEvent, scopeFrom: (fields: Record<string, unknown>) => string): Promise<never> {
	const { user } = requireUser();
	const db = getDb();
	if (!loadAttempt(db, user, event.params.id)) error(404, m.exam_problem_not_found());
	const fields = await readForm(event.request);
	closeExpiredAttempts(db, user, event.locals.now);
	redirect(303, `/practice/session?scope=${encodeURIComponent(scopeFrom(fields))}`);
}

export const actions: Actions = {
	practiseMistakes: (event) => practise(event, () => 'mistakes'),
	// An unknown theme falls back to all due work; the session page checks the scope again.
	practiseTheme: (event) =>
		practise(event, ({ theme }) => (typeof theme === 'string' && /^[a-z0-9-]{1,80}$/.test(theme) ? `theme:${theme}` : 'due'))
};
