import { z } from 'zod';
import {
	checkOptionShape,
	checkQuestionText,
	checkSourceUrl,
	teacherTextSchema
} from '../content/question-rules';
import type { QuestionDraft, QuestionField, QuestionProblem } from '../content/question-rules';
import { questionTextsShape } from '../content/schemas';

/*
 * A teacher's own question as a form or a CSV row gives it: named fields of text. Read with the
 * bank's schema (questionTextsShape, English optional) and the bank's rules (question-rules.ts),
 * every problem named with the field it belongs to, so the form shows it next to that field and
 * the import next to the row. Pure: what eindtermen and guides exist is passed in.
 */

export const OPTION_LETTERS = ['a', 'b', 'c'] as const;
export type OptionLetter = (typeof OPTION_LETTERS)[number];

/** The form's fields (and the CSV's columns, in this order). */
export const OWN_QUESTION_FIELDS = [
	'question_nl',
	'question_en',
	'option_a_nl',
	'option_a_en',
	'option_b_nl',
	'option_b_en',
	'option_c_nl',
	'option_c_en',
	'correct',
	'explanation_nl',
	'explanation_en',
	'eindterm',
	'guide',
	'source_url'
] as const;

export type OwnQuestionField = (typeof OWN_QUESTION_FIELDS)[number] | 'options';

export type OwnQuestionValues = Record<(typeof OWN_QUESTION_FIELDS)[number], string>;

export interface OwnQuestionProblem {
	field: OwnQuestionField;
	problem: QuestionProblem;
}

/** What a teacher can link a question to: eindtermen and indicators (code → theme), guides. */
export interface OwnQuestionContext {
	eindterms: ReadonlyMap<string, string>;
	guides: ReadonlySet<string>;
}

/** A checked own question, ready to store. */
export interface OwnQuestionDraft extends QuestionDraft {
	theme: string;
	correctIndex: number;
}

export type ReadResult = { ok: true; draft: OwnQuestionDraft } | { ok: false; problems: OwnQuestionProblem[]; values: OwnQuestionValues };

const draftSchema = z.strictObject(questionTextsShape('optional'));

/** The form field a rule's field is shown at. */
function toFormField(field: QuestionField): OwnQuestionField {
	const option = /^options\.(\d)\.(nl|en)$/.exec(field);
	if (option) return `option_${OPTION_LETTERS[Number(option[1])] ?? 'a'}_${option[2] as 'nl' | 'en'}` as OwnQuestionField;
	if (field === 'guides') return 'guide';
	return field.replace('.', '_') as OwnQuestionField;
}

/** The fields as given, each a string (absent or not a string: empty), for showing the form again. */
export function readValues(input: Record<string, unknown>): OwnQuestionValues {
	const values = {} as OwnQuestionValues;
	for (const field of OWN_QUESTION_FIELDS) {
		const value = input[field];
		values[field] = typeof value === 'string' ? value.slice(0, 5000) : '';
	}
	return values;
}

/**
 * Reads a question from form fields or a CSV row. Every problem is listed, each with its field,
 * so one submit shows them all.
 */
