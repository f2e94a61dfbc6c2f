import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openPage, PASSWORD, uniqueUsername } from './helpers';

/* A new learner's first minutes, on a phone: from home to the first question, and a sign-up form that helps. */

test.use({ viewport: { width: 390, height: 844 } });

test('from home to the first question: one tap, the short form, one tap', async ({ page }) => {
	await openPage(page, '/');
	await page.getByRole('link', { name: 'Start practising' }).click(); // tap 1
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	await page.locator('body[data-hydrated="true"]').waitFor();
	await page.getByLabel('Username').fill(uniqueUsername('first'));
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click(); // tap 2
	await expect(page.locator('h1#question-text')).toBeVisible();
	for (const option of await page.locator('button.option').all()) await expect(option).toBeInViewport({ ratio: 1 });
});

test('sign-up shows every problem at once, suggests a username for a full name, and keeps what was typed', async ({ page }) => {
	await openPage(page, '/register');
	// No role question for learners: teachers have their own link.
	await expect(page.getByRole('radio')).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Are you a teacher? Create a teacher account' })).toBeVisible();
	await expect(page.getByText('We do not have your e-mail address. So we cannot send you a new password.')).toBeVisible();

	await page.locator('form.form').evaluate((form) => form.setAttribute('novalidate', ''));
	await page.getByLabel('Username').fill('Fatima Yusuf');
	await page.getByLabel('Password', { exact: true }).fill('kort');
	await page.getByLabel('Your name (if you want)').fill('Fatima');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('alert')).toHaveText('Please correct 2 things below.');
	await expect(page.getByText('A username cannot have spaces. We filled in Fatima.Yusuf. You can keep it or change it.')).toBeVisible();
	await expect(page.getByLabel('Username')).toHaveValue('Fatima.Yusuf');
	await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Password', { exact: true })).toHaveValue('kort');
	await expect(page.getByLabel('Your name (if you want)')).toHaveValue('Fatima');
	await expectNoAxeViolations(page);

	// Show the password, mend it, and the account is made with the suggested name.
	await page.getByLabel('Show password').check();
	await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'text');
	await page.getByLabel('Username').fill(uniqueUsername('fatima'));
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.locator('header a[href="/account"]').first()).toBeAttached();
});

test('a page that needs an account offers to make one first', async ({ page }) => {
	await openPage(page, '/practice');
	await expect(page).toHaveURL(/\/login\?redirectTo=/);
	await page.getByRole('link', { name: 'Create an account' }).click();
	await expect(page).toHaveURL(/\/register\?redirectTo=%2Fpractice/);
});

test('a theme row on home is one big link: sign up, then practise that theme', async ({ page }) => {
	await openPage(page, '/');
	const row = page.getByRole('link', { name: /^Theme 3: Housing/ });
	expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	await row.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
	await page.locator('body[data-hydrated="true"]').waitFor();
	await page.getByLabel('Username').fill(uniqueUsername('themerow'));
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/practice\/session\?scope=theme(:|%3A)wonen/);
	await expect(page.locator('h1#question-text')).toBeVisible();
});
