import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv';
import { QUESTION_CSV_COLUMNS, readQuestionCsv } from './question-csv';
import type { ColumnNames } from './question-csv';

const EN = Object.fromEntries(QUESTION_CSV_COLUMNS.map((column) => [column, `EN ${column}`])) as ColumnNames;
const NL = Object.fromEntries(QUESTION_CSV_COLUMNS.map((column) => [column, `NL ${column}`])) as ColumnNames;

const HEADER = ['NL question_nl', 'NL option_a_nl', 'NL option_b_nl', 'NL option_c_nl', 'NL correct', 'NL explanation_nl', 'NL eindterm'];
const ROW = ['Wie maakt de straat schoon?', 'De gemeente', 'De provincie', 'Het Rijk', 'A', 'De gemeente doet dit.', '3.1'];

describe('readQuestionCsv', () => {
	it('reads the rows of a file written with our own CSV writer, BOM and all', () => {
		const text = writeCsv([HEADER, ROW, ROW.map((cell) => cell.replace('straat', 'stoep'))]);
		expect(text.startsWith('\uFEFF')).toBe(true);
		const result = readQuestionCsv(text, [EN, NL]);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.rows.map((row) => row.row)).toEqual([2, 3]);
		expect(result.rows[0]!.values).toMatchObject({ question_nl: ROW[0], correct: 'A', eindterm: '3.1', question_en: '', id: '' });
	});

	it('reads semicolons as Excel in a Dutch locale writes them, and column names in either language and any order', () => {
		const header = ['EN eindterm', 'en question_nl', 'NL option_a_nl', 'NL option_b_nl', 'NL option_c_nl', 'EN CORRECT', 'NL explanation_nl', 'notes'];
		const row = ['3.1', 'Wie maakt de straat schoon; en wanneer?', 'De gemeente', 'De provincie', 'Het Rijk', 'A', 'De gemeente doet dit.', 'mijn notitie'];
		const text = [header, row].map((cells) => cells.map((cell) => (cell.includes(';') ? `"${cell}"` : cell)).join(';')).join('\r\n');
		const result = readQuestionCsv(text, [EN, NL]);
		expect(result.ok && result.rows[0]!.values).toMatchObject({ question_nl: row[1], eindterm: '3.1', correct: 'A' });
	});

	it('numbers rows as a spreadsheet does, past empty rows and a cell with a line break', () => {
		const text = writeCsv([HEADER, ROW, [], ['Wie?\nEn waar?', ...ROW.slice(1)]]);
		const result = readQuestionCsv(text, [NL]);
		expect(result.ok && result.rows.map((row) => [row.row, row.values.question_nl])).toEqual([
			[2, ROW[0]],
			[4, 'Wie?\nEn waar?']
		]);
	});

	it('takes off the quote our export puts before a cell that starts like a formula', () => {
		const text = writeCsv([HEADER, ['+31 bellen?', '=A1', '-5 graden', '@home', 'A', 'Uitleg.', '3.1']]);
		const result = readQuestionCsv(text, [NL]);
		expect(result.ok && result.rows[0]!.values).toMatchObject({ question_nl: '+31 bellen?', option_a_nl: '=A1', option_b_nl: '-5 graden', option_c_nl: '@home' });
		// a quote the teacher typed themselves stays
		const typed = readQuestionCsv(writeCsv([HEADER, ["'t Is zo", ...ROW.slice(1)]]), [NL]);
		expect(typed.ok && typed.rows[0]!.values.question_nl).toBe("'t Is zo");
	});

	it('says what is wrong with a file it cannot read', () => {
		expect(readQuestionCsv('', [NL])).toEqual({ ok: false, problem: { kind: 'empty' } });
		expect(readQuestionCsv('\uFEFF  \r\n', [NL])).toEqual({ ok: false, problem: { kind: 'empty' } });
		expect(readQuestionCsv(writeCsv([HEADER]), [NL])).toEqual({ ok: false, problem: { kind: 'empty' } });
		expect(readQuestionCsv('PK\u0003\u0004\u0014\u0000\u0006\u0000binary', [NL])).toEqual({ ok: false, problem: { kind: 'not_csv' } });
		expect(readQuestionCsv(writeCsv([HEADER.slice(0, 6), ROW.slice(0, 6)]), [NL])).toEqual({
			ok: false,
			problem: { kind: 'missing_column', column: 'eindterm' }
		});
		expect(readQuestionCsv(`${HEADER.join(',')}\r\n${ROW.join(',')}\r\n"Wie,${ROW.slice(1).join(',')}`, [NL])).toEqual({
			ok: false,
			problem: { kind: 'malformed', row: 3 }
		});
		const many = writeCsv([HEADER, ...Array.from({ length: 1001 }, () => ROW)]);
		expect(readQuestionCsv(many, [NL])).toEqual({ ok: false, problem: { kind: 'too_many_rows', max: 1000 } });
	});
});
