import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations, openPage, registerAs, startMockExam, uniqueUsername } from './helpers';



/** Picks option `index` of the current question and moves on (through a theme divider if any). */
async function answerAndNext(page: Page, index: number): Promise<void> {
	const position = Number(new URL(page.url()).searchParams.get('q') ?? '1');
	await page.locator('.exam-option input[type="radio"]').nth(index).check();
	await page.getByRole('button', { name: 'Next' }).click();
	// The save is enhanced: wait for the next question to arrive.
	await page.waitForURL(new RegExp(`[?&]q=${position + 1}(&|$)`));
	await expect(page.getByTestId('exam-position')).toHaveText(`Question ${position + 1}/40`);
}

test.describe('mock exam', () => {
	test('a full mock exam: 40 questions in theme blocks, hand in, per-theme results and review', async ({ page }) => {
		test.setTimeout(120_000);
		await registerAs(page, uniqueUsername('exam'));
		await startMockExam(page);
		await expect(page.getByTestId('exam-position')).toHaveText('Question 1/40');
		await expect(page.getByTestId('exam-theme')).toHaveText(/^Theme 1: /);
		await expectNoAxeViolations(page); // a question with its theme banner

		// Each theme's first question carries the theme's banner (no divider screen, no extra tap).
		const themesSeen = new Set<string>();
		for (let position = 1; position <= 40; position++) {
			await expect(page.getByTestId('exam-position')).toHaveText(`Question ${position}/40`);
			await expect(page.getByTestId('exam-theme')).toHaveText(/^Theme \d: /);
			const theme = (await page.getByTestId('exam-theme').textContent())!.trim();
			await expect(page.getByTestId('theme-banner')).toHaveCount(themesSeen.has(theme) ? 0 : 1);
			themesSeen.add(theme);
			if (position < 40) await answerAndNext(page, position % 3);
			else await page.locator('.exam-option input[type="radio"]').first().check();
		}
		expect(themesSeen.size).toBe(8);
		await page.getByRole('button', { name: 'Overview' }).click();
		await expect(page.getByTestId('overview-summary')).toHaveText('Answered: 40 of 40. Marked: 0.');
		await expectNoAxeViolations(page);

		await page.getByRole('button', { name: 'Hand in my practice exam' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your result');
		await expect(page.getByTestId('score')).toHaveText(/^\d+ of 40 correct$/);
		await expect(page.getByText('DUO does not say how many answers you need right to pass the KNM exam')).toBeVisible();
		await expect(page.getByTestId('per-theme').getByRole('listitem')).toHaveCount(8);
		// The review opens with the questions that went wrong; every question is one link away.
		const score = Number(/^(\d+) of 40/.exec((await page.getByTestId('score').textContent())!)![1]);
		const review = page.getByTestId('review');
		await expect(review.locator(':scope > li')).toHaveCount(40 - score);
		await page.getByRole('link', { name: 'Show all 40 questions' }).click();
		await expect(review.locator(':scope > li')).toHaveCount(40);
		expect(await review.locator('a[href^="/guides/"]').count()).toBeGreaterThanOrEqual(40);
		// Every guide link opens the guide at the question's eindterm, as in practice feedback.
		const guideLinks = await review.locator('a[href^="/guides/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
		for (const href of guideLinks) expect(href).toMatch(/^\/guides\/[a-z0-9-]+#eindterm-\d+-\d+(-\d+)?$/);
		await expectNoAxeViolations(page);

		await page.goto('/exam/history');
		await expect(page.getByTestId('history').locator(':scope > li')).toHaveCount(1);
	});

	test('reloading in the middle keeps the answers and the time left', async ({ page, context, baseURL }) => {
		await registerAs(page, uniqueUsername('reload'));
		const id = await startMockExam(page);
		await answerAndNext(page, 2);
		await page.locator('.exam-option input[type="radio"]').nth(1).check();
		await page.getByLabel('Mark this question to check later').check();
		await page.getByRole('button', { name: 'Overview' }).click();
		await expect(page.getByTestId('overview-summary')).toHaveText('Answered: 2 of 40. Marked: 1.');

		// Two minutes later (test clock) the reload shows what is left of the server's 45 minutes.
		await context.addCookies([{ name: 'knm_test_clock_offset_ms', value: String(2 * 60 * 1000), url: baseURL! }]);
		await openPage(page, `/exam/${id}?q=1`);
		await page.reload();
		await expect(page.locator('.exam-option input[type="radio"]').nth(2)).toBeChecked();
		const time = await page.getByTestId('time-left').textContent();
		const [minutes] = (time ?? '').replace('Time left: ', '').split(':').map(Number);
		// 43:00 when less than a second has passed since the start, else 42:xx.
		expect(minutes).toBeGreaterThanOrEqual(42);
		expect(minutes).toBeLessThanOrEqual(43);
		await openPage(page, `/exam/${id}?q=2`);
		await expect(page.locator('.exam-option input[type="radio"]').nth(1)).toBeChecked();
		await expect(page.getByLabel('Mark this question to check later')).toBeChecked();
	});

	test('an expired attempt is scored with what was answered; later answers land on the results', async ({ page, context, baseURL }) => {
		await registerAs(page, uniqueUsername('expired'));
		const id = await startMockExam(page);
		await answerAndNext(page, 0);
		await answerAndNext(page, 0);

		await context.addCookies([{ name: 'knm_test_clock_offset_ms', value: String(46 * 60 * 1000), url: baseURL! }]);
		await page.goto(`/exam/${id}?q=3`);
		await expect(page).toHaveURL(new RegExp(`/exam/${id}/results$`));
		await expect(page.getByText('The time was up. Your practice exam has ended. The answers you had given count.')).toBeVisible();
		await expect(page.getByTestId('score')).toHaveText(/^[0-2] of 40 correct$/);
		await expect(page.getByText('Not answered')).toHaveCount(38);

		// A save or a hand-in after the time lands on the results, and records nothing more.
		const late = await page.request.post(`/exam/${id}?/save`, {
			form: { position: '5', choice: '0', go: 'next', total: '40' },
			headers: { origin: 'http://localhost:4173', accept: 'text/html' },
			maxRedirects: 0
		});
		expect(late.status()).toBe(303);
		expect(late.headers()['location']).toBe(`/exam/${id}/results`);
		const handIn = await page.request.post(`/exam/${id}/overview?/handIn`, {
			form: {},
			headers: { origin: 'http://localhost:4173', accept: 'text/html' },
			maxRedirects: 0
		});
		expect(handIn.status()).toBe(303);
		expect(handIn.headers()['location']).toBe(`/exam/${id}/results`);
		await page.reload();
		await expect(page.getByText('Not answered')).toHaveCount(38);
	});

	test('handing in with unanswered questions asks first, and says how many', async ({ page }) => {
		await registerAs(page, uniqueUsername('confirm'));
		const id = await startMockExam(page);
		await answerAndNext(page, 0);
		await page.getByRole('button', { name: 'Overview' }).click();
		await page.getByRole('button', { name: 'Hand in my practice exam' }).click();
		await expect(page.getByRole('heading', { name: 'Hand in your practice exam now?' })).toBeFocused();
		await expect(page.getByText('Questions without an answer: 39. A question without an answer counts as wrong.')).toBeVisible();
		await expectNoAxeViolations(page);
		// "No" goes to the first question without an answer; nothing was handed in.
		await page.getByRole('link', { name: 'No, back to the questions' }).click();
		await expect(page).toHaveURL(new RegExp(`/exam/${id}\\?q=2$`));
		await page.getByRole('button', { name: 'Overview' }).click();
		await page.getByRole('button', { name: 'Hand in my practice exam' }).click();
		await page.getByRole('button', { name: 'Yes, hand in now' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your result');
		await expect(page.getByText('Not answered')).toHaveCount(39);
	});

	test('an answer chosen and then left through a link is saved', async ({ page }) => {
		await registerAs(page, uniqueUsername('leave'));
		const id = await startMockExam(page);
		await page.locator('body[data-hydrated="true"]').waitFor();
		const isSave = (response: { url(): string; request(): { method(): string } }) => response.url().includes('/save') && response.request().method() === 'POST';
		const savedAnswer = page.waitForResponse(isSave);
		await page.locator('.exam-option input[type="radio"]').nth(2).check();
		await savedAnswer;
		const savedMark = page.waitForResponse(isSave);
		await page.getByLabel('Mark this question to check later').check();
		await savedMark;
		await page.getByRole('link', { name: 'Leave', exact: true }).click();
		await expect(page).toHaveURL(/\/exam$/);
		await openPage(page, `/exam/${id}/overview`);
		await expect(page.getByTestId('overview-summary')).toHaveText('Answered: 1 of 40. Marked: 1.');
		await openPage(page, `/exam/${id}?q=1`);
		await expect(page.locator('.exam-option input[type="radio"]').nth(2)).toBeChecked();
	});

	test("another learner's attempt is not found", async ({ page, browser }) => {
		await registerAs(page, uniqueUsername('owner'));
		const id = await startMockExam(page);
		const context = await browser.newContext();
		const stranger = await context.newPage();
		await registerAs(stranger, uniqueUsername('stranger'));
		const response = await stranger.goto(`/exam/${id}?q=1`);
		expect(response?.status()).toBe(404);
		// Nor can they save into it, hand it in, or start practice from its results.
		const post = (path: string, form: Record<string, string> = {}) =>
			stranger.request.post(path, { form, headers: { origin: 'http://localhost:4173', accept: 'text/html' }, maxRedirects: 0 });
		expect((await post(`/exam/${id}?/save`, { position: '0', choice: '1' })).status()).toBe(404);
		expect((await post(`/exam/${id}/overview?/handIn`, { confirmed: 'yes' })).status()).toBe(404);
		expect((await post(`/exam/${id}/results?/practiseMistakes`)).status()).toBe(404);
		expect((await stranger.goto(`/exam/${id}/results`))?.status()).toBe(404);
		await context.close();
		// The owner's attempt is untouched: still running, nothing answered.
		await openPage(page, `/exam/${id}/overview`);
		await expect(page.getByTestId('overview-summary')).toHaveText('Answered: 0 of 40. Marked: 0.');
	});
});

test.describe('read aloud', () => {
	test('without a Dutch voice, says so and how to add one, once per screen', async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [{ lang: 'en-US', name: 'English' }] });
		});
		await registerAs(page, uniqueUsername('novoice'));
		await openPage(page, '/practice/session?scope=due');
		await expect(page.getByRole('button', { name: /Read aloud/ })).toHaveCount(0);
		await page.getByText('Read aloud: no Dutch voice on this device').click();
		await expect(page.getByTestId('no-dutch-voice')).toHaveText(/needs a Dutch voice on your device\. Android: .* iPhone: /);
		await startMockExam(page);
		await expect(page.getByText('Read aloud: no Dutch voice on this device')).toHaveCount(1);
	});

	test('reads the Dutch question with a Dutch voice, in practice and in the exam', async ({ page }) => {
		await page.addInitScript(() => {
			const spoken: { text: string; lang: string; rate: number }[] = [];
			(window as unknown as { spoken: typeof spoken }).spoken = spoken;
			Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [{ lang: 'nl-NL', name: 'Nederlands', voiceURI: 'nl', localService: true, default: false }] });
			Object.defineProperty(window.speechSynthesis, 'speak', { value: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang, rate: u.rate }) });
			Object.defineProperty(window.speechSynthesis, 'cancel', { value: () => undefined });
			Object.defineProperty(window, 'SpeechSynthesisUtterance', {
				value: class {
					text: string;
					lang = '';
					rate = 1;
					voice: unknown = null;
					constructor(text: string) {
						this.text = text;
					}
				}
			});
		});
		await registerAs(page, uniqueUsername('voice'));
		await openPage(page, '/practice/session?scope=due');
		const question = (await page.locator('h1#question-text').textContent())!.trim();
		await page.getByRole('button', { name: 'Read aloud (Dutch voice)' }).click();
		const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
		expect(spoken[0]?.lang).toBe('nl-NL');
		expect(spoken[0]?.text.startsWith(question)).toBe(true);
		// A slow speed too.
		await page.getByRole('button', { name: 'Read slowly' }).click();
		const slow = await page.evaluate(() => (window as unknown as { spoken: { text: string; rate: number }[] }).spoken);
		expect(slow[1]?.rate).toBeLessThan(1);
		expect(slow[1]?.text).toBe(spoken[0]?.text);
		// Each answer on its own, by its speaker button.
		// innerText: what is on screen (the number key, then the Dutch answer, once the translation is folded)
		await page.getByLabel('Show translation').uncheck();
		const second = (await page.locator('button.option').nth(1).innerText()).replace(/^2\s*/, '').trim();
		await page.getByRole('button', { name: 'Read answer 2 aloud' }).click();
		const byOption = await page.evaluate(() => (window as unknown as { spoken: { text: string }[] }).spoken);
		expect(byOption[2]?.text).toBe(second);

		await startMockExam(page);
		await page.locator('body[data-hydrated="true"]').waitFor();
		await expect(page.getByRole('button', { name: 'Read answer 1 aloud' })).toBeVisible();
		await page.getByRole('button', { name: 'Read aloud (Dutch voice)' }).click();
		const examQuestion = (await page.locator('h1#exam-question').textContent())!.trim();
		const after = await page.evaluate(() => (window as unknown as { spoken: { text: string }[] }).spoken);
		expect(after.at(-1)?.text).toBe(examQuestion);
	});
});
