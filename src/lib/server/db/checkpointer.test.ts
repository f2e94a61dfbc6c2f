import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_INTERVAL_MS, startCheckpointer } from './checkpointer';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openWal(): { sqlite: Database.Database; path: string } {
	const dir = mkdtempSync(join(tmpdir(), 'knm-checkpoint-'));
	dirs.push(dir);
	const path = join(dir, 'test.db');
	const sqlite = new Database(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.exec('CREATE TABLE blob (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
	return { sqlite, path };
}

/** 4 MB in 1,000 rows: about 1,000 pages, all in the WAL until a checkpoint copies them. */
function writeMegabytes(sqlite: Database.Database): void {
	const insert = sqlite.prepare('INSERT INTO blob (data) VALUES (?)');
	sqlite.transaction(() => {
		for (let i = 0; i < 1000; i++) insert.run(Buffer.alloc(4000, i % 256));
	})();
}

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (check()) return true;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return check();
}

describe('the checkpoint worker', () => {
	it('copies the WAL into the database file while the connection itself never checkpoints', async () => {
		const { sqlite, path } = openWal();
		const checkpointer = startCheckpointer(sqlite);
		try {
			expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
			writeMegabytes(sqlite);
			// The worker's next round copies the pages into the main file, which grows to hold them all
			// (the database's size as the connection sees it); a busy machine may be mid-copy at 3.5 MB.
			const logicalSize = Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
			expect(logicalSize).toBeGreaterThan(3_500_000);
			const copied = await waitFor(() => statSync(path).size >= logicalSize, CHECKPOINT_INTERVAL_MS * 4);
			expect(copied).toBe(true);
			// the round that wrote the last page marks the WAL as copied right after: give it that moment
			await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_INTERVAL_MS));
			// Everything copied: the next write starts the WAL again instead of growing it.
			const walAfterFirst = statSync(`${path}-wal`).size;
			sqlite.prepare('INSERT INTO blob (data) VALUES (?)').run(Buffer.alloc(10));
			expect(statSync(`${path}-wal`).size).toBe(walAfterFirst);
			expect(sqlite.prepare('SELECT count(*) AS n FROM blob').get()).toEqual({ n: 1001 });
		} finally {
			checkpointer.stop();
		}
		// Stopped: the connection checkpoints itself again (SQLite's default).
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		sqlite.pragma('wal_checkpoint(TRUNCATE)');
		sqlite.close();
	});

	it('gives the checkpoints back to the connection when the worker cannot run', async () => {
		const { sqlite, path } = openWal();
		// The worker opens the file by name: moved away, it cannot.
		renameSync(path, `${path}.moved`);
		const failures: unknown[] = [];
		const checkpointer = startCheckpointer(sqlite, (error) => failures.push(error));
		expect(await waitFor(() => failures.length > 0, 5000)).toBe(true);
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		checkpointer.stop();
		sqlite.close();
	});
});
