import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { countNewToday, listMistakes, listSets, themeProgress } from '$lib/server/practice';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const locale = currentLocale();
	const themes = themeProgress(db, user.id, locals.now, locale);
	return {
		themes,
		dueNow: themes.reduce((n, theme) => n + theme.due, 0),
		newToday: countNewToday(db, user, locals.now),
		newPerDay: user.newPerDay,
		mistakes: listMistakes(db, user.id, locals.now).length,
		// Built-in theme sets are offered as themes above; here only the learner's own sets.
		sets: listSets(db, user.id, locale).filter((set) => set.themeSlug === null)
	};
};
