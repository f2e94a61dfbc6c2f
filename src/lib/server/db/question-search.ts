import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from './index';

/*
 * question_search (FTS5, migration 0012): the words of every bank and teacher's question, retired ones too (the
 * teachers' set picker leaves those out), for the picker's search. Rebuilt by the content import;
 * a teacher's own question is indexed when it is saved and removed when it is deleted.
 */

type Runner = Pick<Db, 'run'>;

function insertRows(db: Runner, where: SQL): void {
	db.run(sql`
		INSERT INTO question_search (id, question_nl, question_en, options_nl, options_en, explanation_nl, explanation_en)
		SELECT q.id, q.question_nl, q.question_en,
			(SELECT group_concat(o.value ->> 'nl', ' ') FROM json_each(q.options) o),
			(SELECT group_concat(o.value ->> 'en', ' ') FROM json_each(q.options) o),
			q.explanation_nl, q.explanation_en
		FROM question q WHERE ${where}`);
}

/** Every question's words again, as the content import does after questions changed. */
export function rebuildQuestionSearch(db: Runner): void {
	db.run(sql`DELETE FROM question_search`);
	// word cards are practised, never picked for a set
	insertRows(db, sql`q.origin <> 'word'`);
}

/** One question's words as it now reads; none when it no longer exists. */
export function indexQuestionSearch(db: Runner, questionId: string): void {
	db.run(sql`DELETE FROM question_search WHERE id = ${questionId}`);
	insertRows(db, sql`q.id = ${questionId}`);
}
