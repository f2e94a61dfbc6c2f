import { error } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRoster, loadOwnClass, regenerateJoinCode, removeMember, setClassArchived } from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The teacher's own class, else 404 (never 403: another teacher's class ids cannot be probed). */
function ownClass(id: string) {
	const { user } = requireTeacher();
	const row = loadOwnClass(getDb(), user.id, id);
	if (!row) error(404, m.teach_class_not_found());
	return { user, row };
}

export const load: PageServerLoad = ({ params, url }) => {
	const { row } = ownClass(params.id);
	return {
		schoolClass: { id: row.id, name: row.name, courseEndOn: row.courseEndOn, joinCode: row.joinCode, closed: row.archivedAt !== null },
		joinUrl: `${url.origin}/join/${row.joinCode}`,
		joinPage: `${url.origin}/join`,
		roster: listRoster(getDb(), row.id)
	};
};

export const actions: Actions = {
	newCode: ({ params }) => {
		const { user } = ownClass(params.id);
		regenerateJoinCode(getDb(), user.id, params.id);
		return { done: m.teach_class_new_code_done() };
	},
	close: ({ params, locals }) => {
		const { user } = ownClass(params.id);
		setClassArchived(getDb(), user.id, params.id, true, locals.now);
		return { done: m.teach_class_closed() };
	},
	reopen: ({ params, locals }) => {
		const { user } = ownClass(params.id);
		setClassArchived(getDb(), user.id, params.id, false, locals.now);
		return {};
	},
	remove: async ({ params, request }) => {
		const { user } = ownClass(params.id);
		const form = await readForm(request);
		if (typeof form.userId !== 'string' || !removeMember(getDb(), user.id, params.id, form.userId)) error(404, m.teach_class_not_found());
		return { done: m.teach_roster_removed() };
	}
};
