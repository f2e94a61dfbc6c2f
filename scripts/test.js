#!/usr/bin/env node
// `npm test`: unit tests (vitest) then end-to-end tests (Playwright in real Chromium), ending with
// one plain line "N passed, N failed, N skipped" summed over both, so a run that executed no test
// is visible. Exits non-zero when any test failed or a runner could not run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const out = join(root, '.tmp');
mkdirSync(out, { recursive: true });
const vitestJson = join(out, 'vitest.json');
const playwrightJson = join(out, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

function run(args, env = {}) {
	const result = spawnSync(process.execPath, args, {
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	return result.status ?? 1;
}

function readJson(path) {
	if (!existsSync(path)) return null;
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

// Paraglide's messages are compiled by the Vite plugin; unit tests may import them directly
// (scripts/paraglide.ts: the languages from LANGUAGES, then the compiler).
run([join('node_modules', 'tsx', 'dist', 'cli.mjs'), join('scripts', 'paraglide.ts'), '--silent']);

const unitStatus = run([
	join('node_modules', 'vitest', 'vitest.mjs'),
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${vitestJson}`
]);
const unit = readJson(vitestJson);

const e2eStatus = run(
	[join('node_modules', '@playwright', 'test', 'cli.js'), 'test', '--reporter=list,json'],
	{ PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }
);
const e2e = readJson(playwrightJson);

let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
	passed += unit.numPassedTests ?? 0;
	failed += unit.numFailedTests ?? 0;
	skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
	console.error('Unit tests did not report results.');
}
if (e2e?.stats) {
	passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
	failed += e2e.stats.unexpected ?? 0;
	skipped += e2e.stats.skipped ?? 0;
} else {
	console.error('End-to-end tests did not report results.');
}

const ok = unitStatus === 0 && e2eStatus === 0 && unit !== null && e2e !== null && failed === 0;
console.log(`\nunit: ${unitStatus === 0 ? 'ok' : 'failed'}, end-to-end: ${e2eStatus === 0 ? 'ok' : 'failed'}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(ok ? 0 : 1);
