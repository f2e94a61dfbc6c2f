import { describe, expect, it } from 'vitest';
import { parsePaperAnswers } from './paper-answers';

describe('parsePaperAnswers', () => {
	it('reads one letter per question, in either case, with spaces and commas between', () => {
		expect(parsePaperAnswers('abC', 3)).toEqual({ ok: true, answers: [0, 1, 2] });
		expect(parsePaperAnswers(' A, b  c ', 3)).toEqual({ ok: true, answers: [0, 1, 2] });
	});

	it('takes a dash or a dot for a question left open', () => {
		expect(parsePaperAnswers('A-.C', 4)).toEqual({ ok: true, answers: [0, null, null, 2] });
	});

	it('refuses a row with too few or too many letters', () => {
		expect(parsePaperAnswers('AB', 3)).toEqual({ ok: false, problem: 'length' });
		expect(parsePaperAnswers('ABCA', 3)).toEqual({ ok: false, problem: 'length' });
		expect(parsePaperAnswers('', 3)).toEqual({ ok: false, problem: 'length' });
	});

	it('refuses letters outside A to C, digits and control characters', () => {
		for (const row of ['ABD', 'A1C', 'AB\u0000', 'AÄC', '=1+']) expect(parsePaperAnswers(row, 3)).toEqual({ ok: false, problem: 'letters' });
	});
});
