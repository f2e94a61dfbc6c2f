import Papa from 'papaparse';
import { FORMULA_START } from './csv';
import { OWN_QUESTION_FIELDS } from './own-question';

/*
 * Teachers' own questions as a CSV file: one row per question, the columns of the form plus the
 * question's id (so an exported file, changed in a spreadsheet, imports as changes). The column
 * names are the teacher's language's; a file with the other language's names reads as well, so
 * colleagues can share files. Pure: the caller decodes the bytes and gives the column names.
 */

export const QUESTION_CSV_COLUMNS = [...OWN_QUESTION_FIELDS, 'id'] as const;
export type QuestionCsvColumn = (typeof QUESTION_CSV_COLUMNS)[number];

/** Columns a file must have; the English texts, the guide, the source and the id may be left out. */
export const REQUIRED_COLUMNS: readonly QuestionCsvColumn[] = [
	'question_nl',
	'option_a_nl',
	'option_b_nl',
	'option_c_nl',
	'correct',
	'explanation_nl',
	'eindterm'
];

export const MAX_IMPORT_ROWS = 1000;

export type ColumnNames = Record<QuestionCsvColumn, string>;

export type CsvReadProblem =
	| { kind: 'empty' }
	| { kind: 'not_csv' }
	| { kind: 'malformed'; row: number }
	| { kind: 'missing_column'; column: QuestionCsvColumn }
	| { kind: 'too_many_rows'; max: number };

export interface CsvQuestionRow {
	/** the row's number as a spreadsheet shows it: the column names are row 1 */
	row: number;
	values: Record<QuestionCsvColumn, string>;
}

export type CsvReadResult = { ok: true; rows: CsvQuestionRow[] } | { ok: false; problem: CsvReadProblem };

const normalizeHeader = (name: string) => name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A cell as written before export escaped it: the export puts a quote before a cell that a
 * spreadsheet would read as a formula (csv.ts), and this takes it off again.
 */
function unescapeCell(cell: string): string {
	return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * Reads the file's text: the first row names the columns (in any of the given languages, in any
 * order; unknown columns are left out), each further row that is not empty is a question. Comma,
 * semicolon (Excel in a Dutch locale) and tab separate cells; a byte-order mark is dropped.
 */
export function readQuestionCsv(text: string, names: readonly ColumnNames[]): CsvReadResult {
	// NUL, or other control characters outside tab and line ends: a binary file (a .xlsx is a zip)
	// eslint-disable-next-line no-control-regex -- looking for control characters is the point
	if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return { ok: false, problem: { kind: 'not_csv' } };
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') return { ok: false, problem: { kind: 'empty' } };
	const parsed = Papa.parse<string[]>(body, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
	const broken = parsed.errors.find((error) => error.type === 'Quotes');
	if (broken) return { ok: false, problem: { kind: 'malformed', row: (broken.row ?? 0) + 1 } };
	const [header, ...records] = parsed.data;
	if (!header) return { ok: false, problem: { kind: 'empty' } };

	const byName = new Map<string, QuestionCsvColumn>();
	for (const language of names) {
		for (const column of QUESTION_CSV_COLUMNS) byName.set(normalizeHeader(language[column]), column);
	}
	const positions = new Map<QuestionCsvColumn, number>();
	header.forEach((name, index) => {
		const column = byName.get(normalizeHeader(name));
		if (column && !positions.has(column)) positions.set(column, index);
	});
	const missing = REQUIRED_COLUMNS.find((column) => !positions.has(column));
	if (missing) return { ok: false, problem: { kind: 'missing_column', column: missing } };

	const rows: CsvQuestionRow[] = [];
	for (const [index, record] of records.entries()) {
		if (record.every((cell) => cell.trim() === '')) continue;
		if (rows.length === MAX_IMPORT_ROWS) return { ok: false, problem: { kind: 'too_many_rows', max: MAX_IMPORT_ROWS } };
		const values = {} as Record<QuestionCsvColumn, string>;
		for (const column of QUESTION_CSV_COLUMNS) {
			const position = positions.get(column);
			values[column] = position === undefined ? '' : unescapeCell(record[position] ?? '');
		}
		rows.push({ row: index + 2, values });
	}
	if (rows.length === 0) return { ok: false, problem: { kind: 'empty' } };
	return { ok: true, rows };
}
