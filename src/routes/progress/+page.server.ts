import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { loadPlanForecast, loadReadiness, loadTodayPlan, progressOverview } from '$lib/server/practice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	const db = getDb();
	return {
		progress: progressOverview(db, user, locals.now, currentLocale()),
		readiness: loadReadiness(db, user, locals.now, currentLocale()),
		todayPlan: loadTodayPlan(db, user, locals.now),
		planForecast: loadPlanForecast(db, user, locals.now)
	};
};
