import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../domain/locale';
import { writeCsv } from '../../domain/teach/csv';
import { readOwnQuestion, writeValues } from '../../domain/teach/own-question';
import type { OwnQuestionDraft, OwnQuestionProblem } from '../../domain/teach/own-question';
import { QUESTION_CSV_COLUMNS, readQuestionCsv } from '../../domain/teach/question-csv';
import type { ColumnNames, CsvReadProblem } from '../../domain/teach/question-csv';
import { m } from '../../paraglide/messages';
import type { Db } from '../db';
import * as t from '../db/schema';
import { generateId, ID_PATTERN } from '../ids';
import { countOwnQuestions, hashDraft, loadAllOwnQuestions, loadOwnQuestionContext, loadOwnQuestionHashes, OWN_QUESTIONS_MAX, saveOwnQuestions } from './own-questions';

/*
 * Own questions from and to a CSV file. An upload is checked whole (every row read with the form's
 * rules) and shown as a preview; only a file without problems can be saved, and only when the
 * teacher confirms: the checked rows wait in question_import until then (an hour at most, one file
 * per teacher: a new check replaces the waiting one). A row
 * with the id of one of the teacher's questions changes that question (a new version when its
 * content differs); any other row is a new question.
 */

/** The largest file taken: 1 MB is thousands of questions. */
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** How long a checked file waits for the teacher's confirmation. */
export const IMPORT_TTL_MS = 60 * 60 * 1000;

/** The column names in one language, from the message catalogs. */
export function columnNames(locale: Locale): ColumnNames {
	const option = (letter: string, english: boolean) =>
		english ? m.own_csv_col_option_en({ letter }, { locale }) : m.own_csv_col_option_nl({ letter }, { locale });
	return {
		question_nl: m.own_csv_col_question_nl({}, { locale }),
		question_en: m.own_csv_col_question_en({}, { locale }),
		option_a_nl: option('A', false),
		option_a_en: option('A', true),
		option_b_nl: option('B', false),
		option_b_en: option('B', true),
		option_c_nl: option('C', false),
		option_c_en: option('C', true),
		correct: m.own_csv_col_correct({}, { locale }),
		explanation_nl: m.own_csv_col_explanation_nl({}, { locale }),
		explanation_en: m.own_csv_col_explanation_en({}, { locale }),
		eindterm: m.own_csv_col_eindterm({}, { locale }),
		guide: m.own_csv_col_guide({}, { locale }),
		source_url: m.own_csv_col_source({}, { locale }),
		id: m.own_csv_col_id({}, { locale })
	};
}

const BOTH_LANGUAGES = (locale: Locale): ColumnNames[] => [columnNames(locale), columnNames(locale === 'nl' ? 'en' : 'nl')];

/** The import's template: the column names in the teacher's language, no rows. */
export function writeQuestionTemplateCsv(locale: Locale): string {
	const names = columnNames(locale);
	return writeCsv([QUESTION_CSV_COLUMNS.map((column) => names[column])]);
}

/** The teacher's active own questions as a CSV file in the import's format (the empty template when none). */
export function writeOwnQuestionsCsv(db: Db, teacherId: string, locale: Locale): string {
	const names = columnNames(locale);
	const rows = loadAllOwnQuestions(db, teacherId).map((question) => {
		const values = { ...writeValues(question), id: question.id };
		return QUESTION_CSV_COLUMNS.map((column) => values[column]);
	});
	return writeCsv([QUESTION_CSV_COLUMNS.map((column) => names[column]), ...rows]);
}

