import { error, fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { getDb } from '$lib/server/db';
import { learnerDay, learnerDayKey } from '$lib/domain/learner-day';
import { dayModelOf } from '$lib/server/practice';
import {
	createAssignment,
	deleteAssignment,
	listBuiltInSets,
	listOwnSets,
	listRoster,
	loadClassProgress,
	regenerateJoinCode,
	removeMember,
	setClassArchived,
	sortByTask
} from '$lib/server/teach';
import type { AssignmentProblem } from '$lib/server/teach';
import { requireOwnClass } from '$lib/server/teach/guard';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';


const taskProblem: Record<AssignmentProblem, () => string> = {
	set_unknown: () => m.teach_task_problem_set(),
	not_found: () => m.teach_class_not_found(),
	date_invalid: () => m.teach_task_problem_date(),
	due_before_opening: () => m.teach_task_problem_due_before()
};

/** A task form's problems, each next to its field, and the values to show again (trimmed). */
function refuseTask(kind: 'task' | 'exam', found: Partial<Record<string, AssignmentProblem>>, form: Record<string, unknown>) {
	const problems = Object.fromEntries(Object.entries(found).map(([field, problem]) => [field, problem ? taskProblem[problem]() : '']));
	const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 100) : '');
	return fail(400, { form: kind, problems, values: { setId: text(form.setId), opensOn: text(form.opensOn), dueOn: text(form.dueOn), goal: text(form.goal) } });
}

export const load: PageServerLoad = ({ params, url, locals }) => {
	const { user, row } = requireOwnClass(params.id);
	const db = getDb();
	const progress = loadClassProgress(db, row.id, locals.now);
	const sort = url.searchParams.get('sort');
	const sortKey = progress.assignments.some((task) => task.id === sort) ? sort : null;
	const roster = listRoster(db, row.id);
	return {
		today: learnerDayKey(learnerDay(locals.now, dayModelOf(user))),
		sets: listOwnSets(db, user.id),
		builtInSets: listBuiltInSets(db),
		progress,
		schoolClass: { id: row.id, name: row.name, courseEndOn: row.courseEndOn, joinCode: row.joinCode, closed: row.archivedAt !== null },
		joinUrl: `${url.origin}/join/${row.joinCode}`,
		joinPage: `${url.origin}/join`,
		roster,
		// the progress table's order: by name, or by one task's column (?sort=<task id>)
		sortedBy: sortKey,
		progressRows: sortByTask(roster, progress, sortKey)
	};
};

export const actions: Actions = {
	newCode: ({ params }) => {
		const { user } = requireOwnClass(params.id);
		regenerateJoinCode(getDb(), user.id, params.id);
		return { done: m.teach_class_new_code_done() };
	},
	close: ({ params, locals }) => {
		const { user } = requireOwnClass(params.id);
		setClassArchived(getDb(), user.id, params.id, true, locals.now);
		return { done: m.teach_class_closed() };
	},
	reopen: ({ params, locals }) => {
		const { user } = requireOwnClass(params.id);
		setClassArchived(getDb(), user.id, params.id, false, locals.now);
		return {};
	},
	createTask: async ({ params, request, locals }) => {
		const { user } = requireOwnClass(params.id);
		const form = await readForm(request);
		const result = createAssignment(getDb(), user.id, params.id, form, locals.now);
		if (!result.ok) return refuseTask('task', result.problems, form);
		return { done: m.teach_task_created() };
	},
	createExamTask: async ({ params, request, locals }) => {
		const { user } = requireOwnClass(params.id);
		const form = await readForm(request);
		const result = createAssignment(getDb(), user.id, params.id, { ...form, goal: 'exam' }, locals.now);
		if (!result.ok) return refuseTask('exam', result.problems, form);
		return { done: m.teach_task_created() };
	},
	deleteTask: async ({ params, request }) => {
		const { user } = requireOwnClass(params.id);
		const form = await readForm(request);
		if (!deleteAssignment(getDb(), user.id, params.id, form.assignmentId)) error(404, m.teach_class_not_found());
		return { done: m.teach_task_deleted() };
	},
	remove: async ({ params, request }) => {
		const { user } = requireOwnClass(params.id);
		const form = await readForm(request);
		if (typeof form.userId !== 'string' || !removeMember(getDb(), user.id, params.id, form.userId)) error(404, m.teach_class_not_found());
		return { done: m.teach_roster_removed() };
	}
};
