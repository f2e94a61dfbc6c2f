import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logInUser, registerUser } from '../accounts';
import { openDatabase } from '../db';
import { limiterFor } from './limiter-store';

const NOW = new Date('2026-12-01T09:00:00Z');
const MINUTE = 60_000;
const PASSWORD = 'fiets regen koffie';

describe('limiters kept in SQLite', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});

	it('a restart is not a reset: a locked username stays locked on a newly opened database', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'knm-limits-'));
		dirs.push(dir);
		const path = join(dir, 'limits.db');
		const before = openDatabase(path);
		expect((await registerUser(before, { username: 'rustam', password: PASSWORD, role: 'learner' }, '203.0.113.1', NOW)).ok).toBe(true);
		for (let i = 0; i < 10; i++) await logInUser(before, { username: 'rustam', password: `guess ${i}` }, '198.51.100.9', NOW);
		before.$client.close();

		const after = openDatabase(path);
		expect(await logInUser(after, { username: 'rustam', password: PASSWORD }, '198.51.100.9', new Date(NOW.getTime() + MINUTE))).toMatchObject({
			ok: false,
			problem: 'rate_limited',
			retryAt: new Date(NOW.getTime() + 15 * MINUTE)
		});
		expect((await logInUser(after, { username: 'rustam', password: PASSWORD }, '198.51.100.9', new Date(NOW.getTime() + 15 * MINUTE + 1))).ok).toBe(true);
		after.$client.close();
	});

	it('an attempt given back (it succeeded) is gone from the table: a hundred good log-ins lock nobody out', () => {
		const db = openDatabase(':memory:');
		const limiter = limiterFor(db, 'login-ip', { max: 3, windowMs: 15 * MINUTE });
		for (let i = 0; i < 100; i++) {
			expect(limiter.take('school', NOW.getTime() + i)).toEqual({ allowed: true });
			limiter.release('school', NOW.getTime() + i);
		}
		expect(limiter.check('school', NOW.getTime() + 100)).toEqual({ allowed: true });
		limiter.take('school', NOW.getTime() + 101);
		limiter.take('school', NOW.getTime() + 102);
		limiter.release('school', NOW.getTime() + 101);
		expect(JSON.parse((db.$client.prepare('SELECT failures FROM rate_limit').get() as { failures: string }).failures)).toEqual([NOW.getTime() + 102]);
	});

	it('keeps the table bounded: expired keys are swept, and past the cap the least recently failed go first', () => {
		const db = openDatabase(':memory:');
		const limiter = limiterFor(db, 'test', { max: 2, windowMs: MINUTE, maxKeys: 3 });
		for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) limiter.recordFailure(key, NOW.getTime() + i);
		// 'a' failed longest ago and went when 'd' came
		expect(limiter.activeKeys(NOW.getTime() + 10)).toEqual(['b', 'c', 'd']);
		limiter.recordFailure('b', NOW.getTime() + 20);
		expect(limiter.activeKeys(NOW.getTime() + 30)).toEqual(['c', 'd', 'b']);
		expect(limiter.check('b', NOW.getTime() + 30)).toEqual({ allowed: false, retryAt: NOW.getTime() + 1 + MINUTE });
		// a minute later only b's second failure is inside the window
		expect(limiter.activeKeys(NOW.getTime() + MINUTE + 10)).toEqual(['b']);
		expect(limiter.check('b', NOW.getTime() + MINUTE + 10)).toEqual({ allowed: true });
		expect((db.$client.prepare('SELECT count(*) AS n FROM rate_limit').get() as { n: number }).n).toBe(1);
		// another database, another table
		expect(limiterFor(openDatabase(':memory:'), 'test', { max: 2, windowMs: MINUTE }).check('b', NOW.getTime())).toEqual({ allowed: true });
	});
});
