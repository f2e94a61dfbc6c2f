// `npm run bench:load`: an open-loop load test of the answer path (issue: capacity).
//
// 2,000 simulated learners (BENCH_LOAD_LEARNERS) who each answer about once every 10 seconds:
// answers arrive as a Poisson process at 200 a second (BENCH_LOAD_RATE) for 60 seconds
// (BENCH_LOAD_SECONDS), whatever the server's speed (open loop: a slow server gets a queue, not
// fewer requests). Each arrival is one answer cycle: GET the learner's question, POST the answer.
// Prints round-trip p50/p95/p99 of the POST and of the whole cycle, errors, the achieved rate, and
// the server process's CPU time and peak memory (from /proc), then one JSON line.
// BENCH_LOAD_PROFILE=<dir> makes the server write a CPU profile (node --cpu-prof) when it stops.
// Needs the built app (npm run build, or one `npm start`).
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src/lib/domain/random';
import { learnerClient, seedLearners } from './load-client';

const LEARNERS = Number(process.env.BENCH_LOAD_LEARNERS ?? 2000);
const RATE = Number(process.env.BENCH_LOAD_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const PORT = Number(process.env.BENCH_LOAD_PORT ?? 4320);
const random = seededRandom(Number(process.env.BENCH_SEED ?? 20261201));

const dir = resolve('.tmp', 'bench-load');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const database = join(dir, 'load.db');

function percentile(sorted: number[], p: number): number {
	return sorted.length === 0 ? NaN : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN);
}

// BENCH_LOAD_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops.
const profile = process.env.BENCH_LOAD_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.BENCH_LOAD_PROFILE)] : [];
const server = spawn(process.execPath, [...profile, 'scripts/start.js'], {
	env: { ...process.env, PORT: String(PORT), ORIGIN: `http://localhost:${PORT}`, DATABASE_URL: database, LOG_LEVEL: 'silent' },
	stdio: ['ignore', 'ignore', 'inherit']
});
const stop = () => server.exitCode === null && server.kill('SIGTERM');
process.on('exit', stop);

const client = learnerClient(PORT);

async function waitForServer(): Promise<void> {
	for (let i = 0; i < 600; i++) {
		const up = await fetch(`http://localhost:${PORT}/healthz`).then(
			(response) => response.ok,
			() => false
		);
		if (up) return;
		await new Promise((resolveWait) => setTimeout(resolveWait, 250));
	}
	throw new Error('the server did not start');
}

/** utime + stime (ms) and peak resident memory (MB) of the server process. */
function processStats(pid: number): { cpuMs: number; peakMb: number } {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	const ticks = Number(stat[11]) + Number(stat[12]);
	const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return { cpuMs: (ticks * 1000) / 100, peakMb: hwm ? Number(hwm[1]) / 1024 : NaN };
}

await waitForServer();
// The learners, each with a session, written into the database the server has just made.
const db = new Database(database);
const tokens = seedLearners(db, LEARNERS, 'load', random).map((learner) => learner.token);
db.close();

const busy = new Set<number>();
const postTimes: number[] = [];
const cycleTimes: number[] = [];
let errors = 0;
let skipped = 0;
async function answerOnce(learner: number): Promise<void> {
	busy.add(learner);
	const token = tokens[learner]!;
	const started = performance.now();
	try {
		const posted = await client.answer(token, Math.floor(random() * 3), { posted: (ms) => postTimes.push(ms) });
		if (posted === null || posted.status !== 303) errors += 1;
		else cycleTimes.push(performance.now() - started);
	} catch {
		errors += 1;
	} finally {
		busy.delete(learner);
	}
}

const before = processStats(server.pid!);
const started = performance.now();
const pending: Promise<void>[] = [];
let arrivals = 0;
let next = 0;
// Poisson arrivals: exponential gaps with mean 1/RATE seconds, on an absolute timeline.
while (next < SECONDS * 1000) {
	next += (-Math.log(1 - random()) / RATE) * 1000;
	const wait = started + next - performance.now();
	if (wait > 1) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
	let learner = Math.floor(random() * LEARNERS);
	for (let tries = 0; busy.has(learner) && tries < 10; tries++) learner = Math.floor(random() * LEARNERS);
	if (busy.has(learner)) {
		skipped += 1;
		continue;
	}
	arrivals += 1;
	pending.push(answerOnce(learner));
}
await Promise.all(pending);
const elapsed = (performance.now() - started) / 1000;
const after = processStats(server.pid!);
stop();
client.close();
// let the server finish (and write its profile) before this process exits
await new Promise((resolveExit) => (server.exitCode !== null ? resolveExit(null) : server.once('exit', resolveExit)));

postTimes.sort((a, b) => a - b);
cycleTimes.sort((a, b) => a - b);
const cpuShare = (after.cpuMs - before.cpuMs) / 1000 / elapsed;
const report = {
	bench: 'load',
	learners: LEARNERS,
	rate: RATE,
	seconds: SECONDS,
	arrivals,
	skippedBusyLearner: skipped,
	achievedPerSecond: Number((arrivals / elapsed).toFixed(1)),
	errors,
	answerPost: { p50Ms: Number(percentile(postTimes, 50).toFixed(2)), p95Ms: Number(percentile(postTimes, 95).toFixed(2)), p99Ms: Number(percentile(postTimes, 99).toFixed(2)) },
	answerCycle: { p50Ms: Number(percentile(cycleTimes, 50).toFixed(2)), p95Ms: Number(percentile(cycleTimes, 95).toFixed(2)), p99Ms: Number(percentile(cycleTimes, 99).toFixed(2)) },
	server: { cpuCoresUsed: Number(cpuShare.toFixed(2)), peakMemoryMb: Number(after.peakMb.toFixed(1)) },
	goal: { p99RoundTripMs: 100, errors: 0 },
	goalMet: percentile(postTimes, 99) <= 100 && errors === 0
};
console.log(`Open loop: ${arrivals} answers from ${LEARNERS} learners at ${report.achievedPerSecond}/s (Poisson, target ${RATE}/s) for ${SECONDS} s; ${errors} errors.`);
console.log(`Answer POST round trip: p50 ${report.answerPost.p50Ms} ms, p95 ${report.answerPost.p95Ms} ms, p99 ${report.answerPost.p99Ms} ms.`);
console.log(`Answer cycle (GET question + POST answer): p50 ${report.answerCycle.p50Ms} ms, p95 ${report.answerCycle.p95Ms} ms, p99 ${report.answerCycle.p99Ms} ms.`);
console.log(`Server: ${report.server.cpuCoresUsed} CPU cores busy on average, peak memory ${report.server.peakMemoryMb} MB. Goal (p99 ≤ 100 ms, no errors): ${report.goalMet ? 'met' : 'not met'}.`);
console.log(JSON.stringify(report));
process.exit(0);
