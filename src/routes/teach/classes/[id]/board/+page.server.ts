import { error } from '@sveltejs/kit';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadOwnClass } from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The join code alone, as large as the screen allows: for a projector in the classroom. */
export const load: PageServerLoad = ({ params, url }) => {
	const { user } = requireTeacher();
	const row = loadOwnClass(getDb(), user.id, params.id);
	if (!row || row.archivedAt !== null) error(404, m.teach_class_not_found());
	return { id: row.id, name: row.name, joinCode: row.joinCode, joinPage: `${url.origin}/join` };
};
