import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, defineConfig } from '@playwright/test';

/**
 * Which Chromium to drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own
 * download. Without any of them the run stops with a message that says how to get one.
 */
function findChromium(): string | undefined {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
		return fromEnv;
	}
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	let bundled: string | undefined;
	try {
		bundled = chromium.executablePath();
	} catch {
		bundled = undefined;
	}
	if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own browser
	throw new Error(
		'No Chromium browser found for the end-to-end tests.\n' +
			'  On Debian or Ubuntu: sudo apt-get install -y chromium   (it installs /usr/bin/chromium)\n' +
			'  Anywhere else:       npx playwright install chromium\n' +
			'  Or point CHROMIUM_PATH at a Chrome or Chromium binary.'
	);
}

const PORT = 4173;
// One fresh database per run, shared by the web server and every worker (they inherit env).
process.env.KNM_E2E_DATABASE ??= join(mkdtempSync(join(tmpdir(), 'knm-hub-e2e-')), 'e2e.db');

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'off',
		launchOptions: {
			executablePath: findChromium(),
			args: [
				'--no-sandbox',
				'--headless',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: 'node scripts/start.js',
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: process.env.KNM_E2E_DATABASE,
			// The test-only clock (a cookie shifts "now"); the server refuses it under NODE_ENV=production.
			NODE_ENV: 'test',
			KNM_TEST_CLOCK: '1'
		}
	}
});
