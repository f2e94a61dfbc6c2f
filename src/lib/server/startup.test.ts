import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildContentFiles, QUESTION_1, questionsYaml } from '../domain/content/test-fixtures';
import { ContentInvalidError } from './content/load';
import { openDatabase } from './db';
import { prepareServer } from './startup';

describe('prepareServer', () => {
	let root: string;
	const previous = process.env.CONTENT_ROOT;

	function write(path: string, text: string): void {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}

	beforeEach(() => {
		root = mkdtempSync(join(tmpdir(), 'knm-startup-'));
		for (const file of buildContentFiles()) write(file.path, file.text);
		process.env.CONTENT_ROOT = root;
	});

	afterEach(() => {
		if (previous === undefined) delete process.env.CONTENT_ROOT;
		else process.env.CONTENT_ROOT = previous;
	});

	it('imports on the first start and skips unchanged files on the next', () => {
		const db = openDatabase(':memory:');
		const now = new Date('2026-11-10T10:00:00Z');
		expect(prepareServer(now, 'build-1', db)).toMatchObject({ skipped: false, inserted: expect.any(Number) });
		expect(prepareServer(now, 'build-1', db)).toEqual({ skipped: true });
		// A new build validates again (its rules may have changed), and so do changed files.
		expect(prepareServer(now, 'build-2', db)).toMatchObject({ skipped: false, inserted: 0, updated: 0 });
		write('questions/wonen.yaml', questionsYaml([QUESTION_1]));
		expect(prepareServer(now, 'build-2', db)).toMatchObject({ skipped: false, retired: 1 });
	});

	it('refuses broken content with the validator message, even after a good import', () => {
		const db = openDatabase(':memory:');
		prepareServer(new Date(), 'build-1', db);
		write('questions/wonen.yaml', questionsYaml([QUESTION_1.replace('sources: [huurcommissie]', 'sources: [nope]')]));
		expect(() => prepareServer(new Date(), 'build-1', db)).toThrow(ContentInvalidError);
		expect(() => prepareServer(new Date(), 'build-1', db)).toThrow('questions/wonen.yaml: wo-001: unknown source slug "nope"');
	});
});
