import { learnerDay, learnerDayKey } from '$lib/domain/learner-day';
import { csvFileName } from '$lib/domain/teach/csv';
import { getDb } from '$lib/server/db';
import { attachmentHeader } from '$lib/server/http';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { insightFilterSchema, loadClassInsight } from '$lib/server/teach';
import { requireOwnClass } from '$lib/server/teach/guard';
import { writeQuestionsCsv } from '$lib/server/teach/exports';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The insight's numbers per question (with the page's filter and order) as a CSV file. */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const { user, row } = requireOwnClass(params.id);
	const locale = currentLocale();
	const insight = loadClassInsight(getDb(), row.id, insightFilterSchema.parse(Object.fromEntries(url.searchParams)), locals.now, locale);
	const day = learnerDayKey(learnerDay(locals.now, dayModelOf(user)));
	return new Response(writeQuestionsCsv(insight, locale), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': attachmentHeader(csvFileName(row.name, m.csv_questions_file(), day)),
			'Cache-Control': 'private, no-store'
		}
	});
};
