import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { answer, nextButton } from './bank';
import { openPage, registerAs, startServer, uniqueUsername } from './helpers';

/*
 * What someone running KNM Hub relies on: /healthz, the security headers (static files too), a
 * stop (SIGTERM) that lets the requests in flight finish and closes the database, and a backup
 * taken while learners answer that restores with every acknowledged answer.
 */

const run = promisify(execFile);

test('/healthz answers 200 without a session, and every response carries the security headers', async ({ request }) => {
	const health = await request.get('/healthz');
	expect(health.status()).toBe(200);
	expect(await health.text()).toBe('ok\n');
	expect(health.headers()['cache-control']).toBe('no-store');
	expect(health.headers()['set-cookie']).toBeUndefined();

	const page = await request.get('/');
	const headers = page.headers();
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['cross-origin-opener-policy']).toBe('same-origin');
	expect(headers['permissions-policy']).toContain('camera=()');
	expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	// plain http here: no HSTS (it would lock a school out of a test server without TLS)
	expect(headers['strict-transport-security']).toBeUndefined();
	// a static file, served before SvelteKit runs
	const html = await page.text();
	const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)![0];
	const file = await request.get(asset);
	expect(file.status()).toBe(200);
	expect(file.headers()['x-content-type-options']).toBe('nosniff');
});

test('/healthz says 503 when the migrations are not current; SIGTERM finishes the request in flight, refuses new ones and closes the database', async () => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'knm-ops-'));
	const database = join(dir, 'ops.db');
	const port = 4181;
	const { child, output } = await startServer(port, database);
	try {
		// A migration row missing: not healthy, and healthy again when it is back.
		const db = new Database(database);
		const last = db.prepare('SELECT rowid AS row, hash, created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').get() as { row: number; hash: string; created_at: number };
		db.prepare('DELETE FROM __drizzle_migrations WHERE rowid = ?').run(last.row);
		const down = await fetch(`http://localhost:${port}/healthz`);
		expect(down.status).toBe(503);
		expect(await down.text()).toBe('unavailable\n');
		db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(last.hash, last.created_at);
		db.close();
		expect((await fetch(`http://localhost:${port}/healthz`)).status).toBe(200);

		// A login form posted slowly: half the body, then SIGTERM, then the rest.
		const body = 'username=nobody-here&password=not-the-password';
		const response = new Promise<{ status: number }>((resolve, reject) => {
			const request = http.request(
				{
					port,
					method: 'POST',
					path: '/login',
					headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), origin: `http://localhost:${port}`, accept: 'text/html' }
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve({ status: res.statusCode! }));
				}
			);
			request.on('error', reject);
			request.write(body.slice(0, 20));
			setTimeout(() => {
				child.kill('SIGTERM');
				setTimeout(() => request.end(body.slice(20)), 1_000);
			}, 300);
		});
		const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		// While draining, no new connection is taken.
		await new Promise((resolve) => setTimeout(resolve, 700));
		await expect(fetch(`http://localhost:${port}/healthz`)).rejects.toThrow();
		// The request in flight is answered (a wrong login: 400), not cut off.
		expect((await response).status).toBe(400);
		expect(await exited).toBe(0);
		expect(output()).toContain('KNM Hub stopped.');
		expect(output()).toMatch(/"msg":"database closed"/);
		// The WAL was checkpointed: the database file alone is complete.
		expect(!existsSync(`${database}-wal`) || statSync(`${database}-wal`).size === 0).toBe(true);
		const reopened = new Database(database, { readonly: true });
		expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
		reopened.close();
	} finally {
		if (child.exitCode === null) child.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a backup taken while a learner answers restores with every answer acknowledged before it', async ({ page }) => {
	test.setTimeout(120_000);
	const dir = mkdtempSync(join(tmpdir(), 'knm-backup-'));
	try {
		const username = uniqueUsername('backup');
		await registerAs(page, username);
		await openPage(page, '/practice/session?scope=due');
		const answerOne = async () => {
			await answer(page, true);
			await nextButton(page).click();
		};
		for (let i = 0; i < 5; i++) await answerOne();
		// Acknowledged: the server answered these five posts.
		const backupFile = join(dir, 'copy.db');
		const backup = run(process.execPath, ['scripts/backup.js', backupFile], { env: { ...process.env, DATABASE_URL: process.env.KNM_E2E_DATABASE } });
		// ...and the learner goes on answering while the copy is made.
		for (let i = 0; i < 5; i++) await answerOne();
		const { stdout } = await backup;
		expect(stdout).toMatch(/^Backup written: .*copy\.db \(\d+\.\d MB, \d+ answers\) in \d+ ms\.\n$/);
		expect(existsSync(`${backupFile}.partial`)).toBe(false);

		// Restore: the copy in place of a database, opened as the server opens it.
		const restored = join(dir, 'restored.db');
		copyFileSync(backupFile, restored);
		const db = new Database(restored);
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		const answers = (db.prepare('SELECT count(*) AS n FROM review_log r JOIN user u ON u.id = r.user_id WHERE u.username = ?').get(username) as { n: number }).n;
		expect(answers).toBeGreaterThanOrEqual(5);
		expect(answers).toBeLessThanOrEqual(10);
		db.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
