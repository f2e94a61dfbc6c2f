import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { answer, currentQuestion, expectExplanationShown, nextButton } from './bank';
import { dateInDays, expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

async function answersToday(page: Page): Promise<number> {
	await page.goto('/progress');
	const text = await page.getByText(/^Answers today: \d+$/).textContent();
	return Number(text?.match(/\d+/)?.[0]);
}

test.describe('practice', () => {
	test('a new learner practises 5 questions, misses one and follows the link to its guide', async ({ page }) => {
		await registerAs(page, uniqueUsername('practice'));
		await page.getByRole('link', { name: 'Practise', exact: true }).click();
		await page.getByRole('link', { name: 'Practise questions again' }).click();

		for (let i = 0; i < 4; i++) {
			await answer(page, true);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Right!');
			await expect(page.getByText(/^This question comes back in \d+ minutes\.$/)).toBeVisible();
			// Enter continues: the Continue button has focus.
			await expect(nextButton(page)).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page.locator('h1#question-text')).toBeVisible();
		}

		const missed = await answer(page, false);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not right.');
		await expect(page).toHaveURL(/[?&]answer=\d+/);
		// "Remember:" holds the explanation's first sentence; the rest follows under "Why". The
		// translation is shown as the question's is, not folded away.
		await expectExplanationShown(page, missed);
		await expect(page.getByRole('link', { name: 'Read it on the official website' })).toBeVisible();
		await expect(page.locator('li.correct')).toContainText(missed.options.find((o) => o.correct)!.nl);
		await expect(page.getByText('This question comes back in 1 minute.')).toBeVisible();
		const links = page.getByTestId('feedback-links');
		const guideSlug = missed.guides![0]!;
		const feedbackUrl = page.url();
		// The guide opens at the fact: the part about the question's eindterm, on screen.
		await links.locator(`a[href^="/guides/${guideSlug}#eindterm-"]`).click();
		await expect(page).toHaveURL(new RegExp(`/guides/${guideSlug}#eindterm-[\\d-]+$`));
		const anchor = new URL(page.url()).hash.slice(1);
		await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport();
		// Back returns to the same feedback, not to a new question.
		await page.goBack();
		await expect(page).toHaveURL(feedbackUrl);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not right.');
		await expect(page.getByText(missed.question.nl)).toBeVisible();

		expect(await answersToday(page)).toBe(5);
		await page.goto('/practice/mistakes');
		await expect(page.getByText(missed.question.nl)).toBeVisible();
	});

	test('the page does not contain the correct answer before answering', async ({ page }) => {
		await registerAs(page, uniqueUsername('source'));
		await page.goto('/practice/session?scope=due');
		const question = await currentQuestion(page);
		const html = await page.content();
		const source = await (await page.request.get('/practice/session?scope=due')).text();
		for (const text of [html, source]) {
			expect(text).not.toContain(question.explanation.nl);
			expect(text).not.toMatch(/correct/i);
		}
		// All three options are there, in some order, with nothing marking the right one.
		for (const option of question.options) {
			await expect(page.locator('button.option', { hasText: option.nl })).toHaveCount(1);
		}
	});

	test('the translation appears under the question and under each option, open at first sight, and folds on request', async ({ page }) => {
		await registerAs(page, uniqueUsername('translate'));
		await openPage(page, '/practice/session?scope=due');
		const question = await currentQuestion(page);
		const firstOption = question.options[0]!;
		// a question seen for the first time: its translation starts open (fading aid)
		await expect(page.getByText(question.question.en)).toBeVisible();
		await page.getByLabel('Show translation').uncheck();
		await expect(page.getByText(question.question.en)).toBeHidden();
		await page.getByLabel('Show translation').check();
		await expect(page.getByText(question.question.en)).toBeVisible();
		// Each option's English stands inside its own button.
		await expect(page.locator('button.option', { hasText: firstOption.nl }).locator('[lang="en"]')).toHaveText(firstOption.en);
		await expect(page.locator('button.option', { hasText: firstOption.nl }).locator('[lang="en"]')).toBeVisible();
	});

	test('keys 1–3 answer the question', async ({ page }) => {
		await registerAs(page, uniqueUsername('keys'));
		await openPage(page, '/practice/session?scope=due');
		await page.keyboard.press('2');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Right!|Not right\.)$/);
	});

	test('a replayed submit does not add a second review', async ({ page }) => {
		await registerAs(page, uniqueUsername('replay'));
		await openPage(page, '/practice/session?scope=due');
		const form = page.locator('form.practice-question');
		const fields = {
			token: (await form.locator('input[name="token"]').inputValue()),
			questionId: (await form.locator('input[name="questionId"]').inputValue()),
			choice: '0'
		};
		await page.locator('button.option').first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^(Right!|Not right\.)$/);

		const replay = await page.request.post('/practice/session?scope=due&/answer', {
			form: fields,
			headers: { origin: 'http://localhost:4173', accept: 'text/html' }
		});
		expect(replay.status()).toBe(409);
		expect(await replay.text()).toContain('You already answered this question. Your first answer counts.');
		expect(await answersToday(page)).toBe(1);
	});

	test('bad answers get a 4xx and record nothing', async ({ page }) => {
		await registerAs(page, uniqueUsername('bad'));
		await openPage(page, '/practice/session?scope=due');
		const token = await page.locator('input[name="token"]').inputValue();
		const questionId = await page.locator('input[name="questionId"]').inputValue();
		const post = (form: Record<string, string>, scope = 'due') =>
			page.request.post(`/practice/session?scope=${scope}&/answer`, {
				form,
				headers: { origin: 'http://localhost:4173', accept: 'text/html' }
			});
		expect((await post({ token, questionId, choice: '3' })).status()).toBe(400);
		expect((await post({ token, questionId, choice: 'twee' })).status()).toBe(400);
		expect((await post({ token, questionId: 'xx-999', choice: '0' })).status()).toBe(400);
		expect((await post({ token: 'a'.repeat(32), questionId, choice: '0' })).status()).toBe(404);
		expect((await post({ token, questionId, choice: '0' }, 'theme:no-such-theme')).status()).toBe(404);
		expect(await answersToday(page)).toBe(0);
	});

	test('the due count goes up after a simulated day', async ({ page, context, baseURL }) => {
		await registerAs(page, uniqueUsername('clock'));
		await openPage(page, '/practice/session?scope=due');
		for (let i = 0; i < 3; i++) {
			await answer(page, true);
			await nextButton(page).click();
		}
		await page.goto('/practice');
		await expect(page.getByTestId('due-summary')).toHaveText('Questions to practise again: 0. New questions today: 3 of 20.');

		await context.addCookies([{ name: 'knm_test_clock_offset_ms', value: String(24 * 60 * 60 * 1000), url: baseURL! }]);
		await page.goto('/practice');
		await expect(page.getByTestId('due-summary')).toHaveText(/^Questions to practise again: 3\. New questions today: 0 of 20\.$/);
		await page.goto('/progress');
		await expect(page.getByText('Days in a row: 1')).toBeVisible();
	});

	test('a theme practice stays in its theme', async ({ page }) => {
		await registerAs(page, uniqueUsername('theme'));
		await page.goto('/practice');
		await page.getByRole('link', { name: 'Practise Housing' }).click();
		const first = await currentQuestion(page);
		expect(first.id).toMatch(/^wo-/);
		await answer(page, true);
		await nextButton(page).click();
		expect((await currentQuestion(page)).id).toMatch(/^wo-/);
		await expect(page).toHaveURL(/scope=theme(%3A|:)wonen/);
	});

	test('practice needs an account', async ({ page }) => {
		await page.goto('/practice/session?scope=due');
		await expect(page).toHaveURL(/\/login\?redirectTo=/);
	});

	test('practice, question and feedback screens pass axe', async ({ page }) => {
		// six scans: more than the default 30 s when the other worker runs the axe files too
		test.setTimeout(90_000);
		await registerAs(page, uniqueUsername('axepractice'));
		const scan = () => expectNoAxeViolations(page);
		await page.goto('/practice');
		await scan();
		await openPage(page, '/practice/session?scope=due');
		await scan();
		await answer(page, false);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not right.');
		await scan();
		await nextButton(page).click();
		await answer(page, true);
		await expect(page.getByRole('button', { name: 'I guessed' })).toBeVisible();
		await scan();
		await page.goto('/practice/mistakes');
		await scan();
		await page.goto('/progress');
		await scan();
	});
});

