import { m } from '$lib/paraglide/messages';
import type { ClassProblem, JoinResult } from './classes';

/** The message for a class form problem, shown next to its field. */
export function describeClassProblem(problem: ClassProblem): string {
	switch (problem) {
		case 'name_missing':
			return m.teach_problem_name_missing();
		case 'name_too_long':
			return m.teach_problem_name_too_long();
		case 'name_invalid':
			return m.teach_problem_name_invalid();
		case 'date_invalid':
			return m.teach_problem_date_invalid();
	}
}

/** The message and status for a join that did not happen. */
export function describeJoinProblem(result: Extract<JoinResult, { ok: false }>, now: Date): { status: 400 | 404 | 403 | 429; message: string } {
	switch (result.problem) {
		case 'code_invalid':
			return { status: 400, message: m.join_problem_invalid() };
		case 'code_unknown':
			return { status: 404, message: m.join_problem_unknown() };
		case 'teacher_cannot_join':
			return { status: 403, message: m.join_problem_teacher() };
		case 'rate_limited':
			return {
				status: 429,
				message: m.problem_rate_limited_in_minutes({ minutes: Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 60_000)) })
			};
	}
}
