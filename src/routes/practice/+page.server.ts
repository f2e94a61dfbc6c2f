import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { listMistakes, listSets, progressOverview } from '$lib/server/practice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const locale = currentLocale();
	const overview = progressOverview(db, user, locals.now, locale);
	return {
		themes: overview.themes,
		dueNow: overview.dueNow,
		newToday: overview.newToday,
		newPerDay: overview.newPerDay,
		mistakes: listMistakes(db, user.id, locals.now).length,
		sets: listSets(db, user.id, locale).filter((set) => set.themeSlug === null)
	};
};
