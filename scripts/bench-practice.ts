// `npm run bench:practice`: the practice benchmark of design.md §7.
//
// 1. Seeds .tmp/bench/bench.db with 10,000 learners × 500 cards and one review-log row per card,
//    reproducibly (a seeded PRNG; BENCH_SEED changes it).
// 2. Times the due-queue queries in process and checks the EXPLAIN QUERY PLAN uses (user_id, state, due).
// 3. Starts the built server on that database and drives it with 50 concurrent simulated learners:
//    first a trivial page (the baseline), then answer cycles as a phone with JavaScript makes them
//    (POST the answer through the enhanced form, GET the data of the feedback URL it redirects to,
//    which also brings the next question; the first question of each round of 10 is a page GET),
//    each for a fixed time.
// 4. Prints p50/p99 latency and requests per second for both, answer cycles per second against
//    trivial pages per second, and one JSON line. BENCH_PROFILE=<dir> makes the server write a CPU
//    profile (node --cpu-prof) when it stops.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { eq, sql } from 'drizzle-orm';
import { seededRandom } from '../src/lib/domain/random';
import { sessionIdFromToken } from '../src/lib/server/auth/session';
import { importContent } from '../src/lib/server/content/import';
import { loadContent } from '../src/lib/server/content/load';
import { openDatabase } from '../src/lib/server/db';
import { DAY_MS as DAY, learnerDay, learnerDayKey } from '../src/lib/domain/learner-day';
import { toSessionUser } from '../src/lib/server/auth/session';
import * as t from '../src/lib/server/db/schema';
import { findDueCandidates, loadExamOutlook, parseScope, progressOverview } from '../src/lib/server/practice';
import { loadExamPlan, savePlanSituation } from '../src/lib/server/plan';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 10_000);
const CARDS_PER_LEARNER = Number(process.env.BENCH_CARDS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 20);
const BASELINE_S = Number(process.env.BENCH_BASELINE_DURATION ?? 10);
const SEED = Number(process.env.BENCH_SEED ?? 20261129);
const PORT = Number(process.env.BENCH_PORT ?? 4310);

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

// ---------------------------------------------------------------- 1. seed
const dir = resolve('.tmp', 'bench');
const dbPath = join(dir, 'bench.db');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const now = new Date();
const random = seededRandom(SEED);
const seedStarted = performance.now();
const db = openDatabase(dbPath);
importContent(db, loadContent(), now);
const sqlite = db.$client;
sqlite.pragma('synchronous = OFF');
const questionIds = (sqlite.prepare('SELECT id FROM question WHERE retired_at IS NULL ORDER BY theme_slug, position').all() as { id: string }[]).map((row) => row.id);
if (questionIds.length < CARDS_PER_LEARNER) throw new Error(`the bank has ${questionIds.length} questions, fewer than ${CARDS_PER_LEARNER}`);

// the users' default day model (user.timezone, user.day_starts_hour)
const AMSTERDAM = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
const insertUser = sqlite.prepare(
	`INSERT INTO user (id, username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, 'bench-no-login', 'learner', ?)`
);
const insertCard = sqlite.prepare(
	`INSERT INTO card (user_id, question_id, due, stability, difficulty, scheduled_days, learning_steps, reps, lapses, state, last_review,
	   last_rating, last_review_day)
	 VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, 2, ?, ?, ?)`
);
const insertLog = sqlite.prepare(
	`INSERT INTO review_log (user_id, question_id, mode, reviewed_at, chosen_option, shown_order, correct, guessed, response_ms, rating,
	  state_before, stability_before, difficulty_before, elapsed_days, predicted_recall, state_after, stability_after, difficulty_after,
	  due_after, desired_retention, scheduler_version, params_hash, timezone)
	 VALUES (?, ?, 'practice', ?, ?, '[0,1,2]', ?, 0, ?, ?, 2, ?, ?, ?, ?, 2, ?, ?, ?, 0.9, 'bench', 'bench', 'Europe/Amsterdam')`
);
const insertSession = sqlite.prepare(`INSERT INTO session (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)`);

