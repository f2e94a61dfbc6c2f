import Papa from 'papaparse';

/*
 * CSV files for teachers' spreadsheets (Papa Parse writes them). UTF-8 with a byte-order mark so
 * Excel opens Dutch letters (é, ë, ĳ) right; CRLF line ends; every text cell that a spreadsheet
 * would read as a formula is escaped (OWASP, CSV injection).
 */

/**
 * Cells that Excel or LibreOffice would read as a formula: starting with =, +, -, @, a tab or a
 * carriage return. (Papa Parse's own pattern ends in `.*$`, which misses such a cell when it holds
 * a line break, so this one only looks at the first character.)
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | null;

/** The rows (the first one the column names) as a CSV file's text, with the byte-order mark. */
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
	const data = rows.map((row) => row.map((cell) => (cell === null ? '' : cell)));
	return `\uFEFF${Papa.unparse(data, { escapeFormulae: FORMULA_START, newline: '\r\n', quotes: false })}\r\n`;
}

/**
 * A download's file name from its parts (the class's name, what it holds, the date): characters
 * that no file system takes, and control characters, become a dash.
 */
export function csvFileName(...parts: string[]): string {
	const name = parts
		.map((part) => part.trim())
		.filter((part) => part.length > 0)
		.join(' - ')
		.replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, '-')
		.replace(/\s+/g, ' ')
		.slice(0, 120);
	return `${name || 'export'}.csv`;
}
