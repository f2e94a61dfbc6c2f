import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { attemptPhase } from '$lib/domain/exam/scoring';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { examQuestion, loadAttempt, saveExamAnswer } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

const positionParam = z.coerce.number().int().min(1).max(200);

export const load: PageServerLoad = ({ params, url, locals }) => {
	const { user } = requireUser();
	const db = getDb();
	const attempt = loadAttempt(db, user, params.id);
	if (!attempt) error(404, m.exam_problem_not_found());
	if (attemptPhase(attempt, locals.now) !== 'running') redirect(303, `/exam/${attempt.id}/results`);
	const parsed = positionParam.safeParse(url.searchParams.get('q') ?? '1');
	if (!parsed.success) error(404, m.exam_problem_not_found());
	const view = examQuestion(db, user, attempt, parsed.data - 1, locals.now, currentLocale());
	if (!view) error(404, m.exam_problem_not_found());
	return { attemptId: attempt.id, view };
};

const goSchema = z.enum(['next', 'previous', 'overview', 'stay']).catch('stay');

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const { user } = requireUser();
		const fields = await readForm(request);
		const result = saveExamAnswer(getDb(), user, params.id, fields, locals.now);
		if (!result.ok) {
			if (result.problem === 'not_found') error(404, m.exam_problem_not_found());
			// The time is up (or the exam was handed in): the results are what is left to see.
			if (result.problem === 'closed') redirect(303, `/exam/${params.id}/results`);
			return fail(400, { problem: m.exam_problem_input_invalid() });
		}
		if (result.closed) redirect(303, `/exam/${params.id}/results`);
		const go = goSchema.parse(fields.go);
		const total = Number(fields.total) || 40;
		if (go === 'overview') redirect(303, `/exam/${params.id}/overview`);
		const target = go === 'next' ? result.position + 2 : go === 'previous' ? result.position : result.position + 1;
		const position = Math.min(Math.max(target, 1), total);
		redirect(303, `/exam/${params.id}?q=${position}`);
	}
};
