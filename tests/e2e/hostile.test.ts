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
	'/account?/password'
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
