// Simulated learners for the load benchmark (scripts/bench-load.ts) and the durability test
// (tests/e2e/durability.test.ts): accounts with a session written straight into the database,
// and an HTTP client that answers the scheduled queue's question as a browser form would.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import http from 'node:http';

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** `count` learners, each with a session valid for a day; returns their ids and session tokens. */
export function seedLearners(db: Database.Database, count: number, prefix: string, random: () => number): { id: string; token: string }[] {
	const learners: { id: string; token: string }[] = [];
	const now = Date.now();
	const user = db.prepare(`INSERT INTO user (id, username, username_key, username_skeleton, password_hash, role, created_at) VALUES (?, ?, ?, ?, 'x', 'learner', ?)`);
	const session = db.prepare('INSERT INTO session (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)');
	db.transaction(() => {
		for (let i = 0; i < count; i++) {
			const id = `${prefix}${String(i).padStart(32 - prefix.length, '0')}`;
			const token = Array.from({ length: 32 }, () => TOKEN_ALPHABET[Math.floor(random() * 32)]).join('');
			user.run(id, `${prefix}${i}`, `${prefix}${i}`, `${prefix}${i}`, now);
			session.run(createHash('sha256').update(token).digest('hex'), id, now + 86_400_000, now);
			learners.push({ id, token });
		}
	})();
	return learners;
}

export interface LearnerClient {
	/** GET the learner's scheduled question and POST an answer; null when there was no question. */
	answer(token: string, choice: number, timing?: { posted?: (ms: number) => void }): Promise<{ status: number } | null>;
	get(path: string, token: string): Promise<{ status: number; body: string }>;
	close(): void;
}

export function learnerClient(port: number, maxSockets = 512): LearnerClient {
	const agent = new http.Agent({ keepAlive: true, maxSockets });
	const call = (method: 'GET' | 'POST', path: string, token: string, body?: string) =>
		new Promise<{ status: number; body: string }>((resolve, reject) => {
			const headers: Record<string, string> = { cookie: `knm_session=${token}`, accept: 'text/html', origin: `http://localhost:${port}` };
			if (body !== undefined) {
				headers['content-type'] = 'application/x-www-form-urlencoded';
				headers['content-length'] = String(Buffer.byteLength(body));
			}
			const request = http.request({ host: '127.0.0.1', port, method, path, headers, agent }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
				response.on('error', reject);
			});
			request.on('error', reject);
			request.end(body);
		});
	return {
		async answer(token, choice, timing) {
			const page = await call('GET', '/practice/session?scope=due', token);
			const form = /name="token" value="([^"]{1,200})"[\s\S]*?name="questionId" value="([^"]+)"/.exec(page.body);
			if (page.status !== 200 || !form) return null;
			const body = new URLSearchParams({ token: form[1]!, questionId: form[2]!, choice: String(choice) }).toString();
			const started = performance.now();
			const posted = await call('POST', '/practice/session?scope=due&/answer', token, body);
			timing?.posted?.(performance.now() - started);
			return { status: posted.status };
		},
		get: (path, token) => call('GET', path, token),
		close: () => agent.destroy()
	};
}