const BATCH = 200;
for (let start = 0; start < LEARNERS; start += BATCH) {
	sqlite.transaction(() => {
		for (let u = start; u < Math.min(LEARNERS, start + BATCH); u++) {
			const userId = `bench-${u}`;
			insertUser.run(userId, userId, userId, now.getTime());
			// Each learner has the first CARDS_PER_LEARNER questions of a rotated bank order.
			const offset = Math.floor(random() * questionIds.length);
			for (let c = 0; c < CARDS_PER_LEARNER; c++) {
				const questionId = questionIds[(offset + c) % questionIds.length]!;
				const stability = 0.5 + random() * 120;
				const scheduled = Math.max(1, Math.round(stability * (0.5 + random())));
				const due = now.getTime() + Math.round((random() * 70 - 10) * DAY);
				const lastReview = due - scheduled * DAY;
				const difficulty = 1 + random() * 9;
				const correct = random() < 0.85 ? 1 : 0;
				insertCard.run(userId, questionId, due, stability, difficulty, scheduled, 1 + Math.floor(random() * 12), Math.floor(random() * 3), lastReview,
					correct ? 3 : 1, learnerDay(new Date(lastReview), AMSTERDAM));
				insertLog.run(userId, questionId, lastReview, Math.floor(random() * 3), correct, 2000 + Math.floor(random() * 15000), correct ? 3 : 1,
					stability * 0.8, difficulty, Math.max(0, scheduled - 1), 0.7 + random() * 0.3, stability, difficulty, due);
			}
		}
	})();
}
// Sessions for the simulated learners; the token is known, only its hash is stored. Each of the
// CONCURRENCY clients takes the next learner when one has nothing left to practise today, so there
// are sessions for up to 20 learners per client.
const SESSIONS = Math.min(LEARNERS, CONCURRENCY * 20);
const tokens: string[] = [];
for (let i = 0; i < SESSIONS; i++) {
	const bytes = new Uint8Array(20);
	for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	tokens.push(token);
	insertSession.run(sessionIdFromToken(token), `bench-${i}`, now.getTime() + 30 * DAY, now.getTime());
}
sqlite.pragma('synchronous = NORMAL');
sqlite.exec('ANALYZE');
const seedSeconds = (performance.now() - seedStarted) / 1000;
const counts = sqlite.prepare('SELECT (SELECT count(*) FROM user) AS users, (SELECT count(*) FROM card) AS cards, (SELECT count(*) FROM review_log) AS logs').get() as {
	users: number;
	cards: number;
	logs: number;
};
console.log(`Seeded ${counts.users} learners, ${counts.cards} cards, ${counts.logs} review-log rows in ${seedSeconds.toFixed(1)} s (seed ${SEED}).`);

