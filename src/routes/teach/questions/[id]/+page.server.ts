import { error, fail, redirect } from '@sveltejs/kit';
import { writeValues } from '$lib/domain/teach/own-question';
import { readForm } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { problemsByField } from '$lib/server/teach/own-question-messages';
import { deleteOwnQuestion, loadOwnQuestion, loadOwnQuestionChoices, saveOwnQuestionForm } from '$lib/server/teach/own-questions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The teacher's own active question, else 404 (another teacher's ids cannot be probed). */
function ownQuestion(id: string) {
	const { user } = requireTeacher();
	const question = loadOwnQuestion(getDb(), user.id, id);
	if (!question) error(404, m.own_not_found());
	return { user, question };
}

export const load: PageServerLoad = ({ params, url }) => {
	const { question } = ownQuestion(params.id);
	return {
		question: { id: question.id, version: question.version, learners: question.learners },
		values: writeValues(question),
		choices: loadOwnQuestionChoices(getDb(), currentLocale()),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	/** A change: a new version when the content differs (answers keep the version they answered). */
	save: async ({ params, request, locals }) => {
		const { user } = ownQuestion(params.id);
		const result = saveOwnQuestionForm(getDb(), user.id, params.id, await readForm(request), locals.now);
		if (result.ok) return { saved: m.own_saved() };
		if (result.problem === 'invalid') {
			return fail(400, { values: result.values, problems: problemsByField(result.problems), message: m.own_not_saved() });
		}
		error(404, m.own_not_found());
	},
	/** Deleted, or retired when learners answered it; then back to the list, which says which. */
	delete: async ({ params, request, locals }) => {
		const { user } = ownQuestion(params.id);
		// nothing to read, but a broken body is refused (400) like on every other action
		await readForm(request);
		const done = deleteOwnQuestion(getDb(), user.id, params.id, locals.now);
		if (done === null) error(404, m.own_not_found());
		redirect(303, `/teach/questions?done=${done}`);
	}
};