test.describe('practice without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('answer, read the feedback, continue, and a replayed answer is refused with the next question shown', async ({ page, browser, baseURL }) => {
		// Register with JavaScript (the helper waits for hydration), then practise without it.
		const setup = await browser.newContext({ baseURL, javaScriptEnabled: true });
		const first = await setup.newPage();
		const username = uniqueUsername('nojs');
		await registerAs(first, username);
		const cookies = await setup.cookies();
		await setup.close();
		await page.context().addCookies(cookies);

		await page.goto('/practice/session?scope=due');
		const question = await currentQuestion(page);
		const token = await page.locator('input[name="token"]').inputValue();
		await answer(page, true);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Right!');
		await expect(page).toHaveURL(/[?&]answer=\d+/);
		await expectExplanationShown(page, question);
		await nextButton(page).click();
		const next = await currentQuestion(page);
		expect(next.id).not.toBe(question.id);

		// The old form posted again (a browser's "resend"): refused, and the next question is shown.
		const replay = await page.request.post('/practice/session?scope=due&/answer', {
			form: { token, questionId: question.id, choice: '0' },
			headers: { origin: 'http://localhost:4173', accept: 'text/html' }
		});
		expect(replay.status()).toBe(409);
		const html = await replay.text();
		expect(html).toContain('You already answered this question. Your first answer counts.');
		expect(html).toContain(next.question.nl);
		expect(await answersToday(page)).toBe(1);
	});
});

