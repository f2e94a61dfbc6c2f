import { learnerDay, learnerDayKey } from '$lib/domain/learner-day';
import { csvFileName } from '$lib/domain/teach/csv';
import { getDb } from '$lib/server/db';
import { attachmentHeader } from '$lib/server/http';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { requireOwnClass } from '$lib/server/teach/guard';
import { writeRosterCsv } from '$lib/server/teach/exports';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The class list with progress per task, as a CSV file named after the class and the day. */
export const GET: RequestHandler = ({ params, locals }) => {
	const { user, row } = requireOwnClass(params.id);
	const day = learnerDayKey(learnerDay(locals.now, dayModelOf(user)));
	return new Response(writeRosterCsv(getDb(), row.id, locals.now, currentLocale(), user.timezone), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': attachmentHeader(csvFileName(row.name, m.csv_roster_file(), day)),
			'Cache-Control': 'private, no-store'
		}
	});
};
