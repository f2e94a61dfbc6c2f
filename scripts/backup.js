#!/usr/bin/env node
// `npm run backup -- <file>`: an online, consistent copy of the live database while the server
// runs (SQLite's backup API through better-sqlite3). The copy is taken in one step, inside one read
// transaction, so it is a snapshot of one moment: every answer acknowledged before it started is
// in it. Writers are not blocked (WAL). Reads DATABASE_URL, or data/knm-hub.db.
// Restore: stop the server, put the file in place of the database (and remove any -wal/-shm files
// beside it), start the server. See docs/operations.md.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const target = process.argv[2];
if (!target) {
	console.error('Give the file to write: npm run backup -- backups/knm-hub-2026-12-01.db');
	process.exit(2);
}
const raw = process.env.DATABASE_URL?.trim() || 'data/knm-hub.db';
const source = resolve(raw.startsWith('file:') ? raw.slice('file:'.length) : raw);
if (!existsSync(source)) {
	console.error(`No database at ${source}. Set DATABASE_URL to the live database.`);
	process.exit(2);
}
const destination = resolve(target);
if (destination === source) {
	console.error('The backup must not be the live database itself.');
	process.exit(2);
}
const started = Date.now();
const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
// Written under a temporary name and renamed when complete, so a half-written file never looks
// like a backup.
const partial = `${destination}.partial`;
rmSync(partial, { force: true });
try {
	// all remaining pages in the next step: one consistent snapshot, no restart by other writers
	await db.backup(partial, { progress: () => 0x7fffffff });
} finally {
	db.close();
}
const check = new Database(partial, { readonly: true });
const integrity = check.pragma('integrity_check', { simple: true });
const answers = check.prepare('SELECT count(*) AS n FROM review_log').get().n;
check.close();
if (integrity !== 'ok') {
	rmSync(partial, { force: true });
	console.error(`The copy failed its integrity check (${integrity}); nothing was written.`);
	process.exit(1);
}
renameSync(partial, destination);
const size = statSync(destination).size;
console.log(`Backup written: ${destination} (${(size / 1024 / 1024).toFixed(1)} MB, ${answers} answers) in ${Date.now() - started} ms.`);
