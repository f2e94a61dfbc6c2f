import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { log } from '../log';
import { startCheckpointer } from './checkpointer';
import type { Checkpointer } from './checkpointer';
import { fillMissingReviewDays } from './review-days';
import { fillMissingNewOrder } from './new-order';
import { usernameSkeleton } from '../../domain/auth/confusables';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = 'data/knm-hub.db';
/** The name of the signing key's row in server_secret. */
export const SIGNING_KEY_NAME = 'signing-key';

/** `DATABASE_URL` may be a plain path or a `file:` URL; the default is data/knm-hub.db. */
export function resolveDatabasePath(value: string | undefined): string {
	const raw = value?.trim() || DEFAULT_DATABASE_PATH;
	if (raw === ':memory:') return raw;
	return resolve(raw.startsWith('file:') ? raw.slice('file:'.length) : raw);
}

/**
 * Opens one better-sqlite3 connection with WAL and foreign keys on, and applies the migrations in
 * `migrations/` (drizzle-kit output). better-sqlite3 is synchronous, so one connection per process
 * serialises writes without extra locking.
 */
export function openDatabase(path: string, migrationsFolder = resolve('migrations')): Db {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('busy_timeout = 5000');
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder });
	// Data steps no SQL migration can do (they need each learner's time zone, or TR39's table);
	// no-ops once done.
	fillMissingReviewDays(sqlite);
	fillMissingUsernameSkeletons(sqlite);
	fillMissingNewOrder(sqlite);
	// The signing key (lib/server/signing.ts) is made here, once per database, so no request
	// (a page load least of all) ever writes it.
	sqlite
		.prepare('INSERT OR IGNORE INTO server_secret (name, value) VALUES (?, ?)')
		.run(SIGNING_KEY_NAME, randomBytes(32).toString('base64url'));
	return db;
}

let current: Db | null = null;
let checkpointer: Checkpointer | null = null;

/**
 * The process-wide database, opened on first use from `DATABASE_URL`. A file database has its
 * WAL checkpoints run by a worker thread (checkpointer.ts), off the request path.
 */
export function getDb(): Db {
	if (current) return current;
	const path = resolveDatabasePath(process.env.DATABASE_URL);
	current = openDatabase(path);
	if (path !== ':memory:') {
		checkpointer = startCheckpointer(current.$client, (error) =>
			log.error({ err: error }, 'the checkpoint worker stopped; the server checkpoints the database itself')
		);
	}
	return current;
}

/**
 * Closes the process-wide database at shutdown: the WAL is checkpointed into the main file, so a
 * copy of the file alone is complete. A later getDb() opens it again.
 */
export function closeDb(): void {
	if (!current) return;
	const sqlite = current.$client;
	current = null;
	checkpointer?.stop();
	checkpointer = null;
	if (!sqlite.open) return;
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
}

/** The migrations in `migrations/` (drizzle-kit's journal), read once. */
let expectedMigrations: number | null = null;

/**
 * For /healthz: the database answers and every migration in `migrations/` is applied. Never
 * throws: an error reading the database is "not healthy".
 */
export function checkDatabaseHealth(db: Db, migrationsFolder = resolve('migrations')): { ok: boolean; problem?: string } {
	try {
		expectedMigrations ??= (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
		const applied = (db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
		if (applied !== expectedMigrations) return { ok: false, problem: `migrations applied: ${applied} of ${expectedMigrations}` };
		return { ok: true };
	} catch (error) {
		return { ok: false, problem: error instanceof Error ? error.message : 'database error' };
	}
}

/** Accounts made before migration 0019 get their username skeleton. */
export function fillMissingUsernameSkeletons(sqlite: Database.Database): number {
	const rows = sqlite.prepare('SELECT id, username_key AS key FROM user WHERE username_skeleton IS NULL').all() as { id: string; key: string }[];
	const update = sqlite.prepare('UPDATE user SET username_skeleton = ? WHERE id = ?');
	sqlite.transaction(() => {
		for (const row of rows) update.run(usernameSkeleton(row.key), row.id);
	})();
	return rows.length;
}
