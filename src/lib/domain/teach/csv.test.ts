import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, writeCsv } from './csv';

const parse = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('writeCsv', () => {
	it('starts with a byte-order mark, ends lines with CRLF, and keeps Dutch letters', () => {
		const text = writeCsv([
			['Naam', 'Klas'],
			['Zoë Öztürk', 'Één']
		]);
		expect(text.startsWith('\uFEFF')).toBe(true);
		expect(text).toBe('\uFEFFNaam,Klas\r\nZoë Öztürk,Één\r\n');
	});

	it.each([
		['=HYPERLINK("http://evil.example","klik")'],
		['+31 6 12345678'],
		['-1+2'],
		['@SUM(A1:A2)'],
		['\tcmd'],
		['\rcmd'],
		['=1+1\nmeer tekst']
	])('escapes a cell that starts like a formula: %j', (cell) => {
		const [, row] = parse(writeCsv([['cel'], [cell]]));
		// the spreadsheet sees text that starts with a quote mark, never a formula
		expect(row![0]).toBe(`'${cell}`);
	});

	it('leaves other cells, numbers and empty cells as they are, and quotes commas, quotes and line breaks', () => {
		const rows = parse(writeCsv([['a', 'b', 'c', 'd'], ['Ali, B.', 'zei "ja"', 'regel 1\nregel 2', null], [-3, 0, 'x=1', '']]));
		expect(rows).toEqual([
			['a', 'b', 'c', 'd'],
			['Ali, B.', 'zei "ja"', 'regel 1\nregel 2', ''],
			['-3', '0', 'x=1', '']
		]);
	});
});

describe('csvFileName', () => {
	it('joins the parts and replaces what a file system refuses', () => {
		expect(csvFileName('Klas 2B: avond', 'leerlingen', '2026-12-01')).toBe('Klas 2B- avond - leerlingen - 2026-12-01.csv');
		expect(csvFileName('a/b\\c*?"<>|\u0000d', 'x')).toBe('a-b-c-d - x.csv');
		expect(csvFileName('  ')).toBe('export.csv');
	});
});
