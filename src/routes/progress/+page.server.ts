import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { loadExamOutlook, progressOverview } from '$lib/server/practice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	const db = getDb();
	return {
		progress: progressOverview(db, user, locals.now, currentLocale()),
		// readiness, today's target and the plan ahead, from one read of the bank
		...loadExamOutlook(db, user, locals.now, currentLocale())
	};
};
