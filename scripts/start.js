#!/usr/bin/env node
// `npm start`: build the app when its sources changed, then serve it on the embedded SQLite
// database. The server itself migrates the database and imports the content at start-up
// (src/hooks.server.ts), and refuses to start on invalid content.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

/** Everything `vite build` reads; content files are read at run time, so they are not listed. */
const BUILD_INPUTS = [
	'src',
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

const sourceHash = hashSources();
const builtHash = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
if (!existsSync(join('build', 'index.js')) || builtHash !== sourceHash) {
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

await import(pathToFileURL(join(root, 'build', 'index.js')).href);
console.log(`\nKNM Hub is running. Open ${process.env.ORIGIN} in your browser.`);
console.log(`Database: ${process.env.DATABASE_URL}. Stop with Ctrl+C.\n`);
