import { getDb } from '$lib/server/db';
import { listGuides, listQuickAnswers, listThemes, listTopics } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { listLearnerAssignments } from '$lib/server/teach';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url, locals }) => {
	const db = getDb();
	const locale = currentLocale();
	const user = locals.user;
	return {
		// A learner in a class sees their teacher's open tasks first.
		assignments: user?.role === 'learner' ? listLearnerAssignments(db, user.id, locals.now, dayModelOf(user)) : [],
		// After "delete my account" the learner lands here and is told it is done.
		deleted: url.searchParams.get('deleted') === '1',
		themes: listThemes(db, locale),
		topics: listTopics(db, locale),
		guides: listGuides(db, locale).slice(0, 6),
		quickAnswers: listQuickAnswers(db, locale, 5)
	};
};
