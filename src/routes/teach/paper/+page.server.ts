import { randomInt } from 'node:crypto';
import { error, redirect } from '@sveltejs/kit';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { listOwnClasses } from '$lib/server/teach';
import { loadExamPaper, loadSetPaper, paperQuerySchema } from '$lib/server/teach/paper';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/** The teacher's open classes, for "Type in the answers of …" after the test. */
function openClasses(teacherId: string) {
	return listOwnClasses(getDb(), teacherId)
		.filter((item) => !item.archived)
		.map((item) => ({ id: item.id, name: item.name }));
}

/** The sheet's own lines are Dutch, like its questions, whatever the teacher's interface language. */
const sheetLines = () => ({ nameLine: m.paper_name_line({}, { locale: 'nl' }), instruction: m.paper_instruction({}, { locale: 'nl' }) });

/**
 * A paper test: `?set=<id>` prints a set, `?exam=<seed>` a practice exam drawn from that seed
 * (`?exam=new` picks a seed and redirects, so the printed exam has a link of its own). Reads only.
 */
export const load: PageServerLoad = ({ url }) => {
	const { user } = requireTeacher();
	const query = paperQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success) error(404, m.paper_not_found());
	if ('set' in query.data) {
		const paper = loadSetPaper(getDb(), user.id, query.data.set, currentLocale());
		if (!paper) error(404, m.paper_not_found());
		return { kind: 'set' as const, title: m.paper_set_title({ title: paper.title }), questions: paper.questions, sheet: sheetLines(), query: url.search, classes: openClasses(user.id) };
	}
	if (query.data.exam === 'new') redirect(303, `/teach/paper?exam=${randomInt(1, 1_000_000_000)}`);
	return { kind: 'exam' as const, title: m.paper_exam_title(), questions: loadExamPaper(getDb(), query.data.exam), sheet: sheetLines(), query: url.search, classes: openClasses(user.id) };
};
