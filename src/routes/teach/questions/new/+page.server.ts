import { fail, redirect } from '@sveltejs/kit';
import { readValues } from '$lib/domain/teach/own-question';
import { readForm } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { problemsByField } from '$lib/server/teach/own-question-messages';
import { loadOwnQuestionChoices, OWN_QUESTIONS_MAX, saveOwnQuestionForm } from '$lib/server/teach/own-questions';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireTeacher();
	return { choices: loadOwnQuestionChoices(getDb(), currentLocale()), values: readValues({}) };
};

export const actions: Actions = {
	/** A new own question, then its page; problems show next to their fields and nothing is saved. */
	save: async ({ request, locals }) => {
		const { user } = requireTeacher();
		const input = await readForm(request);
		const result = saveOwnQuestionForm(getDb(), user.id, null, input, locals.now);
		if (result.ok) redirect(303, `/teach/questions/${result.id}?saved=1`);
		if (result.problem === 'invalid') {
			return fail(400, { values: result.values, problems: problemsByField(result.problems), message: m.own_not_saved() });
		}
		return fail(400, { values: readValues(input), problems: {}, message: m.own_too_many({ max: OWN_QUESTIONS_MAX }) });
	}
};
