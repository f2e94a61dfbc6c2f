import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { answer } from './bank';
import { LANGUAGES } from '../../src/lib/domain/locale';
import { chooseLanguage, openPage, registerAs, uniqueUsername } from './helpers';

const PAGES = [
	{ name: 'home', path: '/' },
	{ name: 'sources', path: '/sources' },
	{ name: 'source', path: '/sources/duo' },
	{ name: 'topics', path: '/topics' },
	{ name: 'topic', path: '/topics/exam-information-and-planning' },
	{ name: 'guides', path: '/guides' },
	{ name: 'guide', path: '/guides/which-integration-exams' },
	{ name: 'quick answers', path: '/quick-answers' },
	{ name: 'search results', path: '/search?q=DUO' },
	{ name: 'not found', path: '/guides/no-such-guide' }
];

// every interface language, from the one list (two of them right to left)
for (const { code: locale } of LANGUAGES) {
	test.describe(`axe (${locale})`, () => {
		test.beforeEach(async ({ context, baseURL }) => {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		});

		for (const { name, path } of PAGES) {
			test(`${name} page has no violations`, async ({ page }) => {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				const results = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
					.analyze();
				expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
			});
		}
	});
}

/* The learner's screens, in every language: practice question, feedback (wrong, then right with
   "I knew it" / "I guessed"), round progress, practice exam question, overview, results, account,
   the mistakes list and the exam history. */
for (const { code: locale, name, dir } of LANGUAGES) {
	test(`learner screens have no violations (${locale})`, async ({ page }) => {
		test.setTimeout(90_000);
		await registerAs(page, uniqueUsername(`axe${locale}`));
		if (locale !== 'en') {
			await chooseLanguage(page, name);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
		}
		const scan = async (what: string) => {
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
				.analyze();
			expect(results.violations.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
		};
		for (const path of ['/practice', '/progress', '/plan', '/account', '/exam']) {
			await openPage(page, path);
			await scan(path);
		}
		await openPage(page, '/practice/session?scope=due');
		await scan('practice question');
		await answer(page, false);
		await expect(page.getByTestId('remember')).toBeVisible();
		await scan('feedback, wrong');
		await page.locator('.next-bar button.button').first().click();
		await answer(page, true);
		await expect(page.locator('.next-bar form')).toHaveCount(2);
		await scan('feedback, right');

		await openPage(page, '/exam');
		await page.locator('form button.button').first().click();
		await expect(page.getByTestId('exam-position')).toBeVisible();
		await page.locator('body[data-hydrated="true"]').waitFor();
		await scan('exam question');
		await page.locator('a.overview-link').click();
		await expect(page.getByTestId('overview-grid')).toBeVisible();
		await scan('exam overview');
		await page.locator('form button.button').first().click();
		await page.locator('.confirm form button.button').click();
		await expect(page.getByTestId('score')).toBeVisible();
		await scan('exam results');
		// the lists these screens fill: the question missed above, and the exam just handed in
		for (const path of ['/practice/mistakes', '/exam/history']) {
			await openPage(page, path);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			await scan(path);
		}
	});
}
