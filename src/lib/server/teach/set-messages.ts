import { m } from '$lib/paraglide/messages';
import type { ItemsProblem, SetProblem } from './sets';

export function describeSetProblem(problem: SetProblem | ItemsProblem): string {
	switch (problem) {
		case 'title_missing':
			return m.teach_set_problem_title_missing();
		case 'title_too_long':
			return m.teach_set_problem_title_too_long();
		case 'title_invalid':
			return m.teach_set_problem_title_invalid();
		case 'questions_invalid':
			return m.teach_set_problem_questions();
		case 'too_many':
			return m.teach_set_problem_too_many();
		case 'not_found':
			return m.teach_set_not_found();
	}
}
