import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listHistory, runningAttemptId, startExam } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	const db = getDb();
	return {
		openAttempt: runningAttemptId(db, user, locals.now),
		history: listHistory(db, user, locals.now, currentLocale()).slice(0, 3)
	};
};

export const actions: Actions = {
	start: ({ locals }) => {
		const { user } = requireUser();
		const id = startExam(getDb(), user, locals.now);
		redirect(303, `/exam/${id}?q=1`);
	}
};
