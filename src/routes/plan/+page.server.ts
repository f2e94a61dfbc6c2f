import { fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { loadExamPlan, savePlanExams, savePlanSituation } from '$lib/server/plan';
import type { PlanProblem } from '$lib/server/plan';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const { user } = requireUser();
	return {
		plan: loadExamPlan(getDb(), user, locals.now, currentLocale()),
		saved: url.searchParams.get('saved') === '1'
	};
};

function problemMessage(problem: PlanProblem): string {
	switch (problem) {
		case 'exam_date_past':
			return m.problem_exam_date_past();
		case 'exam_date_too_far':
			return m.problem_exam_date_too_far();
		case 'date_needed':
			return m.myplan_problem_date_needed();
		case 'date_invalid':
			return m.myplan_problem_date();
		default:
			return m.myplan_problem_invalid();
	}
}

export const actions: Actions = {
	/** Law, route and deadline. */
	situation: async ({ request, locals }) => {
		const { user } = requireUser();
		const result = savePlanSituation(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) return fail(400, { form: 'situation' as const, message: problemMessage(result.problem) });
		redirect(303, '/plan?saved=1');
	},
	/** Every exam's status and date; the KNM date is the one practice plans for. */
	exams: async ({ request, locals }) => {
		const { user } = requireUser();
		const result = savePlanExams(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) return fail(400, { form: 'exams' as const, message: problemMessage(result.problem) });
		redirect(303, '/plan?saved=1');
	}
};
