import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { nextButton } from './bank';
import { expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/*
 * Big targets: on the practice question, the feedback and the mock-exam question, every control
 * a learner taps, in the header and in the page's content, is at least 44 × 44 CSS pixels (WCAG 2.5.5, the size
 * Apple and Android guidelines ask for). Measured on a 360 px wide phone.
 */

async function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const small: string[] = [];
		const controls = document.querySelectorAll<HTMLElement>(
			['a[href]', 'button', 'input', 'select', 'summary', 'label'].flatMap((tag) => [`main ${tag}`, `header ${tag}`]).join(', ')
		);
		for (const element of controls) {
			if (element instanceof HTMLInputElement && element.type === 'hidden') continue;
			// A radio or checkbox counts by its label, which is what a finger taps.
			if (element instanceof HTMLInputElement && element.closest('label')) continue;
			const box = element.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue; // not shown
			if (box.width < 44 || box.height < 44) {
				small.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
			}
		}
		return small;
	});
}

test.describe('targets on a phone (360×640)', () => {
	test.use({ viewport: { width: 360, height: 640 } });

	test('practice question, feedback and exam question have no target under 44 px', async ({ page }) => {
		await registerAs(page, uniqueUsername('targets'));
		await openPage(page, '/practice/session?scope=due');
		expect(await smallTargets(page), 'practice question').toEqual([]);
		await page.locator('button.option').first().click();
		await expect(nextButton(page)).toBeVisible();
		expect(await smallTargets(page), 'feedback').toEqual([]);

		await openPage(page, '/exam');
		await page.getByRole('button', { name: 'Start a practice exam' }).click();
		await page.locator('body[data-hydrated="true"]').waitFor();
		await expect(page.getByTestId('exam-position')).toBeVisible();
		expect(await smallTargets(page), 'exam question').toEqual([]);
	});

	test('a compact header: at most 56 px, no site menu on practice and exam screens, all three options on screen', async ({ page }) => {
		// about 20 s alone; two workers on two cores can double that: a realistic budget, not a speed check
		test.setTimeout(60_000);
		await registerAs(page, uniqueUsername('compact'));
		const headerHeight = async () => (await page.locator('header.site-header').boundingBox())!.height;
		await openPage(page, '/');
		expect(await headerHeight()).toBeLessThanOrEqual(56);
		// The menu is one tap away.
		await page.getByText('Menu', { exact: true }).click();
		await expect(page.getByRole('link', { name: 'Practise', exact: true })).toBeVisible();
		await expect(page.getByRole('link', { name: 'My account' })).toBeVisible();
		await expectNoAxeViolations(page);

		await openPage(page, '/practice/session?scope=due');
		expect(await headerHeight()).toBeLessThanOrEqual(56);
		await expect(page.getByRole('navigation', { name: 'Main menu' })).toHaveCount(0);
		for (const option of await page.locator('button.option').all()) await expect(option).toBeInViewport({ ratio: 1 });

		await openPage(page, '/exam');
		await page.getByRole('button', { name: 'Start a practice exam' }).click();
		await expect(page.getByTestId('exam-position')).toBeVisible();
		expect(await headerHeight()).toBeLessThanOrEqual(56);
		await expect(page.getByRole('navigation', { name: 'Main menu' })).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Leave', exact: true })).toBeVisible();

		// The chosen answer stands out as a card; the time and the overview stay on screen while scrolling.
		const options = page.locator('.exam-option');
		await options.nth(1).locator('input[type="radio"]').check();
		const background = (index: number) => options.nth(index).evaluate((element) => getComputedStyle(element).backgroundColor);
		expect(await background(1)).not.toBe(await background(0));
		const radioWidths = await page.locator('.exam-option input[type="radio"]').evaluateAll((inputs) => inputs.map((input) => input.getBoundingClientRect().width));
		expect(Math.min(...radioWidths)).toBeGreaterThanOrEqual(24);
		await page.mouse.wheel(0, 2000);
		await expect(page.getByTestId('time-left')).toBeInViewport();
		await expect(page.getByRole('link', { name: 'Overview' })).toBeInViewport();
	});

	test('the exam overview: 40 numbered squares grouped by theme, all on one screen, each 44 px', async ({ page }) => {
		await registerAs(page, uniqueUsername('overview'));
		await openPage(page, '/exam');
		await page.getByRole('button', { name: 'Start a practice exam' }).click();
		await page.locator('body[data-hydrated="true"]').waitFor();
		await page.locator('.exam-option input[type="radio"]').first().check();
		await page.getByLabel('Mark this question to check later').check();
		await page.getByRole('link', { name: 'Overview' }).click();
		await expect(page.getByTestId('overview-summary')).toHaveText('Answered: 1 of 40. Marked: 1.');

		const grid = page.getByTestId('overview-grid');
		await expect(grid.locator(':scope > li')).toHaveCount(8);
		const squares = grid.locator('a');
		await expect(squares).toHaveCount(40);
		for (const square of await squares.all()) await expect(square).toBeInViewport({ ratio: 1 });
		expect(await smallTargets(page)).toEqual([]);
		// Each row is named by its theme; each square says its state in words, not only by colour.
		await expect(grid.getByRole('list', { name: /^Theme 1: / })).toBeVisible();
		await expect(squares.first()).toHaveAccessibleName('Question 1: answered, marked');
		await expect(squares.nth(1)).toHaveAccessibleName('Question 2: not answered');
		await expectNoAxeViolations(page);
	});
});
