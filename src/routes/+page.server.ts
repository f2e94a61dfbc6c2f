import { getDb } from '$lib/server/db';
import { listGuides, listQuickAnswers, listThemes, listTopics } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const db = getDb();
	const locale = currentLocale();
	return {
		// After "delete my account" the learner lands here and is told it is done.
		deleted: url.searchParams.get('deleted') === '1',
		themes: listThemes(db, locale),
		topics: listTopics(db, locale),
		guides: listGuides(db, locale).slice(0, 6),
		quickAnswers: listQuickAnswers(db, locale, 5)
	};
};
