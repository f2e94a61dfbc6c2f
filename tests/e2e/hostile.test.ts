import { expect, test } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { registerAs, uniqueUsername } from './helpers';

/*
 * Hostile bodies on the actions a learner uses: a body that is not a readable form, a content
 * type that is not a form, a huge field. Each gets a 4xx, never a 5xx, and writes nothing.
 */

const ORIGIN = 'http://localhost:4173';
const broken = { 'content-type': 'multipart/form-data; boundary=knm', origin: ORIGIN, accept: 'text/html' };

const signedOutActions = ['/register', '/login'];
const learnerActions = [
	'/practice?/examDate',
	'/practice/session?scope=due&/answer',
	'/account?/settings',
	'/account?/password',
	'/plan?/situation',
	'/plan?/exams'
];

async function attack(page: Page, path: string): Promise<void> {
	const post = (options: Parameters<APIRequestContext['post']>[1]) => page.request.post(path, { ...options, maxRedirects: 0 });
	const cut = await post({ headers: broken, data: '--knm\r\nContent-Disposition: form-da' });
	expect(cut.status(), `${path} with a broken multipart body`).toBe(400);
	const text = await post({ headers: { 'content-type': 'text/plain', origin: ORIGIN, accept: 'text/html' }, data: 'choice=1' });
	expect(text.status(), `${path} with text/plain`).toBeGreaterThanOrEqual(400);
	expect(text.status(), `${path} with text/plain`).toBeLessThan(500);
	const huge = await post({
		form: { token: 'x'.repeat(200_000), questionId: 'wo-001\u0000', choice: '1', username: 'a'.repeat(100_000), password: 'b'.repeat(100_000), examDate: '\u0007'.repeat(1000) },
		headers: { origin: ORIGIN, accept: 'text/html' }
	});
	expect(huge.status(), `${path} with huge and control-character fields`).toBeGreaterThanOrEqual(400);
	expect(huge.status(), `${path} with huge and control-character fields`).toBeLessThan(500);
}

test('broken bodies, wrong content types and huge fields get a 4xx on every learner action', async ({ page }) => {
	for (const path of signedOutActions) await attack(page, path);
	await registerAs(page, uniqueUsername('hostile'));
	const progress = async () => (await page.request.get('/progress')).text();
	const before = await progress();
	for (const path of learnerActions) await attack(page, path);
	// The same on a running mock exam.
	await page.goto('/exam');
	await page.getByRole('button', { name: 'Start a practice exam' }).click();
	await expect(page.getByTestId('exam-position')).toBeVisible();
	const exam = new URL(page.url()).pathname;
	for (const path of [`${exam}?/save`, `${exam}/overview?/handIn`]) {
		const cut = await page.request.post(path, { headers: broken, data: '--knm\r\nbroken', maxRedirects: 0 });
		expect(cut.status(), `${path} with a broken multipart body`).toBe(400);
	}
	expect(await progress()).toBe(before);
});

test('broken bodies, wrong content types and huge fields get a 4xx on every teacher action, and on joining', async ({ page, browser, baseURL }) => {
	test.setTimeout(90_000);
	await registerAs(page, uniqueUsername('hostileteacher'), 'teacher');
	await page.goto('/teach');
	await page.getByLabel('Name of the class').fill('Aanvalsklas');
	await page.getByRole('button', { name: 'Make the class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class: Aanvalsklas');
	const classPath = new URL(page.url()).pathname;
	const joinPath = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname;
	await page.goto('/teach/sets');
	await page.getByLabel('Title in Dutch').fill('Aanvalsset');
	await page.getByRole('button', { name: 'Make the set' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question set: Aanvalsset');
	const setPath = new URL(page.url()).pathname;
	const classPage = async () => (await page.request.get(classPath)).text();
	const before = await classPage();
	for (const path of [
		'/teach?/createClass',
		'/teach/sets?/create',
		'/teach/sets?/duplicate',
		`${setPath}?/rename`,
		`${setPath}?/add`,
		`${classPath}?/createTask`,
		`${classPath}?/createExamTask`,
		`${classPath}?/deleteTask`,
		`${classPath}?/remove`,
		'/teach/questions/new?/save',
		'/teach/questions/import?/check',
		'/teach/questions/import?/confirm'
	]) {
		await attack(page, path);
	}
	// No own question was written either.
	await page.goto('/teach/questions');
	await expect(page.getByText('You have not written any questions yet.')).toBeVisible();
	// Nothing was written to the class.
	expect((await classPage()).replace(/name="[^"]*" value="[^"]*"/g, '')).toBe(before.replace(/name="[^"]*" value="[^"]*"/g, ''));
	const learner = await (await browser.newContext({ baseURL })).newPage();
	await registerAs(learner, uniqueUsername('hostilejoiner'));
	await attack(learner, '/account?/leaveClass');
	// Joining reads no field (the code is in the path): only the body itself can be wrong.
	const join = `${joinPath}?/join`;
	expect((await learner.request.post(join, { headers: broken, data: '--knm\r\nbroken', maxRedirects: 0 })).status()).toBe(400);
	const text = await learner.request.post(join, { headers: { 'content-type': 'text/plain', origin: ORIGIN, accept: 'text/html' }, data: 'x', maxRedirects: 0 });
	expect(text.status()).toBeGreaterThanOrEqual(400);
	expect(text.status()).toBeLessThan(500);
	// ...and the learner is in no class.
	await learner.goto('/account');
	await expect(learner.getByText('Aanvalsklas')).toHaveCount(0);
});

test('odd action names, odd return paths and a Cyrillic name in the download never give a 5xx', async ({ page }) => {
	// Action names that are Object.prototype properties, or default where actions are named: 404.
	for (const name of ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'default']) {
		const response = await page.request.post(`/practice?/${name}`, { form: { x: '1' }, headers: { origin: ORIGIN, accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status(), name).toBe(404);
	}
	// A return path with control characters or letters beyond Latin-1 falls back to "/".
	// one alphabet only (look-alike rule): Cyrillic letters and digits
	const username = `олена-${String(Date.now()).slice(-8)}-${process.pid}`;
	await registerAs(page, username);
	for (const path of ['/%01', '/%7F', '/%D0%B6']) {
		const response = await page.request.get(`/login?redirectTo=${path}`, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toBe('/');
		expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
	}
	// "Download my data" for a username in Cyrillic.
	const download = await page.request.get('/account/data');
	expect(download.status()).toBe(200);
	expect(download.headers()['content-disposition']).toBe(
		`attachment; filename="knm-hub-${username.replace(/[^\x20-\x7e]/g, '')}.json"; filename*=UTF-8''${encodeURIComponent(`knm-hub-${username}.json`)}`
	);
	expect((await download.json()).account.username).toBe(username);
});
