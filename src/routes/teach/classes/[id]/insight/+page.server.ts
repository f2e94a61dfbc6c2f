import { fail, redirect } from '@sveltejs/kit';
import { learnerDay, learnerDayKey } from '$lib/domain/learner-day';
import { MOST_MISSED_COUNT } from '$lib/domain/teach/insight';
import { readFormWithList } from '$lib/server/auth/forms';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { loadClassInsight, makeSetOfQuestions, readInsightFilter } from '$lib/server/teach';
import { requireOwnClass } from '$lib/server/teach/guard';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** What the class gets wrong: reads only; the filters and the order are URL parameters. */
export const load: PageServerLoad = ({ params, url, locals }) => {
	const { row } = requireOwnClass(params.id);
	const filter = readInsightFilter(url);
	return {
		schoolClass: { id: row.id, name: row.name },
		insight: loadClassInsight(getDb(), row.id, filter, locals.now, currentLocale())
	};
};

export const actions: Actions = {
	/** "Make a set of these": the most-missed questions the page showed become a new set of the teacher's. */
	makeSet: async ({ params, request, locals }) => {
		const { user, row } = requireOwnClass(params.id);
		const { list } = await readFormWithList(request, 'questionId', MOST_MISSED_COUNT);
		const date = learnerDayKey(learnerDay(locals.now, dayModelOf(user)));
		const titles = {
			titleNl: m.insight_set_title({ name: row.name, date }, { locale: 'nl' }),
			titleEn: m.insight_set_title({ name: row.name, date }, { locale: 'en' })
		};
		const made = makeSetOfQuestions(getDb(), user.id, titles, list, locals.now);
		if (!made.ok) return fail(400, { problem: m.insight_set_problem() });
		redirect(303, `/teach/sets/${made.id}`);
	}
};