// ---------------------------------------------------------------- 2. due-queue query
const scope = parseScope('due')!;
const queryTimes: number[] = [];
for (let i = 0; i < 2000; i++) {
	const userId = `bench-${Math.floor(random() * LEARNERS)}`;
	const started = performance.now();
	findDueCandidates(db, userId, now, scope);
	queryTimes.push(performance.now() - started);
}
queryTimes.sort((a, b) => a - b);
// The review-card query of findDueCandidates (the learning-step one has the same shape).
const planRows = db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN
	SELECT card.question_id, card.due, card.state, card.reps FROM card INNER JOIN question ON question.id = card.question_id
	WHERE card.user_id = ${'bench-1'} AND card.state IN (2) AND card.due <= ${now.getTime()} AND question.retired_at IS NULL
	ORDER BY card.due ASC LIMIT 1`);
const plan = planRows.map((row) => row.detail).join(' | ');
const usesIndex = /card USING (COVERING )?INDEX card_user_state_due_idx/.test(plan);
console.log(`Due-queue query: p50 ${percentile(queryTimes, 50).toFixed(3)} ms, p99 ${percentile(queryTimes, 99).toFixed(3)} ms over ${queryTimes.length} learners.`);
console.log(`Query plan: ${plan}`);

// /progress: the overview, readiness (per theme, for the exam day), today's plan and the plan ahead
// (a day-by-day forecast to the exam), in process, for learners a third of whom have an exam date
// 30 days ahead, a third 300 days ahead (the longest forecasts), a third none.
const progressTimes: number[] = [];
const planTimes: number[] = [];
const today = learnerDay(now, AMSTERDAM);
const examDates = [learnerDayKey(today + 30), learnerDayKey(today + 300), null];
for (let i = 0; i < 300; i++) {
	const row = db.select().from(t.user).where(eq(t.user.id, `bench-${Math.floor(random() * LEARNERS)}`)).get()!;
	const user = { ...toSessionUser(row), examDate: examDates[i % 3]! };
	let started = performance.now();
	progressOverview(db, user, now, 'en');
	loadExamOutlook(db, user, now, 'en');
	progressTimes.push(performance.now() - started);
	// /plan: the learner's situation and exams turned into the checklist
	savePlanSituation(db, user, { law: '2021', route: 'b1', deadline: learnerDayKey(today + 400) }, now);
	started = performance.now();
	loadExamPlan(db, user, now, 'nl');
	planTimes.push(performance.now() - started);
}
progressTimes.sort((a, b) => a - b);
planTimes.sort((a, b) => a - b);
console.log(`Progress page (overview + readiness + plan ahead): p50 ${percentile(progressTimes, 50).toFixed(2)} ms, p95 ${percentile(progressTimes, 95).toFixed(2)} ms over ${progressTimes.length} learners.`);
console.log(`Exam plan page (/plan checklist): p50 ${percentile(planTimes, 50).toFixed(2)} ms, p95 ${percentile(planTimes, 95).toFixed(2)} ms over ${planTimes.length} learners.`);
sqlite.close();

// ---------------------------------------------------------------- 3. the server under load
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

function request(method: 'GET' | 'POST', path: string, token: string | null, body?: string, extraHeaders: Record<string, string> = {}) {
	return new Promise<{ status: number; body: string; ms: number; serverMs: number; location: string | null }>((resolveRequest, reject) => {
		const started = performance.now();
		const headers: Record<string, string> = { accept: 'text/html', origin: `http://localhost:${PORT}` };
		if (token) headers.cookie = `knm_session=${token}`;
		Object.assign(headers, extraHeaders);
		if (body !== undefined) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			headers['content-length'] = String(Buffer.byteLength(body));
		}
		const req = http.request({ host: '127.0.0.1', port: PORT, method, path, headers, agent }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const timing = /app;dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''));
				resolveRequest({
					status: res.statusCode ?? 0,
					body: Buffer.concat(chunks).toString('utf8'),
					ms: performance.now() - started,
					serverMs: timing ? Number(timing[1]) : NaN,
					location: typeof res.headers.location === 'string' ? res.headers.location : null
				});
			});
		});
		req.on('error', reject);
		if (body !== undefined) req.write(body);
		req.end();
	});
}

