import { describe, expect, it } from 'vitest';
import { readOwnQuestion, writeValues } from './own-question';
import type { OwnQuestionContext } from './own-question';

const CONTEXT: OwnQuestionContext = {
	eindterms: new Map([
		['3.1', 'wonen'],
		['3.1.2', 'wonen'],
		['6.1', 'gezondheid']
	]),
	guides: new Set(['knm-wonen'])
};

/** A question as a teacher fills in the form: Dutch only, the right answer is B. */
const GOOD = {
	question_nl: 'Waar meldt u een kapotte lantaarnpaal in Leiden?',
	option_a_nl: 'Bij de politie',
	option_b_nl: 'Bij de gemeente, met de app of de website',
	option_c_nl: 'Bij de woningcorporatie',
	correct: 'B',
	explanation_nl: 'De gemeente zorgt voor de straat en de lampen. U meldt het bij de gemeente.',
	eindterm: '3.1.2',
	guide: '',
	source_url: ''
};

const fieldsOf = (input: Record<string, unknown>) => {
	const result = readOwnQuestion(input, CONTEXT);
	return result.ok ? [] : result.problems.map((problem) => [problem.field, problem.problem.rule]);
};

describe('readOwnQuestion', () => {
	it('reads a Dutch-only question with its theme from the eindterm', () => {
		const result = readOwnQuestion({ ...GOOD, correct: 'b' }, CONTEXT);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.draft).toMatchObject({
			theme: 'wonen',
			eindterm: '3.1.2',
			correctIndex: 1,
			question: { nl: GOOD.question_nl, en: '' },
			sourceUrl: null,
			guides: []
		});
		expect(result.draft.options.map((option) => option.nl)).toEqual([GOOD.option_a_nl, GOOD.option_b_nl, GOOD.option_c_nl]);
	});

	it('names the field of each problem, all of them at once, and gives the values back', () => {
		const result = readOwnQuestion({ ...GOOD, option_c_nl: '  ', correct: '', eindterm: '9.9', source_url: 'http://leiden.nl/lamp' }, CONTEXT);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((problem) => [problem.field, problem.problem.rule])).toEqual([
			['option_c_nl', 'required'],
			['eindterm', 'unknown_eindterm'],
			['source_url', 'source_not_https']
		]);
		expect(result.values.source_url).toBe('http://leiden.nl/lamp');
		// with the options complete, the missing right answer is named too
		expect(fieldsOf({ ...GOOD, correct: 'D' })).toEqual([['correct', 'correct_count']]);
	});

	it("applies the bank's quality rules to a teacher's question", () => {
		const long = 'Wat doet u als u in uw nieuwe huis in de gemeente woont en de lamp op straat voor uw deur al drie weken kapot is en niemand iets doet?';
		expect(fieldsOf({ ...GOOD, question_nl: long })).toEqual([['question_nl', 'too_many_words']]);
		expect(fieldsOf({ ...GOOD, option_c_nl: 'bij de politie!' })).toEqual([['options', 'same_options']]);
		expect(fieldsOf({ ...GOOD, option_c_nl: 'Geen van de antwoorden' })).toEqual([['options', 'all_none_above']]);
		expect(fieldsOf({ ...GOOD, option_a_nl: 'x'.repeat(91) })).toEqual([['option_a_nl', 'option_too_long']]);
		expect(fieldsOf({ ...GOOD, explanation_nl: 'Een. Twee. Drie. Vier.' })).toEqual([['explanation_nl', 'too_many_sentences']]);
		expect(fieldsOf({ ...GOOD, guide: 'no-such-guide' })).toEqual([['guide', 'unknown_guide']]);
	});

	it('takes English for every text or for none', () => {
		expect(fieldsOf({ ...GOOD, question_en: 'Where do you report a broken street lamp?' })).toEqual([
			['option_a_en', 'english_incomplete'],
			['option_b_en', 'english_incomplete'],
			['option_c_en', 'english_incomplete'],
			['explanation_en', 'english_incomplete']
		]);
		const english = {
			question_en: 'Where do you report a broken street lamp?',
			option_a_en: 'To the police',
			option_b_en: 'To the municipality',
			option_c_en: 'To the housing association',
			explanation_en: 'The municipality looks after streets and lamps.'
		};
		expect(fieldsOf({ ...GOOD, ...english })).toEqual([]);
	});

	it('refuses control characters and huge fields, and folds line breaks', () => {
		expect(fieldsOf({ ...GOOD, option_a_nl: 'Bij de\u0000 politie' })).toEqual([['option_a_nl', 'control_chars']]);
		expect(fieldsOf({ ...GOOD, option_a_nl: 'Bij de\u200b politie' })).toEqual([['option_a_nl', 'control_chars']]);
		expect(fieldsOf({ ...GOOD, explanation_nl: 'a'.repeat(100_000) })).toEqual([['explanation_nl', 'too_long']]);
		const folded = readOwnQuestion({ ...GOOD, explanation_nl: 'De gemeente\r\nzorgt voor de lampen.' }, CONTEXT);
		expect(folded.ok && folded.draft.explanation.nl).toBe('De gemeente zorgt voor de lampen.');
		// fields that are not text (a repeated field, a file) read as empty
		expect(fieldsOf({ ...GOOD, question_nl: ['a', 'b'] })).toEqual([['question_nl', 'required']]);
	});

	it('writes a stored question back as the same fields', () => {
		const result = readOwnQuestion({ ...GOOD, guide: 'knm-wonen', source_url: 'https://www.leiden.nl/melding' }, CONTEXT);
		if (!result.ok) throw new Error('invalid');
		const values = writeValues(result.draft);
		expect(readOwnQuestion(values, CONTEXT)).toEqual(result);
		expect(values.correct).toBe('B');
	});
});
