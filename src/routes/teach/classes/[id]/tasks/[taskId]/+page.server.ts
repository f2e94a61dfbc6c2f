import { error } from '@sveltejs/kit';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { loadAssignmentDetail, loadOwnClass } from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** One task: each learner's progress, and per question how many learners meet the goal. */
export const load: PageServerLoad = ({ params, locals }) => {
	const { user } = requireTeacher();
	const db = getDb();
	const schoolClass = loadOwnClass(db, user.id, params.id);
	const detail = schoolClass && loadAssignmentDetail(db, user.id, params.id, params.taskId, locals.now);
	if (!schoolClass || !detail) error(404, m.teach_task_not_found());
	return {
		schoolClass: { id: schoolClass.id, name: schoolClass.name },
		...detail,
		// The questions fewest learners have reached first.
		questions: [...detail.questions].sort((a, b) => a.learnersMet - b.learnersMet)
	};
};