export function readOwnQuestion(input: Record<string, unknown>, context: OwnQuestionContext): ReadResult {
	const values = readValues(input);
	const problems: OwnQuestionProblem[] = [];
	const texts = {} as OwnQuestionValues;
	for (const field of OWN_QUESTION_FIELDS) {
		const parsed = teacherTextSchema.safeParse(values[field]);
		if (parsed.success) {
			texts[field] = parsed.data;
		} else {
			texts[field] = '';
			const rule = parsed.error.issues[0]?.message === 'control_chars' ? 'control_chars' : 'too_long';
			problems.push({ field, problem: { field: 'question.nl', rule } });
		}
	}
	const failed = new Set(problems.map((p) => p.field));

	const correctLetter = texts.correct.toLowerCase();
	const correctIndex = OPTION_LETTERS.indexOf(correctLetter as OptionLetter);
	const shape = draftSchema.safeParse({
		eindterm: texts.eindterm,
		question: { nl: texts.question_nl, en: texts.question_en },
		options: OPTION_LETTERS.map((letter, index) => ({
			nl: texts[`option_${letter}_nl`],
			en: texts[`option_${letter}_en`],
			correct: index === correctIndex
		})),
		explanation: { nl: texts.explanation_nl, en: texts.explanation_en }
	});
	if (!shape.success) {
		for (const issue of shape.error.issues) {
			const field = toFormField(issue.path.map(String).join('.') as QuestionField);
			if (failed.has(field)) continue;
			failed.add(field);
			const unknownCode = field === 'eindterm' && texts.eindterm !== '';
			problems.push({ field, problem: unknownCode ? { field: 'eindterm', rule: 'unknown_eindterm', code: texts.eindterm } : { field: 'question.nl', rule: 'required' } });
		}
	}
	const theme = context.eindterms.get(texts.eindterm);
	if (!failed.has('eindterm') && theme === undefined) {
		problems.push({ field: 'eindterm', problem: { field: 'eindterm', rule: 'unknown_eindterm', code: texts.eindterm } });
	}
	if (texts.guide !== '' && !context.guides.has(texts.guide)) {
		problems.push({ field: 'guide', problem: { field: 'guides', rule: 'unknown_guide', slug: texts.guide } });
	}
	const sourceUrl = texts.source_url === '' ? null : texts.source_url;
	if (!failed.has('source_url')) {
		for (const problem of checkSourceUrl(sourceUrl, { required: false, officialOnly: false })) problems.push({ field: 'source_url', problem });
	}
	if (!shape.success) return { ok: false, problems, values };

	const draft: OwnQuestionDraft = {
		theme: theme ?? '',
		eindterm: shape.data.eindterm,
		question: shape.data.question,
		options: shape.data.options.map(({ nl, en }) => ({ nl, en })),
		correctIndex,
		explanation: shape.data.explanation,
		sourceUrl,
		guides: texts.guide === '' ? [] : [texts.guide]
	};
	for (const problem of checkOptionShape(shape.data.options)) problems.push({ field: 'correct', problem });
	for (const problem of checkQuestionText(draft)) {
		const field = toFormField(problem.field);
		if (!failed.has(field)) problems.push({ field, problem });
	}
	// English is optional, but all of it or none: an option without its translation would show empty
	const english = [texts.question_en, ...OPTION_LETTERS.map((l) => texts[`option_${l}_en`]), texts.explanation_en];
	if (english.some((text) => text !== '')) {
		(['question_en', 'option_a_en', 'option_b_en', 'option_c_en', 'explanation_en'] as const).forEach((field, index) => {
			if (english[index] === '' && !failed.has(field)) problems.push({ field, problem: { field: 'question.en', rule: 'english_incomplete' } });
		});
	}
	return problems.length === 0 ? { ok: true, draft } : { ok: false, problems, values };
}

/** The form fields of a stored question, for the edit form and the CSV export. */
export function writeValues(question: {
	eindterm: string;
	question: { nl: string; en: string };
	options: { nl: string; en: string }[];
	correctIndex: number;
	explanation: { nl: string; en: string };
	sourceUrl: string | null;
	guides: string[];
}): OwnQuestionValues {
	const option = (index: number) => question.options[index] ?? { nl: '', en: '' };
	return {
		question_nl: question.question.nl,
		question_en: question.question.en,
		option_a_nl: option(0).nl,
		option_a_en: option(0).en,
		option_b_nl: option(1).nl,
		option_b_en: option(1).en,
		option_c_nl: option(2).nl,
		option_c_en: option(2).en,
		correct: (OPTION_LETTERS[question.correctIndex] ?? 'a').toUpperCase(),
		explanation_nl: question.explanation.nl,
		explanation_en: question.explanation.en,
		eindterm: question.eindterm,
		guide: question.guides[0] ?? '',
		source_url: question.sourceUrl ?? ''
	};
}
