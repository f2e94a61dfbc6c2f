import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase } from '.';
import * as schema from './schema';

const NOW = new Date('2026-12-01T10:00:00Z');
const DAY = 86_400_000;
let dir = '';

afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A copy of migrations/ that stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
	const folder = join(dir, 'migrations');
	cpSync(resolve('migrations'), folder, { recursive: true });
	const journalPath = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
	journal.entries = journal.entries.slice(0, count);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

describe('migration 0010: the card keeps its newest answer', () => {
	it('keeps every card, fills rating and learner day from the history, and clusters the table', () => {
		dir = mkdtempSync(join(tmpdir(), 'knm-migrate-'));
		const path = join(dir, 'old.db');
		// The bank, imported by today's code into a current database, copied into the old one
		// (the columns the old tables had).
		const current = openDatabase(join(dir, 'current.db'));
		importContent(current, loadContent(), NOW);
		current.$client.close();
		const old = drizzle(new Database(path), { schema });
		migrate(old, { migrationsFolder: migrationsUpTo(10) });
		const sqlite = old.$client;
		const columns = (table: string) => (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((row) => row.name).join(', ');
		sqlite.exec(`ATTACH DATABASE '${join(dir, 'current.db')}' AS current;
			INSERT INTO theme (${columns('theme')}) SELECT ${columns('theme')} FROM current.theme;
			INSERT INTO question (${columns('question')}) SELECT ${columns('question')} FROM current.question;
			DETACH DATABASE current;`);
		sqlite
			.prepare(`INSERT INTO user (id, username, username_key, password_hash, role, created_at, timezone, day_starts_hour) VALUES (?, ?, ?, 'x', 'learner', ?, ?, ?)`)
			.run('u'.repeat(32), 'ali', 'ali', NOW.getTime(), 'America/New_York', 4);
		const card = sqlite.prepare(
			`INSERT INTO card (user_id, question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review) VALUES (?, ?, ?, 3, 5, 3, 0, 2, 0, 2, ?)`
		);
		const log = sqlite.prepare(
			`INSERT INTO review_log (user_id, question_id, mode, reviewed_at, chosen_option, shown_order, correct, guessed, rating, state_before, elapsed_days,
				state_after, stability_after, difficulty_after, due_after, desired_retention, scheduler_version, params_hash, timezone)
			VALUES (?, ?, 'practice', ?, 0, '[0,1,2]', ?, 0, ?, 0, 0, 2, 3, 5, ?, 0.9, 'v', 'h', 'America/New_York')`
		);
		const [first, second] = (sqlite.prepare('SELECT id FROM question ORDER BY id LIMIT 2').all() as { id: string }[]).map((row) => row.id);
		// 02:30 UTC on 1 December is 21:30 on 30 November in New York: learner day 30 November.
		const late = new Date('2026-12-01T02:30:00Z').getTime();
		card.run('u'.repeat(32), first, late + 3 * DAY, late);
		log.run('u'.repeat(32), first, late - 2 * DAY, 0, 1, late);
		log.run('u'.repeat(32), first, late, 1, 3, late + 3 * DAY);
		card.run('u'.repeat(32), second, late + DAY, late - DAY);
		log.run('u'.repeat(32), second, late - DAY, 0, 1, late + DAY);
		old.$client.close();

		const db = openDatabase(path);
		// later migrations' data steps ran too: every active question has its place among the new ones
		expect(db.$client.prepare('SELECT count(*) AS n FROM question WHERE retired_at IS NULL AND new_order IS NULL').get()).toEqual({ n: 0 });
		const rows = db.$client.prepare('SELECT question_id AS questionId, last_rating AS rating, last_review_day AS day, stability FROM card ORDER BY question_id').all();
		expect(rows).toEqual([
			{ questionId: first, rating: 3, day: Date.UTC(2026, 10, 30) / DAY, stability: 3 },
			{ questionId: second, rating: 1, day: Date.UTC(2026, 10, 29) / DAY, stability: 3 }
		]);
		const ddl = (db.$client.prepare(`SELECT sql FROM sqlite_master WHERE name = 'card'`).get() as { sql: string }).sql;
		expect(ddl).toContain('WITHOUT ROWID');
		expect(db.$client.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'card' AND type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all()).toEqual([
			'card_own_question_idx',
			'card_user_due_idx',
			'card_user_state_due_idx'
		]);
		db.$client.close();
	});
});
