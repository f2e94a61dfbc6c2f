import { fail, redirect } from '@sveltejs/kit';
import { saveExamDate } from '$lib/server/accounts';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { countNewToday, dayModelOf, listMistakes, listSets, loadTodayPlan, pendingExamOutcome, saveExamOutcome, themeProgress } from '$lib/server/practice';
import { listLearnerAssignments } from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const { user } = requireUser();
	const db = getDb();
	const locale = currentLocale();
	const themes = themeProgress(db, user.id, locals.now, locale);
	return {
		themes,
		// A learner who has not answered anything yet gets one clear way to start.
		firstTime: themes.every((theme) => theme.learning === 0 && theme.learnt === 0),
		examDate: user.examDate,
		todayPlan: loadTodayPlan(db, user, locals.now),
		// After the exam date: how did it go? (optional, asked once)
		askOutcome: pendingExamOutcome(db, user, locals.now),
		savedOutcome: url.searchParams.get('saved') === 'outcome',
		// "From your teacher": open assignments of the learner's classes, by due date.
		assignments: user.role === 'learner' ? listLearnerAssignments(db, user.id, locals.now, dayModelOf(user)) : [],
		savedExamDate: url.searchParams.get('saved') === 'exam-date',
		dueNow: themes.reduce((n, theme) => n + theme.due, 0),
		newToday: countNewToday(db, user, locals.now),
		newPerDay: user.newPerDay,
		mistakes: listMistakes(db, user.id, locals.now).length,
		// Built-in theme sets are offered as themes above; here only the learner's own sets.
		sets: listSets(db, user.id, locale).filter((set) => set.themeSlug === null)
	};
};

export const actions: Actions = {
	/** "When is your exam?": the date the exam-date planning builds on. */
	examDate: async ({ request, locals }) => {
		const { user } = requireUser();
		const result = saveExamDate(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) {
			const problem = result.problem === 'exam_date_past' ? m.problem_exam_date_past() : result.problem === 'exam_date_too_far' ? m.problem_exam_date_too_far() : m.practice_exam_date_invalid();
			return fail(400, { examDateProblem: problem });
		}
		redirect(303, '/practice?saved=exam-date');
	},
	/** How the real exam went, for calibration only. */
	examOutcome: async ({ request, locals }) => {
		const { user } = requireUser();
		const result = saveExamOutcome(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) return fail(result.problem === 'invalid' ? 400 : 409, { outcomeProblem: m.outcome_invalid() });
		redirect(303, '/practice?saved=outcome');
	}
};
