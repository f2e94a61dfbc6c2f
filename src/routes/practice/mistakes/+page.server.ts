import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listMistakes } from '$lib/server/practice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	return {
		mistakes: listMistakes(getDb(), user.id, locals.now).map((mistake) => ({
			questionId: mistake.questionId,
			questionNl: mistake.questionNl,
			questionEn: mistake.questionEn,
			lastWrongAt: mistake.lastWrongAt.toISOString()
		}))
	};
};
