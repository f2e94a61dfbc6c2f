import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseLanguage, expectNoAxeViolations, expectSignedIn, logIn, openPage, PASSWORD, uniqueUsername } from './helpers';

/* The chosen language sticks: at registration, across log-out and log-in, and in the settings. */

const nl = JSON.parse(readFileSync(join(process.cwd(), 'messages', 'nl.json'), 'utf8')) as Record<string, string>;

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 360, height: 640 }
])
test.describe(`on a phone (${viewport.width}×${viewport.height})`, () => {
	test.use({ viewport });

	test('a learner who chose Nederlands stays in Nederlands after registering, logging out and in, and saving settings', async ({ page }) => {
		const username = uniqueUsername('taal');
		await openPage(page, '/');
		await chooseLanguage(page, 'Nederlands');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

		await openPage(page, '/register');
		await page.getByLabel(nl.auth_username!).fill(username);
		await page.getByLabel(nl.auth_password!, { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: nl.register_button! }).click();
		await expectSignedIn(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

		// Log out (on a phone: on the account page), and lose the language cookie too.
		await openPage(page, '/account');
		await page.getByRole('region', { name: nl.nav_logout! }).getByRole('button', { name: nl.nav_logout! }).click();
		await page.context().clearCookies();
		// The log-in page of a new device is in the browser's language; the account's language follows.
		await openPage(page, '/login');
		await logIn(page, username);
		await expectSignedIn(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

		// The settings form shows the language in use, and saving keeps it.
		await openPage(page, '/account');
		await expect(page.getByLabel(nl.account_ui_locale!)).toHaveValue('nl');
		await page.getByRole('button', { name: nl.account_save! }).click();
		await expect(page.getByText(nl.account_saved!)).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	});

	test('switching the language while signed in is saved to the account', async ({ page }) => {
		const username = uniqueUsername('switch');
		await openPage(page, '/register');
		await page.getByLabel('Username').fill(username);
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expectSignedIn(page);
		await chooseLanguage(page, 'Nederlands');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		// Let the switch's own requests finish first: a late response could set the language
		// cookie again after it is cleared.
		await page.waitForLoadState('networkidle');
		await page.context().clearCookies();
		// The log-in page of a new device is in the browser's language; the account's language follows.
		await openPage(page, '/login');
		await logIn(page, username);
		await expectSignedIn(page);
	});
});

test.describe('a browser in another language', () => {
	test.use({ locale: 'ti-ER', extraHTTPHeaders: { 'accept-language': 'ti-ER,ti;q=0.9,en;q=0.5' } });

	test('is asked to choose a language (each named in itself) on the first visit, and the choice sticks', async ({ page }) => {
		await openPage(page, '/');
		const choice = page.getByRole('region', { name: /Kies uw taal/ });
		await expect(choice).toBeVisible();
		await expectNoAxeViolations(page);
		await choice.getByRole('button', { name: 'Nederlands' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('region', { name: /Kies uw taal/ })).toHaveCount(0);
	});
});
