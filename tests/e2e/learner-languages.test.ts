import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { parse, stringify } from 'yaml';
import { LANGUAGES } from '../../src/lib/domain/locale';
import { chooseLanguage, expectNoAxeViolations, openPage, registerAs, startServer, uniqueUsername } from './helpers';

/*
 * The main learner journey in the learners' own languages: Arabic and Persian (right to left) and
 * Ukrainian. The interface is in the learner's language, the exam text stays Dutch and left to
 * right, the translation under it is in the learner's language, and a translation whose Dutch
 * changed gives way to English.
 */

const nameOf = (code: string) => LANGUAGES.find((language) => language.code === code)!.name;

/** The translations of the questions into one language, from the files, by question id. */
function questionTranslations(locale: string): Map<string, { question: string; options: string[]; explanation: string }> {
	const dir = join(process.cwd(), 'questions', 'translations', locale);
	const map = new Map<string, { question: string; options: string[]; explanation: string }>();
	for (const file of readdirSync(dir)) {
		const data = parse(readFileSync(join(dir, file), 'utf8')) as { translations: { id: string; question: string; options: string[]; explanation: string }[] };
		for (const item of data.translations) map.set(item.id, item);
	}
	return map;
}

async function shownQuestionId(page: Page): Promise<string> {
	return page.locator('form.practice-question input[name="questionId"]').inputValue();
}

/** Right to left: the header starts at the right (the site name at the right edge, the menus at the left). */
async function expectMirroredHeader(page: Page): Promise<void> {
	const width = page.viewportSize()!.width;
	const brand = (await page.locator('header .brand').boundingBox())!;
	const language = (await page.locator('header details.language-switch summary').boundingBox())!;
	expect(brand.x + brand.width).toBeGreaterThan(width * 0.75);
	expect(language.x).toBeLessThan(brand.x);
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	await testInfo.attach(name, { body: await page.screenshot({ fullPage: false }), contentType: 'image/png' });
}

test.describe('on a phone, in the learner’s own language', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('Arabic: the page is right to left, the question Dutch and left to right, the translation Arabic; keys 1–3 answer as labelled', async ({ page }, testInfo) => {
		test.setTimeout(90_000);
		const arabic = questionTranslations('ar');
		// every script the pages load comes from the Arabic build, which holds only Arabic messages
		const scripts: string[] = [];
		page.on('response', (response) => {
			if (response.url().endsWith('.js')) scripts.push(response.url());
		});
		await registerAs(page, uniqueUsername('arabi'));
		await chooseLanguage(page, nameOf('ar'));
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expectMirroredHeader(page);
		await expectNoAxeViolations(page);

		await openPage(page, '/practice/session?scope=due');
		const id = await shownQuestionId(page);
		const question = page.locator('h1#question-text');
		await expect(question).toHaveAttribute('lang', 'nl');
		await expect(question).toHaveAttribute('dir', 'ltr');
		// the translation: Arabic (switching the interface to Arabic also set the translation), open at first sight
		const aid = page.locator('p.question-aid');
		await expect(aid).toHaveAttribute('lang', 'ar');
		await expect(aid).toHaveAttribute('dir', 'rtl');
		await expect(aid).toBeVisible();
		await expect(aid).toHaveText(arabic.get(id)!.question);
		await expect(page.getByTestId('aid-fallback')).toHaveCount(0);
		const practiceScripts = scripts.filter((url) => url.includes('/l/ar/'));
		expect(practiceScripts.length).toBeGreaterThan(5);
		expect(scripts.filter((url) => !url.includes('/_app/immutable/l/'))).toEqual([]);
		const practiceCode = (await Promise.all(practiceScripts.map((url) => page.request.get(url).then((response) => response.text())))).join('\n');
		expect(practiceCode).toContain('أظهر الترجمة');
		expect(practiceCode).not.toContain('Vertaling laten zien');
		expect(practiceCode).not.toContain('Показати переклад');
		await expectMirroredHeader(page);
		await attachScreenshot(page, testInfo, 'practice-ar');
		await expectNoAxeViolations(page);

		// key 1 answers the option labelled 1
		const first = page.locator('button.option').first();
		await expect(first.locator('.key')).toHaveText('1');
		const firstText = ((await first.locator('> span:not(.key)').evaluate((span) => span.firstChild?.textContent ?? '')) ?? '').trim();
		await page.keyboard.press('1');
		await expect(page.getByTestId('remember')).toBeVisible();
		await expect(page.locator('ol.answers li.chosen, ol.answers li.correct.chosen').first()).toContainText(firstText);
		await expect(page.getByTestId('takeaway-aid')).toHaveAttribute('lang', 'ar');
		await expectNoAxeViolations(page);

		for (const path of ['/progress', '/guides/which-integration-exams']) {
			await openPage(page, path);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expectNoAxeViolations(page);
		}
		// a guide: title and summary in Arabic, the full text in English, marked left to right
		await expect(page.locator('h1')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('.prose')).toHaveAttribute('lang', 'en');
		await expect(page.locator('.prose')).toHaveAttribute('dir', 'ltr');

		// search in Arabic finds the Arabic guide titles and quick answers
		await openPage(page, `/search?q=${encodeURIComponent('امتحان')}`);
		await expect(page.locator('h3[lang="ar"] a').first()).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('Persian: right to left, mirrored, with the Persian translation', async ({ page }, testInfo) => {
		const persian = questionTranslations('fa');
		await registerAs(page, uniqueUsername('farsi'));
		await chooseLanguage(page, nameOf('fa'));
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await openPage(page, '/practice/session?scope=due');
		const id = await shownQuestionId(page);
		await expect(page.locator('p.question-aid')).toHaveAttribute('lang', 'fa');
		await expect(page.locator('p.question-aid')).toHaveText(persian.get(id)!.question);
		await expectMirroredHeader(page);
		await attachScreenshot(page, testInfo, 'practice-fa');
		await expectNoAxeViolations(page);
	});

	test('Ukrainian: practice with feedback, progress and a guide, then back to Dutch', async ({ page }) => {
		test.setTimeout(60_000);
		const ukrainian = questionTranslations('uk');
		await registerAs(page, uniqueUsername('ukr'));
		await chooseLanguage(page, nameOf('uk'));
		await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');

		await openPage(page, '/practice/session?scope=due');
		const id = await shownQuestionId(page);
		await expect(page.locator('p.question-aid')).toHaveText(ukrainian.get(id)!.question);
		await page.keyboard.press('2');
		await expect(page.getByTestId('remember')).toBeVisible();
		await expect(page.getByTestId('takeaway-aid')).toHaveAttribute('lang', 'uk');
		await expectNoAxeViolations(page);
		for (const path of ['/progress', '/guides/which-integration-exams']) {
			await openPage(page, path);
			await expectNoAxeViolations(page);
		}
		await expect(page.locator('h1')).toHaveAttribute('lang', 'uk');

		// the practice exam is Dutch only, unless the learner allows the translation for it
		await openPage(page, '/exam');
		await page.locator('input[name="aid"]').check();
		await page.locator('form button.button').first().click();
		await expect(page.getByTestId('exam-position')).toBeVisible();
		await expect(page.getByTestId('exam-aid')).toHaveAttribute('lang', 'uk');
		await expect(page.getByTestId('exam-aid')).toBeVisible();
		await expectNoAxeViolations(page);

		await chooseLanguage(page, 'Nederlands');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await expect(page.locator('h1')).toHaveAttribute('lang', 'nl');
	});
});

test('the Arabic and Cyrillic fonts are fetched only by pages that show those scripts', async ({ page, context, baseURL }) => {
	const fonts: string[] = [];
	page.on('request', (request) => {
		if (request.url().includes('/fonts/')) fonts.push(new URL(request.url()).pathname);
	});
	// English and Dutch pages (their language menus name العربية and Українська in system fonts)
	for (const locale of ['en', 'nl']) {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
		await openPage(page, '/');
		await openPage(page, '/guides');
		await page.locator('header details.language-switch summary').click();
	}
	expect(fonts.filter((path) => path.includes('noto-sans'))).toEqual([]);
	// an Arabic page and a Ukrainian page fetch their script's font
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'ar', url: baseURL! }]);
	await openPage(page, '/');
	await expect.poll(() => fonts.some((path) => path.includes('noto-sans-arabic'))).toBe(true);
	await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'uk', url: baseURL! }]);
	await openPage(page, '/');
	await expect.poll(() => fonts.some((path) => path.includes('noto-sans-cyrillic'))).toBe(true);
});

