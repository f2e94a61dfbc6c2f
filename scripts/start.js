#!/usr/bin/env node
// `npm start`: build the app when its sources changed, then serve it on the embedded SQLite
// database. The server itself migrates the database and imports the content at start-up
// (src/hooks.server.ts), and refuses to start on invalid content. Settings (environment): PORT,
// HOST, ORIGIN, DATABASE_URL, CONTENT_ROOT, SHUTDOWN_TIMEOUT, LOG_LEVEL, BODY_SIZE_LIMIT, and adapter-node's
// PROTOCOL_HEADER / HOST_HEADER / ADDRESS_HEADER / XFF_DEPTH behind a proxy (docs/operations.md).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/** Everything `vite build` reads; content files are read at run time, so they are not listed. */
const BUILD_INPUTS = [
	'src',
	'build-tools',
	'static',
	'messages',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json',
	'package.json',
	'package-lock.json'
];
const GENERATED = [join('src', 'lib', 'paraglide')];
const STAMP = join('build', '.source-hash');

function listFiles(path) {
	if (!existsSync(path)) return [];
	if (GENERATED.some((dir) => path === dir)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => listFiles(join(path, name)));
}

function hashSources() {
	const hash = createHash('sha256');
	for (const file of BUILD_INPUTS.flatMap(listFiles)) {
		hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
	}
	return hash.digest('hex');
}

// A container image ships the build without the sources: serve what is there.
const hasSources = existsSync('src') && existsSync(join('node_modules', 'vite'));
const sourceHash = hasSources ? hashSources() : null;
const builtHash = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (!existsSync(join('build', 'handler.js')) && !hasSources) {
	console.error('There is no build and no source to build it from.');
	process.exit(1);
}
if (hasSources && (!existsSync(join('build', 'handler.js')) || builtHash !== sourceHash)) {
	console.log('Building KNM Hub (first start or changed sources)…');
	const started = Date.now();
	const build = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8',
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (build.status !== 0) {
		// Vite's output is only shown when the build fails; a good build prints one line.
		console.error(build.stdout, build.stderr);
		console.error('The build failed; see the messages above.');
		process.exit(build.status ?? 1);
	}
	writeFileSync(STAMP, `${sourceHash}\n`);
	console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

// Production unless a test run says otherwise (the test clock refuses to run in production).
process.env.NODE_ENV ??= 'production';
process.env.PORT ??= '3000';
process.env.DATABASE_URL ??= join('data', 'knm-hub.db');
// adapter-node needs to know its own address, or form posts are refused as cross-site.
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// Request bodies up to 4 MB (adapter-node's default is 512 kB): a teacher's CSV upload may be
// 1 MB, and the import answers a larger one with its own message (lib/server/teach/question-import.ts).
process.env.BODY_SIZE_LIMIT ??= '4M';

// The app's request handler (adapter-node's build/handler.js: static files, then SvelteKit) in a
// plain Node server, so that every response, static files included, says nosniff, and a stop
// (SIGTERM from Docker or systemd, Ctrl+C) drains: no new connections, the requests in flight
// finish (at most SHUTDOWN_TIMEOUT seconds, default 10), then the app closes the database.
const { handler } = await import(pathToFileURL(join(root, 'build', 'handler.js')).href);
const server = http.createServer((req, res) => {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	// A response sent before the request body was read (a redirect to log in, a refusal) ends the
	// connection: the unread body would otherwise break the next request on it (ECONNRESET).
	const writeHead = res.writeHead;
	res.writeHead = function (...args) {
		if (!req.complete) res.setHeader('Connection', 'close');
		return writeHead.apply(this, args);
	};
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 10);
let stopping = false;
function stop(reason) {
	if (stopping) return;
	stopping = true;
	console.log(`Stopping (${reason}): finishing the requests in flight…`);
	server.close(() => {
		// the app's hook closes the database (src/hooks.server.ts)
		process.emit('sveltekit:shutdown', reason);
		console.log('KNM Hub stopped.');
	});
	server.closeIdleConnections();
	// a keep-alive connection that finishes its request is closed at once
	server.on('request', (_req, res) => res.on('finish', () => server.closeIdleConnections()));
	setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

server.listen(Number(process.env.PORT), process.env.HOST ?? '0.0.0.0', () => {
	console.log(`\nKNM Hub is running. Open ${process.env.ORIGIN} in your browser.`);
	console.log(`Database: ${process.env.DATABASE_URL}. Stop with Ctrl+C.\n`);
});
