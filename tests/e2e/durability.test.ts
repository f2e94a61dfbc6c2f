import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/lib/domain/random';
import { learnerClient, seedLearners } from '../../scripts/load-client';
import { startServer } from './helpers';

/*
 * `npm run test:durability` (and part of `npm test`): 200 learners answer as fast as they can, the
 * server is killed with SIGKILL in the middle, and started again on the same database. Every answer
 * the server acknowledged (303) is stored, none twice (a learner's stored answers are at most the
 * acknowledged ones plus the ones in flight at the kill), and SQLite's integrity check passes.
 */

const LEARNERS = 200;
const PORT = 4183;

test('200 learners answering through a kill -9: no acknowledged answer lost or doubled, integrity ok', async () => {
	test.setTimeout(180_000);
	const dir = mkdtempSync(join(tmpdir(), 'knm-durability-'));
	const database = join(dir, 'durable.db');
	let server = await startServer(PORT, database);
	try {
		// 200 learners with a session each, written straight into the database.
		const db = new Database(database);
		const learners = seedLearners(db, LEARNERS, 'durable', seededRandom(7));
		db.close();

		const acknowledged = new Map<string, number>();
		const inFlight = new Map<string, number>();
		let killed = false;
		const client = learnerClient(PORT, LEARNERS);
		const learnerLoop = async (learner: { id: string; token: string }) => {
			while (!killed) {
				inFlight.set(learner.id, (inFlight.get(learner.id) ?? 0) + 1);
				try {
					const posted = await client.answer(learner.token, 0);
					inFlight.set(learner.id, inFlight.get(learner.id)! - 1);
					if (posted === null) return;
					if (posted.status === 303) acknowledged.set(learner.id, (acknowledged.get(learner.id) ?? 0) + 1);
				} catch {
					return; // the server is gone (the answer may or may not have been stored)
				}
			}
		};
		const loops = learners.map(learnerLoop);
		// Kill in the middle of a busy stream: after 4 s and at least two answers per learner
		// acknowledged (a machine busy with other tests needs longer; at most 40 s).
		const started = Date.now();
		const acknowledgedSoFar = () => [...acknowledged.values()].reduce((sum, n) => sum + n, 0);
		while (Date.now() - started < 40_000 && (Date.now() - started < 4_000 || acknowledgedSoFar() < 2 * LEARNERS)) {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		killed = true;
		server.child.kill('SIGKILL');
		await Promise.all(loops);
		client.close();
		const total = [...acknowledged.values()].reduce((sum, n) => sum + n, 0);
		expect(total).toBeGreaterThan(LEARNERS);

		// Started again on the same database.
		server = await startServer(PORT, database);
		const check = new Database(database, { readonly: true });
		expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
		const stored = new Map((check.prepare('SELECT user_id AS id, count(*) AS n FROM review_log GROUP BY user_id').all() as { id: string; n: number }[]).map((row) => [row.id, row.n]));
		check.close();
		const problems: string[] = [];
		for (const learner of learners) {
			const ack = acknowledged.get(learner.id) ?? 0;
			const got = stored.get(learner.id) ?? 0;
			const open = inFlight.get(learner.id) ?? 0;
			if (got < ack) problems.push(`${learner.id}: ${ack} acknowledged, ${got} stored (lost)`);
			if (got > ack + open) problems.push(`${learner.id}: ${ack} acknowledged + ${open} in flight, ${got} stored (doubled)`);
		}
		expect(problems).toEqual([]);
		// ...and the learners go on where they were.
		const after = learnerClient(PORT, 1);
		expect((await after.get('/practice/session?scope=due', learners[0]!.token)).status).toBe(200);
		after.close();
		console.log(`durability: ${total} answers acknowledged by ${LEARNERS} learners before the kill; all stored, none twice`);
	} finally {
		if (server.child.exitCode === null) server.child.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});
