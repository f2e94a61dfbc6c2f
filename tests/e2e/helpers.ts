import AxeBuilder from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const PASSWORD = 'fiets regen koffie 7';

let counter = 0;
/** A username no other test uses, even across runs on the same database. */
export function uniqueUsername(prefix: string): string {
	counter += 1;
	return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`.slice(0, 32);
}

/** Opens a page and waits until it is hydrated, so that typing is not undone by hydration. */
export async function openPage(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('body[data-hydrated="true"]').waitFor();
}

export async function registerAs(page: Page, username: string, role: 'learner' | 'teacher' = 'learner'): Promise<void> {
	// Learners sign up on /register; teachers through its teacher link.
	await openPage(page, role === 'teacher' ? '/register?role=teacher' : '/register');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expectSignedIn(page);
}

/** Signed in: the header links to the account (on a phone the link sits in the folded menu). */
export async function expectSignedIn(page: Page): Promise<void> {
	await expect(page.locator('header a[href="/account"]').first()).toBeAttached();
}

export async function logIn(page: Page, username: string, password = PASSWORD): Promise<void> {
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
}

/** Switches the interface language with the header's language menu (opened first when folded). */
export async function chooseLanguage(page: Page, name: string): Promise<void> {
	const menu = page.locator('header details.language-switch');
	if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open))) await menu.locator('summary').click();
	await menu.getByRole('button', { name, exact: true }).click();
}

/** On a set's page: picks the first `count` bank questions of an indicator and adds them to the set. */
export async function addBankQuestionsToSet(page: Page, setPath: string, eindterm: string, count: number): Promise<void> {
	await openPage(page, `${setPath}?eindterm=${eindterm}`);
	const boxes = page.getByTestId('picker').getByRole('checkbox');
	for (let i = 0; i < count; i++) await boxes.nth(i).check();
	await page.getByRole('button', { name: 'Add the chosen questions' }).click();
	await expect(page.getByText(`Questions added: ${count}.`)).toBeVisible();
}

/** Fills the own-question form (English interface): the Dutch question, answers A–C, the right one, the explanation, the eindterm. */
export async function fillOwnQuestion(
	page: Page,
	question: { text: string; answers: [string, string, string]; right: 'A' | 'B' | 'C'; explanation: string; eindterm: string }
): Promise<void> {
	await page.getByLabel('Question (Dutch)').fill(question.text);
	for (const [index, letter] of (['A', 'B', 'C'] as const).entries()) await page.getByLabel(`Answer ${letter} (Dutch)`).fill(question.answers[index]!);
	await page.getByRole('radio', { name: question.right }).check();
	await page.getByLabel('Explanation (Dutch)').fill(question.explanation);
	await page.getByLabel('Eindterm').selectOption(question.eindterm);
}

/** No axe violations on the page as it is now (WCAG 2.2 AA and best practice). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Starts a mock exam from /exam; returns the attempt id, with question 1 and its theme banner shown. */
export async function startMockExam(page: Page): Promise<string> {
	await openPage(page, '/exam');
	await page.getByRole('button', { name: 'Start a practice exam' }).click();
	await expect(page.getByTestId('exam-position')).toHaveText('Question 1/40');
	await expect(page.getByTestId('theme-banner')).toContainText('Theme 1: ');
	// Dutch only, like the real exam: no translation unless the learner asked for it
	await expect(page.getByTestId('exam-aid')).toHaveCount(0);
	await page.locator('body[data-hydrated="true"]').waitFor();
	const id = /\/exam\/([a-z2-7]{32})/.exec(page.url())?.[1];
	expect(id).toBeDefined();
	return id!;
}

/** A calendar date `days` from now (UTC), as a date field takes it: tests stay true as time passes. */
export function dateInDays(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A second server on its own database and port, for tests that stop or break it. */
export async function startServer(port: number, database: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; output: () => string }> {
	let output = '';
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, DATABASE_URL: database, NODE_ENV: 'test', SHUTDOWN_TIMEOUT: '10', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const deadline = Date.now() + 90_000;
	for (;;) {
		if (Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
		const up = await fetch(`http://localhost:${port}/healthz`).then(
			(response) => response.status === 200,
			() => false
		);
		if (up) return { child, output: () => output };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
