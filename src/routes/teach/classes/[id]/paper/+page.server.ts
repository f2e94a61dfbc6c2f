import { error, fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { listRoster } from '$lib/server/teach';
import { requireOwnClass } from '$lib/server/teach/guard';
import { loadExamPaper, loadSetPaper, paperQuerySchema, recordPaperAnswers } from '$lib/server/teach/paper';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The paper (`?set=` or `?exam=<seed>`, as printed) whose answers are typed in; else 404. */
function loadPaper(teacherId: string, url: URL) {
	const query = paperQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!query.success || ('exam' in query.data && query.data.exam === 'new')) error(404, m.paper_not_found());
	if ('set' in query.data) {
		const paper = loadSetPaper(getDb(), teacherId, query.data.set, currentLocale());
		if (!paper) error(404, m.paper_not_found());
		return { title: paper.title, questions: paper.questions };
	}
	return { title: m.paper_exam_title(), questions: loadExamPaper(getDb(), query.data.exam as number) };
}

export const load: PageServerLoad = ({ params, url }) => {
	const { user, row } = requireOwnClass(params.id);
	const paper = loadPaper(user.id, url);
	return {
		schoolClass: { id: row.id, name: row.name },
		title: paper.title,
		questions: paper.questions.length,
		learners: listRoster(getDb(), row.id).map((learner) => ({ userId: learner.userId, name: learner.name })),
		// the form posts back to the same paper
		paperQuery: new URLSearchParams([...url.searchParams].filter(([key]) => key === 'set' || key === 'exam')).toString()
	};
};

export const actions: Actions = {
	/** One row of letters per learner (field `answers-<learner id>`); nothing is saved unless every row is right. */
	record: async ({ params, url, request, locals }) => {
		const { user, row } = requireOwnClass(params.id);
		const paper = loadPaper(user.id, url);
		const form = await readForm(request);
		const rows: Record<string, string> = {};
		for (const [field, value] of Object.entries(form)) {
			if (field.startsWith('answers-') && typeof value === 'string') rows[field.slice('answers-'.length)] = value;
		}
		const result = recordPaperAnswers(getDb(), row.id, paper.questions, rows, locals.now);
		const values = Object.fromEntries(Object.entries(rows).map(([userId, value]) => [userId, value.slice(0, 200)]));
		if (!result.ok) {
			const problems = Object.fromEntries(
				Object.entries(result.problems).map(([userId, problem]) => [
					userId,
					problem === 'length' ? m.paper_problem_length({ count: paper.questions.length }) : m.paper_problem_letters()
				])
			);
			return fail(400, { problem: result.empty ? m.paper_problem_empty() : m.paper_problem_summary(), problems, values });
		}
		return { done: m.paper_type_in_saved({ answers: result.answers, learners: result.learners }) };
	}
};