test.describe('on a small phone (360×640)', () => {
	test.use({ viewport: { width: 360, height: 640 } });

	test('all three answers fit the screen, and after an answer the verdict, the right answer, "Remember" and the next step do', async ({ page }) => {
		await registerAs(page, uniqueUsername('phone'));
		await openPage(page, '/practice/session?scope=due');
		for (const right of [false, true]) {
			for (const option of await page.locator('button.option').all()) await expect(option).toBeInViewport({ ratio: 1 });
			await answer(page, right);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(right ? 'Right!' : 'Not right.');
			await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
			await expect(page.locator('li.correct')).toBeInViewport({ ratio: 1 });
			await expect(page.getByTestId('remember')).toBeInViewport();
			await expect(nextButton(page)).toBeInViewport({ ratio: 1 });
			await expect(nextButton(page)).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page.locator('h1#question-text')).toBeVisible();
		}
	});
});

test.describe('"I knew it" or "I guessed", after a right answer', () => {
	test('a guess is said after the answer, and the question comes back soon', async ({ page }) => {
		await registerAs(page, uniqueUsername('guess'));
		await openPage(page, '/practice/session?scope=due');
		// Nothing to tick before answering: the question shows only the answers.
		await expect(page.getByRole('checkbox', { name: 'I guessed' })).toHaveCount(0);
		const question = await answer(page, true);
		await expect(page.getByText('Did you know it, or did you guess?')).toBeVisible();
		await expect(page.getByRole('button', { name: 'I knew it' })).toBeFocused();
		const feedbackUrl = page.url();
		await page.getByRole('button', { name: 'I guessed' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'OK, you guessed. We will ask that question again soon.' })).toBeVisible();
		await expect(page.locator('h1#question-text')).toBeVisible();
		// The answer's feedback now says so, and cannot be changed twice.
		await page.goto(feedbackUrl);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Right, but you guessed: this question comes back soon.');
		await expect(page.getByText(question.question.nl)).toBeVisible();
		await expect(page.getByRole('button', { name: 'I guessed' })).toHaveCount(0);
		await expect(page.getByText('This question comes back in 1 minute.')).toBeVisible();
	});

	test('a wrong answer offers only the next question; a stranger\'s answer id is not found', async ({ page, browser, baseURL }) => {
		await registerAs(page, uniqueUsername('guesswrong'));
		await openPage(page, '/practice/session?scope=due');
		await answer(page, false);
		await expect(page.getByRole('button', { name: 'Next question' })).toBeFocused();
		await expect(page.getByRole('button', { name: 'I guessed' })).toHaveCount(0);
		const feedbackUrl = page.url();
		const answerId = new URL(feedbackUrl).searchParams.get('answer')!;
		// A wrong answer cannot become a guess, even posted by hand.
		const posted = await page.request.post('/practice/session?scope=due&/guessed', {
			form: { answer: answerId },
			headers: { origin: 'http://localhost:4173', accept: 'text/html' }
		});
		expect(posted.status()).toBe(409);

		const other = await browser.newContext({ baseURL });
		const stranger = await other.newPage();
		await registerAs(stranger, uniqueUsername('stranger'));
		expect((await stranger.goto(feedbackUrl))?.status()).toBe(404);
		const theirs = await stranger.request.post('/practice/session?scope=due&/guessed', {
			form: { answer: answerId },
			headers: { origin: 'http://localhost:4173', accept: 'text/html' }
		});
		expect(theirs.status()).toBe(404);
		for (const junk of ['0', '-1', 'abc', '9'.repeat(30)]) {
			expect((await stranger.goto(`/practice/session?scope=due&answer=${junk}`))?.status()).toBe(404);
		}
		await other.close();
	});
});

