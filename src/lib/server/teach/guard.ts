import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireTeacher } from '../auth/guards';
import { getDb } from '../db';
import { loadOwnClass } from './classes';

/**
 * For every load and action under /teach/classes/<id>: the signed-in teacher and their class, else
 * 404 (never 403: another teacher's class ids cannot be probed).
 */
export function requireOwnClass(classId: string) {
	const { user } = requireTeacher();
	const row = loadOwnClass(getDb(), user.id, classId);
	if (!row) error(404, m.teach_class_not_found());
	return { user, row };
}
