import { requireTeacher } from '$lib/server/auth/guards';
import { currentLocale } from '$lib/server/locale';
import { dayModelOf } from '$lib/server/practice';
import { csvDownload } from '$lib/server/teach/exports';
import { writeQuestionTemplateCsv } from '$lib/server/teach/question-import';
import { m } from '$lib/paraglide/messages';
import type { RequestHandler } from './$types';

/** The import's empty template: the column names in the teacher's language. */
export const GET: RequestHandler = ({ locals }) => {
	const { user } = requireTeacher();
	return csvDownload(writeQuestionTemplateCsv(currentLocale()), m.own_template_file_name(), '', locals.now, dayModelOf(user));
};
