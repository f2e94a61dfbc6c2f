import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

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

for (const locale of ['en', 'nl'] as const) {
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