/** The file's bytes as text: UTF-8 (with or without BOM), else Windows-1252 as older Excel saves CSV. */
export function decodeCsvBytes(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

export interface RowProblem {
	row: number;
	problems: OwnQuestionProblem[];
	/** the id of a row that repeats an earlier row's id */
	sameIdAs?: number;
}

export type ImportPreview =
	| { ok: false; problem: CsvReadProblem | { kind: 'too_big' } | { kind: 'too_many_questions'; max: number } }
	| {
			ok: true;
			/** null when a row has a problem: then nothing can be saved */
			importId: string | null;
			rows: number;
			created: number;
			changed: number;
			unchanged: number;
			problems: RowProblem[];
	  };

interface StoredRow {
	id: string | null;
	draft: OwnQuestionDraft;
}

/**
 * Checks an uploaded file and, when every row is right, keeps it for the confirmation. Writes
 * nothing else: the teacher's questions change only in confirmImport.
 */
export function previewImport(db: Db, teacherId: string, fileName: string, bytes: Uint8Array, locale: Locale, now: Date): ImportPreview {
	if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, problem: { kind: 'too_big' } };
	const read = readQuestionCsv(decodeCsvBytes(bytes), BOTH_LANGUAGES(locale));
	if (!read.ok) return read;
	const context = loadOwnQuestionContext(db);
	const problems: RowProblem[] = [];
	const stored: StoredRow[] = [];
	const seenIds = new Map<string, number>();
	const hashes = loadOwnQuestionHashes(db, teacherId);
	let created = 0;
	let changed = 0;
	let unchanged = 0;
	for (const { row, values } of read.rows) {
		const result = readOwnQuestion(values, context);
		const id = values.id.trim();
		const earlier = id === '' ? undefined : seenIds.get(id);
		if (id !== '' && earlier === undefined) seenIds.set(id, row);
		if (!result.ok || earlier !== undefined) {
			problems.push({ row, problems: result.ok ? [] : result.problems, sameIdAs: earlier });
			continue;
		}
		const hash = hashes.get(id);
		if (hash === undefined) created += 1;
		else if (hash === hashDraft(result.draft)) unchanged += 1;
		else changed += 1;
		stored.push({ id: hash === undefined ? null : id, draft: result.draft });
	}
	if (created > 0 && countOwnQuestions(db, teacherId) + created > OWN_QUESTIONS_MAX) {
		return { ok: false, problem: { kind: 'too_many_questions', max: OWN_QUESTIONS_MAX } };
	}
	let importId: string | null = null;
	if (problems.length === 0) {
		importId = generateId();
		db.transaction(() => {
			// one waiting file per teacher: a new check replaces the one before (the disk stays bounded)
			db.delete(t.questionImport).where(eq(t.questionImport.ownerId, teacherId)).run();
			db.insert(t.questionImport)
				.values({ id: importId!, ownerId: teacherId, fileName: fileName.slice(0, 200), rows: stored, createdAt: now })
				.run();
		});
	}
	return { ok: true, importId, rows: read.rows.length, created, changed, unchanged, problems };
}

/**
 * Saves a checked file's questions, once: the teacher's own import, less than an hour old. Null
 * when there is no such import (expired, done already, another teacher's or made up).
 */
export function confirmImport(db: Db, teacherId: string, importId: unknown, now: Date): { created: number; changed: number } | null {
	if (typeof importId !== 'string' || !ID_PATTERN.test(importId)) return null;
	return db.transaction(() => {
		const row = db
			.select()
			.from(t.questionImport)
			.where(and(eq(t.questionImport.id, importId), eq(t.questionImport.ownerId, teacherId)))
			.get();
		if (!row || now.getTime() - row.createdAt.getTime() > IMPORT_TTL_MS) return null;
		db.delete(t.questionImport).where(eq(t.questionImport.id, importId)).run();
		// the hub may have changed since the check (a content import): eindtermen and guides again
		const context = loadOwnQuestionContext(db);
		const rows = row.rows as StoredRow[];
		if (rows.some(({ draft }) => context.eindterms.get(draft.eindterm) !== draft.theme || draft.guides.some((slug) => !context.guides.has(slug)))) return null;
		const saved = saveOwnQuestions(db, teacherId, rows, now);
		// a question deleted since the preview, or the limit reached meanwhile: nothing is saved
		if (!saved.ok) return null;
		return { created: saved.created, changed: saved.changed };
	});
}

/** How many imports wait (for tests and the account's data). */
export function countPendingImports(db: Db, teacherId: string): number {
	return db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM question_import WHERE owner_id = ${teacherId}`).n;
}
