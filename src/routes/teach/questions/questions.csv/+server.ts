import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { csvDownload } from '$lib/server/teach/exports';
import { writeOwnQuestionsCsv } from '$lib/server/teach/question-import';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The teacher's own questions in the import's format, so a changed file imports as changes. */
export const GET: RequestHandler = ({ locals }) => {
	const { user } = requireTeacher();
	return csvDownload(writeOwnQuestionsCsv(getDb(), user.id, currentLocale()), m.own_file_name(), '', locals.now, dayModelOf(user));
};
