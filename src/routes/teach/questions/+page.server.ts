import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listOwnQuestions } from '$lib/server/teach/own-questions';
import type { PageServerLoad } from './$types';

/** The teacher's own questions, with links to write, import and download them. */
export const load: PageServerLoad = ({ url }) => {
	const { user } = requireTeacher();
	return {
		questions: listOwnQuestions(getDb(), user.id),
		// after a delete (the action redirects here): which message to show
		done: url.searchParams.get('done') === 'deleted' ? ('deleted' as const) : url.searchParams.get('done') === 'retired' ? ('retired' as const) : null
	};
};
