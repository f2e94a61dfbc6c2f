import { fail } from '@sveltejs/kit';
import { readForm, readUpload } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { describeCsvProblem, describeField, describeOwnQuestionProblem } from '$lib/server/teach/own-question-messages';
import { columnNames, confirmImport, MAX_IMPORT_BYTES, previewImport } from '$lib/server/teach/question-import';
import { QUESTION_CSV_COLUMNS, REQUIRED_COLUMNS } from '$lib/domain/teach/question-csv';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** Room for the multipart wrapping around a file of the largest size. */
const FORM_OVERHEAD = 64 * 1024;

/** The upload form and what each column of the template holds. */
export const load: PageServerLoad = () => {
	requireTeacher();
	const names = columnNames(currentLocale());
	const about = (column: (typeof QUESTION_CSV_COLUMNS)[number]) => {
		if (column === 'correct') return m.own_import_about_correct();
		if (column === 'eindterm') return m.own_import_about_eindterm();
		if (column === 'guide') return m.own_import_about_guide({ example: 'knm-wonen' });
		if (column === 'source_url') return m.own_import_about_source();
		if (column === 'id') return m.own_import_about_id();
		return m.own_import_about_text();
	};
	return {
		columns: QUESTION_CSV_COLUMNS.map((column) => ({ name: names[column], about: about(column), required: REQUIRED_COLUMNS.includes(column) }))
	};
};

export const actions: Actions = {
	/** Reads and checks the file; saves nothing but the checked rows waiting for the confirmation. */
	check: async ({ request, locals }) => {
		const { user } = requireTeacher();
		if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + FORM_OVERHEAD) {
			return fail(413, { problem: m.own_import_too_big() });
		}
		const { file } = await readUpload(request, 'file');
		if (!file) return fail(400, { problem: m.own_import_no_file() });
		if (file.size > MAX_IMPORT_BYTES) return fail(413, { problem: m.own_import_too_big() });
		if (/\.(xlsx?|ods|numbers|pdf|docx?)$/i.test(file.name)) return fail(400, { problem: m.own_import_not_csv() });
		const preview = previewImport(getDb(), user.id, file.name, new Uint8Array(await file.arrayBuffer()), currentLocale(), locals.now);
		if (!preview.ok) return fail(400, { problem: describeCsvProblem(preview.problem) });
		const { problems, ...counts } = preview;
		return {
			preview: {
				...counts,
				fileName: file.name.slice(0, 200),
				problems: problems.map((row) => ({
					row: row.row,
					items: [
						...(row.sameIdAs !== undefined ? [{ field: m.own_csv_col_id(), message: m.own_import_same_id({ row: row.sameIdAs }) }] : []),
						...row.problems.map((problem) => ({ field: describeField(problem.field), message: describeOwnQuestionProblem(problem) }))
					]
				}))
			}
		};
	},
	/** Saves a checked file's questions, once. */
	confirm: async ({ request, locals }) => {
		const { user } = requireTeacher();
		const form = await readForm(request);
		const done = confirmImport(getDb(), user.id, form.importId, locals.now);
		if (!done) return fail(400, { problem: m.own_import_expired() });
		return { done: m.own_import_done(done) };
	}
};
