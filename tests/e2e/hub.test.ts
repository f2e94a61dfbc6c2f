import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { chooseLanguage } from './helpers';

test.describe('information hub', () => {
	test('home → topic → source shows where the source appears in the hub', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prepare for the KNM exam');
		// Signed out, "Start practising" leads to the short sign-up form and then the first question.
		await expect(page.getByRole('link', { name: 'Start practising' })).toHaveAttribute(
			'href',
			`/register?redirectTo=${encodeURIComponent('/practice/session?scope=due')}`
		);
		await expect(page.getByRole('link', { name: 'Take a practice exam' })).toHaveAttribute('href', '/exam');

		await page.getByRole('link', { name: 'Websites that almost everyone needs' }).first().click();
		await expect(page).toHaveURL(/\/topics\/websites-almost-everyone-needs$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Websites that almost everyone needs');

		await page.getByRole('link', { name: 'Mijn Inburgering', exact: true }).click();
		await expect(page).toHaveURL(/\/sources\/mijn-inburgering$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn Inburgering');

		const where = page.getByRole('region', { name: 'Where this website appears on KNM Hub' });
		await expect(where.getByTestId('mention-summary')).toHaveText(/^\d+ topics?, \d+ guides?$/);
		const topicLinks = where.getByTestId('topic-mentions').getByRole('link');
		await expect(topicLinks.filter({ hasText: 'Websites that almost everyone needs' })).toHaveCount(1);
		const guideLinks = where.getByTestId('guide-mentions').getByRole('link');
		expect(await guideLinks.count()).toBeGreaterThan(0);

		// The counts in the summary match the linked lists.
		const summary = await where.getByTestId('mention-summary').textContent();
		const [topics, guides] = (summary ?? '').match(/\d+/g)!.map(Number);
		expect(await topicLinks.count()).toBe(topics);
		expect(await guideLinks.count()).toBe(guides);

		await guideLinks.first().click();
		await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
	});

	test('a guide renders its text and links its official sources', async ({ page }) => {
		await page.goto('/guides');
		await page.getByRole('link', { name: 'Which integration exams are there?' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which integration exams are there?');
		await expect(page.locator('article .prose h2').first()).toBeVisible();
		const sources = page.getByTestId('guide-sources').getByRole('link');
		expect(await sources.count()).toBeGreaterThanOrEqual(2);
		await expect(page.getByRole('heading', { name: 'Other guides' })).toBeVisible();
	});

	test('quick answers link to the guide that explains more', async ({ page }) => {
		await page.goto('/quick-answers');
		const answers = page.locator('main .card');
		expect(await answers.count()).toBeGreaterThanOrEqual(5);
		await answers.first().getByRole('link', { name: /^Read more:/ }).click();
		await expect(page).toHaveURL(/\/guides\/[a-z0-9-]+$/);
	});

	test('the language switch changes the interface and is remembered', async ({ page, context }) => {
		await page.goto('/topics');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Topics');
		await chooseLanguage(page, 'Nederlands');

		await expect(page).toHaveURL(/\/topics$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onderwerpen');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('button', { name: 'Nederlands', includeHidden: true })).toHaveAttribute('aria-pressed', 'true');

		const cookies = await context.cookies();
		expect(cookies.find((cookie) => cookie.name === 'PARAGLIDE_LOCALE')?.value).toBe('nl');

		// Remembered on the next visit.
		await page.goto('/guides/which-integration-exams');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welke inburgeringsexamens zijn er?');

		await chooseLanguage(page, 'English');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which integration exams are there?');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	});

	test('a guide says when its facts were checked, and warns when its amounts or dates can change', async ({ page }) => {
		const frontmatter = (slug: string) => readFileSync(join('content', 'guides', `${slug}.md`), 'utf8').split('---')[1]!;
		for (const slug of ['which-integration-exams', 'knm-werk-en-inkomen']) {
			const meta = frontmatter(slug);
			const checked = /^checked: (\d{4}-\d{2}-\d{2})$/m.exec(meta)![1]!;
			await page.goto(`/guides/${slug}`);
			const day = new Date(`${checked}T12:00:00Z`).toLocaleDateString('en', { dateStyle: 'long', timeZone: 'UTC' });
			await expect(page.getByTestId('guide-checked')).toHaveText(`Facts checked against the official pages on ${day}`);
			await expect(page.getByTestId('guide-volatile')).toHaveCount(/^volatile: true$/m.test(meta) ? 1 : 0);
		}
	});

	test('search finds a guide', async ({ page }) => {
		await page.goto('/');
		await page.getByLabel('Search official websites, topics, guides and short answers').fill('Z-route exam');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/search\?q=Z-route\+exam$/);
		const results = page.getByTestId('search-results');
		await expect(results.getByRole('link', { name: 'Do you have to take the exam in the Z-route?' })).toBeVisible();
	});

	test('search with only symbols or FTS syntax shows no error', async ({ page }) => {
		const response = await page.goto('/search?q=%22%29%28*+NEAR+OR');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
	});

	test('an unknown slug gives the 404 page', async ({ page }) => {
		for (const path of ['/sources/no-such-source', '/topics/no-such-topic', '/guides/no-such-guide', '/guides/Bad_Slug!', '/nowhere']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
			await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
		}
	});

	test('a bad language form gets a 400 and changes nothing', async ({ page, request }) => {
		const response = await request.post('/language', {
			form: { locale: 'xx', redirectTo: '/' },
			headers: { origin: 'http://localhost:4173' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(400);
		expect(response.headers()['set-cookie']).toBeUndefined();
		await page.goto('/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the hub can be read and the language switched', async ({ page }) => {
		await page.goto('/sources');
		await page.getByRole('link', { name: 'DUO', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('DUO');
		await chooseLanguage(page, 'Nederlands');
		await expect(page.getByRole('heading', { name: 'Waar deze website op KNM Hub staat' })).toBeVisible();
		await expect(page).toHaveURL(/\/sources\/duo$/);
	});
});
