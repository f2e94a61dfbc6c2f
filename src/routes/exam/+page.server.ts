import { redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
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
		canAid: user.translationLocale !== 'none',
		history: listHistory(db, user, locals.now, currentLocale()).slice(0, 3)
	};
};

export const actions: Actions = {
	start: async ({ locals, request }) => {
		const { user } = requireUser();
		// "Show the translation": a practice exam may allow it; without the box, Dutch only (as the real exam)
		const form = await readForm(request);
		const id = startExam(getDb(), user, locals.now, { aid: form.aid === 'on' && user.translationLocale !== 'none' });
		redirect(303, `/exam/${id}?q=1`);
	}
};
