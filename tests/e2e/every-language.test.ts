import { expect, test } from '@playwright/test';
import { LANGUAGES } from '../../src/lib/domain/locale';
import { addBankQuestionsToSet, chooseLanguage, expectNoAxeViolations, fillOwnQuestion, openPage, registerAs, uniqueUsername } from './helpers';

/*
 * The page types accessibility.test.ts does not visit (sign-up and log-in, the word list, every
 * teacher page with a task and a question of their own, and the join screens), in every interface
 * language, two of them right to left: no axe violations.
 */

for (const { code: locale, name, dir } of LANGUAGES) {
	test(`sign-up, log-in and the word list have no violations (${locale})`, async ({ page, context, baseURL }) => {
		test.setTimeout(90_000);
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		for (const path of ['/register', '/login', '/words', '/words?theme=wonen']) {
			await openPage(page, path);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expectNoAxeViolations(page);
		}
	});

	test(`the teacher pages and the join screens have no violations (${locale})`, async ({ page }) => {
		// 16 scans of long pages, two workers sharing two cores: a realistic budget, not a speed check
		test.setTimeout(240_000);
		// a teacher with a class and a set of their own (made in English, then shown in the language)
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
		// three bank questions in the set, and the set given to the class as a task
		await addBankQuestionsToSet(page, setUrl, '3.1.2', 3);
		await openPage(page, classUrl);
		const taskForm = page.locator('form[action="?/createTask"]');
		await taskForm.getByLabel('Question set').selectOption({ label: 'Wonen en huren (3)' });
		await taskForm.getByLabel('Due date', { exact: true }).fill('2027-03-15');
		await taskForm.getByRole('button', { name: 'Give the task' }).click();
		const taskLink = page.getByTestId('tasks').getByRole('link').first();
		await expect(taskLink).toBeVisible();
		const taskUrl = (await taskLink.getAttribute('href'))!;
		const joinPath = new URL((await page.getByTestId('join-link').getAttribute('href'))!).pathname;
		// a question of their own
		await openPage(page, '/teach/questions/new');
		await fillOwnQuestion(page, {
			text: 'Waar meldt u een kapotte lantaarnpaal in uw straat?',
			answers: ['Bij de politie', 'Bij de gemeente', 'Bij de woningcorporatie'],
			right: 'B',
			explanation: 'De gemeente zorgt voor de straat en de lampen. U meldt het bij de gemeente.',
			eindterm: '3.1'
		});
		await page.getByRole('button', { name: 'Save question' }).click();
		await expect(page.getByRole('status')).toHaveText('The question is saved.');
		const questionUrl = new URL(page.url()).pathname;
		if (locale !== 'en') await chooseLanguage(page, name);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);

		for (const path of [
			'/teach',
			classUrl,
			`${classUrl}/board`,
			`${classUrl}/insight`,
			taskUrl,
			`${classUrl}/paper?exam=20261201`,
			'/teach/sets',
			setUrl,
			'/teach/questions',
			questionUrl,
			'/teach/questions/new',
			'/teach/questions/import',
			'/teach/paper?exam=20261201',
			// the join screens a learner sees: the code form, a code that cannot be one, a class's screen
			'/join',
			'/join?code=12',
			joinPath
		]) {
			await openPage(page, path);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await expectNoAxeViolations(page);
		}
	});
}