test('a translation whose Dutch changed is not shown: the learner sees the English one, and is told so', async ({ page }) => {
	test.setTimeout(120_000);
	// a copy of the content in which every housing question's Dutch explanation was rewritten
	const root = mkdtempSync(join(tmpdir(), 'knm-stale-'));
	cpSync(join(process.cwd(), 'content'), join(root, 'content'), { recursive: true });
	cpSync(join(process.cwd(), 'questions'), join(root, 'questions'), { recursive: true });
	const file = join(root, 'questions', 'wonen.yaml');
	const data = parse(readFileSync(file, 'utf8')) as { questions: { id: string; question: { nl: string; en: string }; explanation: { nl: string } }[] };
	for (const question of data.questions) question.explanation.nl = question.explanation.nl.replace(/\.$/, '!');
	writeFileSync(file, stringify(data, { lineWidth: 0 }));
	const port = 4184;
	const { child } = await startServer(port, join(root, 'stale.db'), { CONTENT_ROOT: root });
	try {
		const base = `http://localhost:${port}`;
		await page.goto(`${base}/register`);
		await page.locator('body[data-hydrated="true"]').waitFor();
		await page.getByLabel('Username').fill(uniqueUsername('stale'));
		await page.getByLabel('Password', { exact: true }).fill('fiets regen koffie 7');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.locator('header a[href="/account"]').first()).toBeAttached();
		await chooseLanguage(page, nameOf('ar'));
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await page.goto(`${base}/practice/session?scope=theme:wonen`);
		const id = await shownQuestionId(page);
		const english = data.questions.find((question) => question.id === id)!.question.en;
		// the Arabic was made from the old Dutch: English instead, marked as English, with a note
		await expect(page.locator('p.question-aid')).toHaveAttribute('lang', 'en');
		await expect(page.locator('p.question-aid')).toHaveAttribute('dir', 'ltr');
		await expect(page.locator('p.question-aid')).toHaveText(english);
		await expect(page.getByTestId('aid-fallback')).toBeVisible();
		// a question of another theme still has its Arabic
		await page.goto(`${base}/practice/session?scope=theme:werk-en-inkomen`);
		await expect(page.locator('p.question-aid')).toHaveAttribute('lang', 'ar');
		await expect(page.getByTestId('aid-fallback')).toHaveCount(0);
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
		rmSync(root, { recursive: true, force: true });
	}
});
