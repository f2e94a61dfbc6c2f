import { MAX_FIELD_CHARS } from '$lib/domain/content/question-rules';
import type { OwnQuestionField, OwnQuestionProblem } from '$lib/domain/teach/own-question';
import type { CsvReadProblem } from '$lib/domain/teach/question-csv';
import { m } from '$lib/paraglide/messages';
import { columnNames } from './question-import';
import { currentLocale } from '../locale';

/** A problem of a teacher's question in the teacher's language, for the form and the import's preview. */
export function describeOwnQuestionProblem({ problem }: OwnQuestionProblem): string {
	switch (problem.rule) {
		case 'required':
			return m.own_problem_required();
		case 'too_long':
			return m.own_problem_too_long({ max: MAX_FIELD_CHARS });
		case 'control_chars':
			return m.own_problem_control_chars();
		case 'correct_count':
		case 'options_count':
			return m.own_problem_correct();
		case 'unknown_eindterm':
			return m.own_problem_eindterm({ code: problem.code });
		case 'unknown_guide':
			return m.own_problem_guide({ slug: problem.slug });
		case 'source_missing':
		case 'source_not_https':
		case 'source_not_official':
			return m.own_problem_source();
		case 'too_many_words':
			return m.own_problem_words({ words: problem.words, max: problem.max });
		case 'option_too_long':
			return m.own_problem_option_long({ max: problem.max });
		case 'same_options':
			return m.own_problem_same_options();
		case 'all_none_above':
			return m.own_problem_all_none();
		case 'too_many_sentences':
			return m.own_problem_sentences({ sentences: problem.sentences, max: problem.max });
		case 'english_incomplete':
			return m.own_problem_english();
	}
}

/** The problems per form field (the first one of each field), for showing next to the fields. */
export function problemsByField(problems: OwnQuestionProblem[]): Partial<Record<OwnQuestionField, string>> {
	const byField: Partial<Record<OwnQuestionField, string>> = {};
	for (const problem of problems) byField[problem.field] ??= describeOwnQuestionProblem(problem);
	return byField;
}

/** A field's name as the teacher knows it: the CSV column's name in the teacher's language. */
export function describeField(field: OwnQuestionField): string {
	return field === 'options' ? m.own_field_answers() : columnNames(currentLocale())[field];
}

/** Why a file could not be read at all. */
export function describeCsvProblem(problem: CsvReadProblem | { kind: 'too_big' } | { kind: 'too_many_questions'; max: number }): string {
	switch (problem.kind) {
		case 'too_big':
			return m.own_import_too_big();
		case 'empty':
			return m.own_import_empty();
		case 'not_csv':
			return m.own_import_not_csv();
		case 'malformed':
			return m.own_import_malformed({ row: problem.row });
		case 'missing_column':
			return m.own_import_missing_column({ column: columnNames(currentLocale())[problem.column] });
		case 'too_many_rows':
			return m.own_import_too_many_rows({ max: problem.max });
		case 'too_many_questions':
			return m.own_too_many({ max: problem.max });
	}
}
