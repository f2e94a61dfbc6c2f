import { m } from '$lib/paraglide/messages';
import type { AccountProblem } from '../accounts';

/** The translated message for an account problem, in the request's language. */
export function describeProblem(problem: AccountProblem, retryAt?: Date, now = new Date()): string {
	switch (problem) {
		case 'fields_missing':
			return m.problem_fields_missing();
		case 'field_too_long':
			return m.problem_field_too_long();
		case 'role_invalid':
			return m.problem_role_invalid();
		case 'username_length':
			return m.problem_username_length();
		case 'username_characters':
			return m.problem_username_characters();
		case 'username_taken':
			return m.problem_username_taken();
		case 'username_mixed_script':
			return m.problem_username_mixed_script();
		case 'username_lookalike':
			return m.problem_username_lookalike();
		case 'password_too_short':
			return m.problem_password_too_short();
		case 'password_too_long':
			return m.problem_password_too_long();
		case 'password_too_common':
			return m.problem_password_too_common();
		case 'credentials_wrong':
			return m.problem_credentials_wrong();
		case 'password_wrong':
			return m.problem_password_wrong();
		case 'rate_limited': {
			const minutes = Math.max(1, Math.ceil(((retryAt?.getTime() ?? now.getTime()) - now.getTime()) / 60_000));
			return m.problem_rate_limited_in_minutes({ minutes });
		}
		case 'settings_invalid':
			return m.problem_settings_invalid();
		case 'exam_date_past':
			return m.problem_exam_date_past();
		case 'exam_date_too_far':
			return m.problem_exam_date_too_far();
	}
}

/** The HTTP status for a refused account form: 429 when rate-limited, else 400. */
export function statusFor(problem: AccountProblem): 400 | 429 {
	return problem === 'rate_limited' ? 429 : 400;
}
