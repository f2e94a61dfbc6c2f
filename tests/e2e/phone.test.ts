import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { answer, bank } from './bank';
import { chooseLanguage, openPage, PASSWORD, uniqueUsername } from './helpers';

/*
 * A learner's first session on a phone, in Dutch, at both phone sizes the issue names: from home to
 * the first question in two taps and the short form; all three answers on screen; after an answer
 * the verdict and the right answer on screen; Back from a guide returns to the feedback; a round of
 * 10 ends with a summary; in the practice exam an answer chosen and then left through the header
 * link is kept, and handing in with questions open asks first, with the number.
 */

const nl = JSON.parse(readFileSync(join(process.cwd(), 'messages', 'nl.json'), 'utf8')) as Record<string, string>;

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 360, height: 640 }
]) {
	test.describe(`a first session on a phone (${viewport.width}×${viewport.height}), in Dutch`, () => {
		test.use({ viewport });

		test('home → first question → a round of 10 → a practice exam', async ({ page }) => {
			test.setTimeout(90_000);
			await openPage(page, '/');
			await chooseLanguage(page, 'Nederlands');
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
			await expect(page.getByRole('link', { name: nl.home_practice_button! })).toBeInViewport();

			// Tap 1: start; then the short form; tap 2: create the account — and the first question is there.
			await page.getByRole('link', { name: nl.home_practice_button! }).click();
			await page.locator('body[data-hydrated="true"]').waitFor();
			await page.getByLabel(nl.auth_username!).fill(uniqueUsername('telefoon'));
			await page.getByLabel(nl.auth_password!, { exact: true }).fill(PASSWORD);
			await page.getByRole('button', { name: nl.register_button! }).click();
			await expect(page.locator('h1#question-text')).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

			for (let i = 0; i < 10; i++) {
				await expect(page.locator('h1#question-text')).toBeVisible();
				for (const option of await page.locator('button.option').all()) await expect(option).toBeInViewport({ ratio: 1 });
				const right = i !== 0;
				const question = await answer(page, right);
				const verdict = page.getByRole('heading', { level: 1 });
				await expect(verdict).toHaveText(right ? nl.practice_right! : nl.practice_wrong!);
				await expect(verdict).toBeInViewport();
				await expect(page.locator('li.correct')).toBeInViewport({ ratio: 1 });
				await expect(page.getByTestId('remember')).toContainText(nl.practice_remember!);
				if (i === 0) {
					// The guide opens at the fact; Back shows this feedback again.
					const guide = bank.get(question.question.nl)!.guides![0]!;
					const feedbackUrl = page.url();
					await page.getByTestId('feedback-links').locator(`a[href^="/guides/${guide}#"]`).click();
					await expect(page).toHaveURL(new RegExp(`/guides/${guide}#eindterm-`));
					// The guide is on screen at its anchor (the navigation has finished) before going back.
					await expect(page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`)).toBeInViewport();
					await page.goBack();
					await expect(page).toHaveURL(feedbackUrl);
					await expect(verdict).toHaveText(nl.practice_wrong!);
				}
				const next = page.getByRole('button', { name: right ? nl.practice_knew_it! : nl.practice_next_question! });
				await expect(next).toBeInViewport({ ratio: 1 });
				await next.click();
			}
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(nl.practice_round_done_title!);
			await expect(page.getByTestId('round-result')).toHaveText('Goed: 9. Niet goed: 1.');

			await openPage(page, '/exam');
			await page.getByRole('button', { name: nl.exam_start! }).click();
			await page.locator('body[data-hydrated="true"]').waitFor();
			const attempt = new URL(page.url()).pathname;
			const saved = page.waitForResponse((response) => response.url().includes('/save') && response.request().method() === 'POST');
			await page.locator('.exam-option input[type="radio"]').nth(1).check();
			await saved;
			await page.getByRole('link', { name: nl.nav_stop_exam!, exact: true }).click();
			await expect(page).toHaveURL(/\/exam$/);
			await openPage(page, `${attempt}?q=1`);
			await expect(page.locator('.exam-option input[type="radio"]').nth(1)).toBeChecked();
			await page.getByRole('link', { name: nl.exam_overview_button! }).click();
			await expect(page.getByTestId('overview-summary')).toHaveText('Beantwoord: 1 van 40. Gemarkeerd: 0.');
			await page.getByRole('button', { name: nl.exam_hand_in! }).click();
			await expect(page.getByRole('heading', { name: nl.exam_hand_in_confirm_title! })).toBeFocused();
			await expect(page.getByText('Vragen zonder antwoord: 39.')).toBeVisible();
		});
	});
}
