import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { createSet, describeSetProblem, duplicateSet, listBuiltInSets, listOwnSets } from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { user } = requireTeacher();
	const db = getDb();
	return { sets: listOwnSets(db, user.id), builtIn: listBuiltInSets(db), deleted: url.searchParams.get('deleted') === '1' };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const { user } = requireTeacher();
		const form = await readForm(request);
		const result = createSet(getDb(), user.id, form, locals.now);
		if (!result.ok) {
			const cut = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
			return fail(400, { problem: describeSetProblem(result.problem), values: { titleNl: cut(form.titleNl), titleEn: cut(form.titleEn) } });
		}
		redirect(303, `/teach/sets/${result.id}`);
	},
	/** A copy of a built-in theme set (or the teacher's own), to trim. */
	duplicate: async ({ request, locals }) => {
		const { user } = requireTeacher();
		const form = await readForm(request);
		const id = duplicateSet(getDb(), user.id, String(form.setId ?? ''), (title) => m.teach_set_copy_title({ title }), locals.now);
		if (!id) error(404, m.teach_set_not_found());
		redirect(303, `/teach/sets/${id}`);
	}
};
