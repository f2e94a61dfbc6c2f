import { expect, test } from '@playwright/test';
import { bank } from './bank';
import { expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/* Paper tests for classes without devices: a set or a practice exam, printed with an answer key. */

test('a teacher prints a practice exam and a set on paper, with the answers on a page of their own', async ({ page, browser, baseURL }) => {
	// two 40-question scans, three accounts and a class: more than the default 30 s on a busy machine
	test.setTimeout(90_000);
	await registerAs(page, uniqueUsername('papierjuf'), 'teacher');
	await openPage(page, '/teach');
	await page.getByTestId('paper-exam-link').click();
	await expect(page).toHaveURL(/\/teach\/paper\?exam=\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practice exam on paper');
	const questions = page.locator('ol.questions > li');
	await expect(questions).toHaveCount(40);
	await expect(page.getByTestId('paper-key').getByRole('listitem')).toHaveCount(40);
	const first = await questions.first().locator('p.question').textContent();
	// the same link prints the same exam
	await page.reload();
	await expect(questions.first().locator('p.question')).toHaveText(first!);
	await expectNoAxeViolations(page);

	// On paper: no site header or buttons, and the key starts a new page.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	expect(await page.getByTestId('paper-key').evaluate((key) => getComputedStyle(key).breakBefore)).toBe('page');
	await page.emulateMedia({ media: 'screen' });

	// A built-in set: its questions with options A to C, and the right letters in the key.
	await openPage(page, '/teach/paper?set=theme-wonen');
	const shown = (await questions.first().locator('p.question').textContent())!.trim();
	const question = bank.get(shown)!;
	await expect(questions.first().locator('ol.options > li')).toHaveText(question.options.map((option) => option.nl));
	await expect(page.getByTestId('paper-key').getByRole('listitem').first()).toHaveText('ABC'[question.options.findIndex((option) => option.correct)]!);

	// After the test: the teacher types a learner's letters back in; a wrong row saves nothing.
	await openPage(page, '/teach');
	await page.getByLabel('Name of the class').fill('Papierklas');
	await page.getByRole('button', { name: 'Make the class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class: Papierklas');
	const joinUrl = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname;
	const pupil = await (await browser.newContext({ baseURL })).newPage();
	const pupilName = uniqueUsername('papiercursist');
	await registerAs(pupil, pupilName);
	await openPage(pupil, joinUrl);
	await pupil.getByRole('button', { name: 'Yes, join this class' }).click();
	await expect(pupil.getByTestId('joined')).toBeVisible();
	await openPage(page, '/teach/paper?set=theme-wonen');
	await page.getByTestId('paper-type-in').getByRole('link', { name: 'Type in the answers of Papierklas' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Type in the answers from paper');
	const key = (await page.request.get('/teach/paper?set=theme-wonen').then((response) => response.text())).match(/<ol class="key-list[^>]*>([\s\S]*?)<\/ol>/)![1]!;
	const letters = [...key.matchAll(/<li[^>]*>([ABC])<\/li>/g)].map((match) => match[1]).join('');
	const field = page.getByLabel(pupilName);
	await field.fill('ABD');
	await page.getByRole('button', { name: 'Save the answers' }).click();
	await expect(page.getByText('Nothing was saved. Check the rows with a message.')).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Use only A, B or C, and a dash (-) for a question left open.')).toBeVisible();
	await expectNoAxeViolations(page);
	await field.fill(letters);
	await page.getByRole('button', { name: 'Save the answers' }).click();
	await expect(page.getByText(`Saved. Answers: ${letters.length}. Learners: 1.`)).toBeVisible();
	// the answers count in the class insight
	await openPage(page, `${new URL(page.url()).pathname.replace(/\/paper$/, '')}/insight`);
	await expect(page.getByTestId('question-stats').getByRole('row')).toHaveCount(letters.length + 1);

	// Unknown sets and odd URLs are 404; a learner gets 403.
	expect((await page.goto('/teach/paper?set=no-such-set'))?.status()).toBe(404);
	expect((await page.goto('/teach/paper?exam=-5'))?.status()).toBe(404);
	const learner = await (await browser.newContext({ baseURL })).newPage();
	await registerAs(learner, uniqueUsername('papierleerling'));
	expect((await learner.goto('/teach/paper?exam=7'))?.status()).toBe(403);
});
