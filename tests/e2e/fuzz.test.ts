import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { registerAs, startMockExam, uniqueUsername } from './helpers';

/*
 * A fuzz test over every form action of the app, found by reading src/routes (a new action is
 * fuzzed without anyone listing it): malformed bodies, wrong content types, huge and
 * control-character fields, bad percent-encoding, odd action names, and odd return paths, as a
 * visitor, a learner and a teacher, on real ids (the learner's running exam, the teacher's class,
 * set and own question). Whatever comes back must be below 500.
 */

const ROUTES = 'src/routes';

function listFormActions(): { route: string; actions: string[] }[] {
	const found: { route: string; actions: string[] }[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name === '+page.server.ts') {
				const text = readFileSync(path, 'utf8');
				const start = text.indexOf('export const actions');
				if (start < 0) continue;
				const actions = [...text.slice(start).matchAll(/^\t([A-Za-z]+): (?:async )?\(/gm)].map((match) => match[1]!);
				found.push({ route: `/${relative(ROUTES, dir)}`.replace(/\/$/, '') || '/', actions });
			}
		}
	};
	walk(ROUTES);
	return found;
}

const FIELDS = ['username', 'password', 'currentPassword', 'newPassword', 'displayName', 'examDate', 'law', 'route', 'deadline', 'status-knm', 'date-knm', 'result', 'name', 'titleNl', 'title', 'classId', 'setId', 'taskId', 'userId', 'questionId', 'token', 'choice', 'responseMs', 'code', 'redirectTo', 'opensOn', 'dueOn', 'goal', 'position', 'theme', 'dailyCap', 'timezone', 'question_nl', 'option_a_nl', 'option_b_nl', 'option_c_nl', 'correct', 'explanation_nl', 'eindterm', 'guide', 'source_url', 'importId', 'file'];

/** The bodies each action gets. */
function payloads(origin: string): { name: string; headers: Record<string, string>; data: string | Buffer }[] {
	const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
	const headers = (type: string) => ({ 'content-type': type, origin, accept: 'text/html' });
	return [
		{ name: 'broken multipart', headers: headers('multipart/form-data; boundary=knm'), data: '--knm\r\nContent-Disposition: form-da' },
		{ name: 'multipart without boundary', headers: headers('multipart/form-data'), data: 'a=b' },
		{ name: 'text/plain', headers: headers('text/plain'), data: 'choice=1' },
		{ name: 'json', headers: headers('application/json'), data: '{"username":["a"],"choice":{"x":1}}' },
		{ name: 'bad percent-encoding', headers: headers('application/x-www-form-urlencoded'), data: 'username=%E0%A4%A&password=%&choice=%ZZ' },
		{ name: 'control characters', headers: headers('application/x-www-form-urlencoded'), data: form(Object.fromEntries(FIELDS.map((field) => [field, '\u0000\u0007\u001b[2J\u202e\ud800']))) },
		{ name: 'huge fields', headers: headers('application/x-www-form-urlencoded'), data: form(Object.fromEntries(FIELDS.map((field) => [field, `${'x'.repeat(12_000)}\u0000`]))) },
		{ name: 'repeated fields', headers: headers('application/x-www-form-urlencoded'), data: Array.from({ length: 2_000 }, (_, i) => `choice=${i}&setId=${i}`).join('&') },
		{ name: 'empty body', headers: headers('application/x-www-form-urlencoded'), data: '' },
		{ name: 'binary', headers: headers('application/octet-stream'), data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 97) % 256)) }
	];
}

const ODD_NAMES = ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'toString', 'default', '', '%00', 'a/b', 'x'.repeat(300)];

/**
 * Log-in and sign-up count failed attempts per address (all tests come from 127.0.0.1; 100 in 15
 * minutes), so they are fuzzed once, by the visitor, with fewer return paths posted than fetched.
 */
const SIGNED_OUT_FORMS = ['/login', '/register'];

