import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listHistory } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	return { history: listHistory(getDb(), user, locals.now, currentLocale()) };
};
