import { expect, test } from '@playwright/test';
import { LANGUAGES } from '../../src/lib/domain/locale';
import { chooseLanguage, expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/*
 * The page types accessibility.test.ts does not visit (sign-up and log-in, the word list, and every
 * teacher page), in every interface language, two of them right to left: no axe violations.
 */

for (const { code: locale, name, dir } of LANGUAGES) {
	test(`sign-up, log-in, the word list and the teacher pages have no violations (${locale})`, async ({ page, context, baseURL }) => {
		test.setTimeout(120_000);
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		for (const path of ['/register', '/login', '/words', '/words?theme=wonen']) {
			await openPage(page, path);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expectNoAxeViolations(page);
		}

		// a teacher with a class and a set of their own (made in English, then shown in the language)
		await context.clearCookies();
		await registerAs(page, uniqueUsername(`axt${locale}`), 'teacher');
		await openPage(page, '/teach');
		await page.getByLabel('Name of the class').fill(`KNM ${locale}`);
		await page.getByRole('button', { name: 'Make the class' }).click();
		await expect(page.getByTestId('join-code')).toBeVisible();
		const classUrl = new URL(page.url()).pathname;
		await openPage(page, '/teach/sets');
		await page.getByLabel('Title in Dutch').fill('Wonen en huren');
		await page.getByRole('button', { name: 'Make the set' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Wonen en huren');
		const setUrl = new URL(page.url()).pathname;
		if (locale !== 'en') await chooseLanguage(page, name);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);

		for (const path of ['/teach', classUrl, `${classUrl}/board`, `${classUrl}/insight`, '/teach/sets', setUrl, '/teach/questions', '/teach/questions/new', '/teach/questions/import', '/teach/paper?exam=20261201']) {
			await openPage(page, path);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expectNoAxeViolations(page);
		}
	});
}