async function fuzz(request: APIRequestContext, origin: string, ids: Record<string, string>, signedIn: boolean, only?: string): Promise<string[]> {
	const failures: string[] = [];
	const post = async (url: string, body: { name: string; headers: Record<string, string>; data: string | Buffer }) => {
		const response = await request.post(url, { headers: body.headers, data: body.data, maxRedirects: 0, failOnStatusCode: false });
		if (response.status() >= 500) failures.push(`${response.status()} ${url} (${body.name})`);
	};
	for (const { route, actions } of listFormActions()) {
		if ((signedIn && SIGNED_OUT_FORMS.includes(route)) || (only !== undefined && route !== only)) continue;
		const path = route.replace(/\[(\w+)\]/g, (_, param: string) => ids[param] ?? 'a'.repeat(32));
		for (const action of actions) {
			const url = action === 'default' ? path : `${path}?/${action}`;
			for (const body of payloads(origin)) await post(url, body);
		}
		for (const name of ODD_NAMES) await post(`${path}?/${encodeURIComponent(name).replace('%2F', '/')}`, payloads(origin)[5]!);
	}
	if (only !== undefined) return failures;
	// return paths, on the forms that take one
	const returnPaths = ['/%01', '/%7f', '//evil.example', '/\\evil.example', 'https://evil.example', '/%E2%80%AE', '/привет', `/${'a'.repeat(5000)}`];
	for (const [index, redirectTo] of returnPaths.entries()) {
		for (const path of SIGNED_OUT_FORMS) {
			const response = await request.get(`${path}?redirectTo=${encodeURIComponent(redirectTo)}`, { maxRedirects: 0, failOnStatusCode: false });
			if (response.status() >= 500) failures.push(`${response.status()} GET ${path}?redirectTo=${redirectTo}`);
			if (signedIn || index % 2 === 1) continue;
			await post(`${path}?redirectTo=${encodeURIComponent(redirectTo)}`, {
				name: 'redirectTo',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'text/html' },
				data: new URLSearchParams({ username: 'nobody-fuzz', password: 'not the password', redirectTo }).toString()
			});
		}
	}
	return failures;
}

async function makeClassAndSet(page: Page): Promise<Record<string, string>> {
	await page.goto('/teach');
	await page.getByLabel('Name of the class').fill('Fuzzklas');
	await page.getByRole('button', { name: 'Make the class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class: Fuzzklas');
	const classId = /\/teach\/classes\/([^/?]+)/.exec(page.url())![1]!;
	const code = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname.split('/').at(-1)!;
	await page.goto('/teach/sets');
	await page.getByLabel('Title in Dutch').fill('Fuzzset');
	await page.getByRole('button', { name: 'Make the set' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question set: Fuzzset');
	const setId = /\/teach\/sets\/([^/?]+)/.exec(page.url())![1]!;
	await page.goto('/teach/questions/new');
	await page.getByLabel('Question (Dutch)').fill('Wie maakt de stoep schoon?');
	for (const [letter, text] of [['A', 'De gemeente'], ['B', 'De provincie'], ['C', 'Het waterschap']]) await page.getByLabel(`Answer ${letter} (Dutch)`).fill(text!);
	await page.getByRole('radio', { name: 'A' }).check();
	await page.getByLabel('Explanation (Dutch)').fill('De gemeente doet dit.');
	await page.getByLabel('Eindterm').selectOption('3.1');
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page).toHaveURL(/\/teach\/questions\/own-/);
	const questionId = /\/teach\/questions\/([^/?]+)/.exec(page.url())![1]!;
	return { id: classId, code, setId, questionId };
}

test('every form action survives malformed bodies, odd names and odd return paths: no 5xx for a visitor, a learner or a teacher', async ({ page, browser, baseURL, playwright }) => {
	test.setTimeout(240_000);
	const actions = listFormActions();
	expect(actions.length).toBeGreaterThanOrEqual(15);
	expect(actions.reduce((n, entry) => n + entry.actions.length, 0)).toBeGreaterThanOrEqual(30);

	const visitor = await playwright.request.newContext({ baseURL });
	expect(await fuzz(visitor, baseURL!, {}, false)).toEqual([]);
	await visitor.dispose();

	await registerAs(page, uniqueUsername('fuzzlearner'));
	const examId = await startMockExam(page);
	expect(await fuzz(page.request, baseURL!, { id: examId, code: 'BCDFGHJK' }, true)).toEqual([]);

	const teacherContext = await browser.newContext();
	const teacher = await teacherContext.newPage();
	await registerAs(teacher, uniqueUsername('fuzzteacher'), 'teacher');
	const ids = await makeClassAndSet(teacher);
	// [id] is the class for the class pages; the set page is fuzzed again with the set's id
	const failures = await fuzz(teacher.request, baseURL!, ids, true);
	const setFailures = await fuzz(teacher.request, baseURL!, { ...ids, id: ids.setId! }, true, '/teach/sets/[id]');
	const questionFailures = await fuzz(teacher.request, baseURL!, { ...ids, id: ids.questionId! }, true, '/teach/questions/[id]');
	expect([...failures, ...setFailures, ...questionFailures]).toEqual([]);
	await teacherContext.close();
});
