import { describe, expect, it } from 'vitest';
import { buildSearchQuery } from './search';

describe('buildSearchQuery', () => {
	it('quotes every word as a prefix term', () => {
		expect(buildSearchQuery('Mijn Inburgering')).toBe('"mijn"* "inburgering"*');
	});

	it('drops FTS5 syntax so the query is always valid', () => {
		expect(buildSearchQuery('title_en:"DUO" OR NEAR(a b) *')).toBe(
			'"title"* "en"* "duo"* "or"* "near"* "a"* "b"*'
		);
	});

	it('keeps letters of any script and removes duplicates', () => {
		expect(buildSearchQuery('examen examen één')).toBe('"examen"* "één"*');
	});

	it('lowers Turkish by its own rules (I → ı, İ → i), other languages as usual', () => {
		expect(buildSearchQuery('IŞIK İzin', 'tr')).toBe('"ışık"* "izin"*');
		expect(buildSearchQuery('ISTANBUL', 'en')).toBe('"istanbul"*');
		expect(buildSearchQuery('ПЕРЕКЛАД', 'uk')).toBe('"переклад"*');
	});

	it('returns null when there is no word', () => {
		expect(buildSearchQuery('  !?  ')).toBeNull();
	});
});
