import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { requireOwnClass } from '$lib/server/teach/guard';
import { csvDownload, writeRosterCsv } from '$lib/server/teach/exports';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The class list with progress per task, as a CSV file named after the class and the day. */
export const GET: RequestHandler = ({ params, locals }) => {
	const { user, row } = requireOwnClass(params.id);
	const day = dayModelOf(user);
	return csvDownload(writeRosterCsv(getDb(), row.id, locals.now, currentLocale(), day), row.name, m.csv_roster_file(), locals.now, day);
};
