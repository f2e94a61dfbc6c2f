import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { loadClassInsight, readInsightFilter } from '$lib/server/teach';
import { requireOwnClass } from '$lib/server/teach/guard';
import { csvDownload, writeQuestionsCsv } from '$lib/server/teach/exports';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The insight's numbers per question (with the page's filter and order) as a CSV file. */
export const GET: RequestHandler = ({ params, url, locals }) => {
	const { user, row } = requireOwnClass(params.id);
	const locale = currentLocale();
	const insight = loadClassInsight(getDb(), row.id, readInsightFilter(url), locals.now, locale);
	return csvDownload(writeQuestionsCsv(insight, locale), row.name, m.csv_questions_file(), locals.now, dayModelOf(user));
};
