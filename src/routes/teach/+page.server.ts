import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listBankCoverage } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import { createClass, describeClassProblem, listOwnClasses } from '$lib/server/teach';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { user } = requireTeacher();
	const db = getDb();
	return { classes: listOwnClasses(db, user.id), themes: listBankCoverage(db, currentLocale()) };
};

export const actions: Actions = {
	/** A new class, then its page (with the join code). Problems show next to their fields. */
	createClass: async ({ request, locals }) => {
		const { user } = requireTeacher();
		const form = await readForm(request);
		const result = createClass(getDb(), user.id, form, locals.now);
		if (!result.ok) {
			return fail(400, {
				values: { name: typeof form.name === 'string' ? form.name.slice(0, 200) : '', courseEndOn: typeof form.courseEndOn === 'string' ? form.courseEndOn.slice(0, 20) : '' },
				problems: {
					name: result.problems.name ? describeClassProblem(result.problems.name) : undefined,
					courseEndOn: result.problems.courseEndOn ? describeClassProblem(result.problems.courseEndOn) : undefined
				}
			});
		}
		redirect(303, `/teach/classes/${result.id}`);
	}
};