test.describe('a new learner on the practice page', () => {
	test('sees one clear way to start, can give the exam date, and can tap a whole theme card', async ({ page }) => {
		await registerAs(page, uniqueUsername('first'));
		await openPage(page, '/practice');
		const start = page.getByRole('region', { name: 'Start here' });
		await expect(start).toBeVisible();
		await start.getByLabel('When is your KNM exam? (if you know it)').fill(dateInDays(100));
		await start.getByRole('button', { name: 'Save the date' }).click();
		await expect(page.getByText('We saved your exam date.')).toBeVisible();
		await expect(page.getByLabel('When is your KNM exam? (if you know it)')).toHaveCount(0);

		// A tap anywhere on the card (here its top corner, far from the link text) opens that theme.
		await page.getByTestId('theme-wonen').click({ position: { x: 12, y: 12 } });
		await expect(page).toHaveURL(/scope=theme(%3A|:)wonen/);
		expect((await currentQuestion(page)).id).toMatch(/^wo-/);

		await openPage(page, '/practice');
		await page.getByRole('link', { name: 'Start with my first questions' }).click();
		await answer(page, true);
		await openPage(page, '/practice');
		await expect(page.getByRole('region', { name: 'Start here' })).toHaveCount(0);
	});
});

test.describe('rounds', () => {
	test('practice comes in rounds of 10 with a progress bar and a summary that leads on', async ({ page }) => {
		await registerAs(page, uniqueUsername('round'));
		await openPage(page, '/practice/session?scope=due');
		const missed: string[] = [];
		for (let i = 0; i < 10; i++) {
			await expect(page.getByTestId('round-progress')).toHaveText(`Question ${i + 1} of 10`);
			const right = i !== 3 && i !== 7;
			const question = await answer(page, right);
			if (!right) missed.push(question.question.nl);
			await nextButton(page).click();
		}
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Round done!');
		await expect(page.getByTestId('round-result')).toHaveText('Right: 8. Not right: 2.');
		await expect(page.getByText('Days in a row: 1')).toBeVisible();
		for (const text of missed) await expect(page.getByText(text)).toBeVisible();
		await page.getByRole('link', { name: 'Practise the questions I got wrong' }).click();
		await expect(page).toHaveURL(/scope=mistakes/);
		expect(missed).toContain((await currentQuestion(page)).question.nl);
		await expect(page.getByTestId('round-progress')).toHaveText('Question 1 of 10');
	});
});