async function waitForServer(): Promise<void> {
	for (let i = 0; i < 600; i++) {
		try {
			const response = await request('GET', '/search', null);
			if (response.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error('the server did not start');
}

interface LoadResult {
	requests: number;
	errors: number;
	latencies: number[];
	seconds: number;
}

async function drive(seconds: number, worker: (index: number, record: (ms: number, ok: boolean) => void) => Promise<void>): Promise<LoadResult> {
	const latencies: number[] = [];
	let errors = 0;
	const deadline = performance.now() + seconds * 1000;
	const record = (ms: number, ok: boolean) => {
		latencies.push(ms);
		if (!ok) errors += 1;
	};
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async (_, index) => {
			while (performance.now() < deadline) await worker(index, record);
		})
	);
	latencies.sort((a, b) => a - b);
	return { requests: latencies.length, errors, latencies, seconds: (performance.now() - started) / 1000 };
}

// BENCH_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_PROFILE)] : [];
const server = spawn(process.execPath, [...profile, 'scripts/start.js'], {
	env: { ...process.env, DATABASE_URL: dbPath, PORT: String(PORT), ORIGIN: `http://localhost:${PORT}`, NODE_ENV: 'production', HOST: '127.0.0.1' },
	stdio: ['ignore', 'ignore', 'inherit'],
	detached: true
});
const stopServer = () => {
	try {
		process.kill(-(server.pid ?? 0), 'SIGTERM');
	} catch {
		// already gone
	}
};
process.on('exit', stopServer);

try {
	await waitForServer();
	// Warm up both paths.
	await drive(2, async () => {
		await request('GET', '/search', null);
	});

	const baselineServerTimes: number[] = [];
	const baseline = await drive(BASELINE_S, async (_index, record) => {
		const response = await request('GET', '/search', null);
		baselineServerTimes.push(response.serverMs);
		record(response.ms, response.status === 200);
	});

	const getTimes: number[] = [];
	const answerServerTimes: number[] = [];
	const feedbackTimes: number[] = [];
	const feedbackServerTimes: number[] = [];
	const cycleTimes: number[] = [];
	const answerRandom = seededRandom(SEED + 1);
	const learnerOf = Array.from({ length: CONCURRENCY }, (_, index) => index);
	let learnersDone = 0;
	// Each client is a phone with JavaScript, as most learners use: the first question of a round
	// is a page (GET, HTML); then each answer is one cycle of the enhanced form: POST the answer
	// (the action answers with a redirect to the feedback's URL), then GET that URL's data
	// (__data.json: the feedback and the next question, which Continue shows without a request).
	// After a round of 10 the learner starts the next round with a page again.
	const TOKEN = /"(([a-z0-9-]{1,40})\.\d{1,6}\.\d{13}\.(?:learning|due|new|mistake)\.[A-Za-z0-9_-]{22})"/;
	const FORM = /name="token" value="([^"]{1,200})"[\s\S]*?name="questionId" value="([^"]+)"/;
	const current: ({ token: string; questionId: string; round: string | null } | null)[] = Array.from({ length: CONCURRENCY }, () => null);
	const answer = await drive(DURATION_S, async (index, record) => {
		const token = tokens[learnerOf[index]! % tokens.length]!;
		let shown = current[index];
		if (!shown) {
			const page = await request('GET', '/practice/session?scope=due', token);
			getTimes.push(page.ms);
			const form = FORM.exec(page.body);
			if (page.status === 200 && !form && page.body.includes('data-testid="practice-done"')) {
				// This learner has done today's work: the client moves on to another learner.
				learnersDone += 1;
				learnerOf[index]! += CONCURRENCY;
				return;
			}
			if (page.status !== 200 || !form) {
				record(page.ms, false);
				return;
			}
			shown = { token: form[1]!, questionId: form[2]!, round: null };
		}
		current[index] = null;
		const body = new URLSearchParams({ token: shown.token, questionId: shown.questionId, choice: String(Math.floor(answerRandom() * 3)) }).toString();
		// The form's action keeps the round, as PracticeQuestion.svelte writes it.
		const action = `/practice/session?scope=due${shown.round ? `&round=${shown.round}` : ''}&/answer`;
		const posted = await request('POST', action, token, body, { 'x-sveltekit-action': 'true', accept: 'application/json' });
		answerServerTimes.push(posted.serverMs);
		const location = /"location":"([^"]+)"/.exec(posted.body)?.[1];
		if (posted.status !== 200 || !location) {
			record(posted.ms, false);
			return;
		}
		const url = new URL(location, 'http://localhost');
		const data = await request('GET', `${url.pathname}/__data.json${url.search}`, token);
		feedbackTimes.push(data.ms);
		feedbackServerTimes.push(data.serverMs);
		cycleTimes.push(posted.ms + data.ms);
		record(posted.ms, data.status === 200 && data.body.includes('"feedback"'));
		// The next question, unless this answer completed the round (its summary comes first).
		const next = TOKEN.exec(data.body);
		if (next && !data.body.includes('"wrongQuestions"')) current[index] = { token: next[1]!, questionId: next[2]!, round: url.searchParams.get('round') };
	});
	feedbackTimes.sort((a, b) => a - b);
	cycleTimes.sort((a, b) => a - b);
	feedbackServerTimes.sort((a, b) => a - b);
	getTimes.sort((a, b) => a - b);
	answerServerTimes.sort((a, b) => a - b);
	baselineServerTimes.sort((a, b) => a - b);
	const serverTime = (times: number[]) => ({ p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) });

	const summarize = (result: LoadResult) => ({
		requests: result.requests,
		errors: result.errors,
		rps: round(result.requests / result.seconds, 1),
		p50Ms: round(percentile(result.latencies, 50)),
		p99Ms: round(percentile(result.latencies, 99))
	});
	const base = summarize(baseline);
	const answerPath = summarize(answer);
	const nextQuestion = { p50Ms: round(percentile(getTimes, 50)), p99Ms: round(percentile(getTimes, 99)) };
	const report = {
		bench: 'practice',
		seed: SEED,
		learners: counts.users,
		cards: counts.cards,
		reviewLogs: counts.logs,
		seedSeconds: round(seedSeconds, 1),
		concurrency: CONCURRENCY,
		durationSeconds: DURATION_S,
		baselineTrivialPage: { ...base, serverTime: serverTime(baselineServerTimes) },
		answerPost: { ...answerPath, serverTime: serverTime(answerServerTimes), learnersDoneForTheDay: learnersDone },
		nextQuestionGet: nextQuestion,
		answerCycle: { p50Ms: round(percentile(cycleTimes, 50)), p99Ms: round(percentile(cycleTimes, 99)) },
		feedbackGet: {
			p50Ms: round(percentile(feedbackTimes, 50)),
			p99Ms: round(percentile(feedbackTimes, 99)),
			serverTime: serverTime(feedbackServerTimes)
		},
		p99RatioAnswerToBaseline: round(answerPath.p99Ms / base.p99Ms),
		rpsRatioAnswerToBaseline: round(answerPath.rps / base.rps),
		dueQueueQuery: { p50Ms: round(percentile(queryTimes, 50), 4), p99Ms: round(percentile(queryTimes, 99), 4), usesUserStateDueIndex: usesIndex, plan },
		progressPage: { p50Ms: round(percentile(progressTimes, 50)), p95Ms: round(percentile(progressTimes, 95)) },
		planPage: { p50Ms: round(percentile(planTimes, 50)), p95Ms: round(percentile(planTimes, 95)) },
		budgets: { answerP99Ms: 20, dueQueueMs: 1, progressPageP95Ms: 30, planPageP95Ms: 30 },
		withinBudget: {
			answerServerP99: percentile(answerServerTimes, 99) <= 20,
			feedbackServerP99: percentile(feedbackServerTimes, 99) <= 20,
			answerRoundTripP99: answerPath.p99Ms <= 20,
			dueQueue: percentile(queryTimes, 99) <= 1 && usesIndex,
			progressPage: percentile(progressTimes, 95) <= 30,
			planPage: percentile(planTimes, 95) <= 30
		}
	};
	console.log(`Baseline (GET /search, trivial page): ${base.rps} req/s, p50 ${base.p50Ms} ms, p99 ${base.p99Ms} ms, errors ${base.errors}`);
	console.log(
		`Answer cycles: ${answerPath.rps}/s; answer POST (grade + schedule, redirect): p50 ${answerPath.p50Ms} ms, p99 ${answerPath.p99Ms} ms, errors ${answerPath.errors}` +
			` (${learnersDone} learners finished the day's practice and were replaced)`
	);
	console.log(
		`Server time (Server-Timing, excludes queueing): answer p50 ${report.answerPost.serverTime.p50Ms} ms, p99 ${report.answerPost.serverTime.p99Ms} ms; ` +
			`baseline p50 ${report.baselineTrivialPage.serverTime.p50Ms} ms, p99 ${report.baselineTrivialPage.serverTime.p99Ms} ms`
	);
	console.log(`Answer cycle (POST + feedback data GET with the next question): p50 ${report.answerCycle.p50Ms} ms, p99 ${report.answerCycle.p99Ms} ms`);
	console.log(`First question of a learner (GET): p50 ${nextQuestion.p50Ms} ms, p99 ${nextQuestion.p99Ms} ms`);
	console.log(
		`Feedback data (GET __data.json, feedback + next question): p50 ${report.feedbackGet.p50Ms} ms, p99 ${report.feedbackGet.p99Ms} ms; ` +
			`server p50 ${report.feedbackGet.serverTime.p50Ms} ms, p99 ${report.feedbackGet.serverTime.p99Ms} ms`
	);
	console.log(`p99 ratio answer/baseline: ${report.p99RatioAnswerToBaseline}`);
	console.log(JSON.stringify(report));
} finally {
	stopServer();
	agent.destroy();
}
// let the server finish (and write its profile) before this process exits
await new Promise((resolveExit) => (server.exitCode !== null ? resolveExit(null) : server.once('exit', resolveExit)));
process.exit(0);
