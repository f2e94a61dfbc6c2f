import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { registerAs, uniqueUsername } from './helpers';

/*
 * Cumulative layout shift below 0.05 on a phone, measured with a PerformanceObserver for
 * `layout-shift` entries while the web font arrives late (each font file held back 800 ms, as on a
 * slow mobile connection). A font that swaps in and re-wraps the text moves the page; these tests
 * catch that.
 */

async function slowFonts(page: Page): Promise<void> {
	await page.route(/\.woff2$/, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 800));
		await route.continue();
	});
}

async function measureShift(page: Page, path: string): Promise<{ value: number; sources: string[] }> {
	await page.goto(path);
	await page.evaluate(() => document.fonts.ready);
	// past the read-aloud row settling (1.5 s after hydration)
	await page.waitForTimeout(2000);
	return page.evaluate(
		() =>
			new Promise<{ value: number; sources: string[] }>((resolve) => {
				let value = 0;
				const sources: string[] = [];
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & {
						value: number;
						hadRecentInput: boolean;
						sources?: { node?: Node }[];
					})[]) {
						if (entry.hadRecentInput) continue;
						value += entry.value;
						for (const source of entry.sources ?? []) {
							const node = source.node;
							if (node instanceof Element) sources.push(`${node.tagName.toLowerCase()}.${node.className}`.slice(0, 60));
						}
					}
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => resolve({ value, sources }), 100);
			})
	);
}

for (const viewport of [
	{ width: 390, height: 844 },
	{ width: 360, height: 640 }
]) {
	test.describe(`layout shift at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });

		test('home and a guide do not move while the font arrives', async ({ page }) => {
			await slowFonts(page);
			for (const path of ['/', '/guides/knm-wonen']) {
				const shift = await measureShift(page, path);
				expect(shift.value, `${path}: ${shift.sources.join(', ')}`).toBeLessThan(0.05);
			}
		});

		test('a practice question does not move while the font arrives', async ({ page, browser, baseURL }) => {
			// Register in another context, so this page's cache has no font yet.
			const setup = await browser.newContext({ baseURL });
			await registerAs(await setup.newPage(), uniqueUsername('shift'));
			await page.context().addCookies(await setup.cookies());
			await setup.close();
			await slowFonts(page);
			const shift = await measureShift(page, '/practice/session?scope=due');
			expect(shift.value, shift.sources.join(', ')).toBeLessThan(0.05);
		});
	});
}

test('the preloaded web font is used when it arrives in time', async ({ page }) => {
	await page.goto('/');
	await page.evaluate(() => document.fonts.ready);
	const loaded = await page.evaluate(() =>
		[...document.fonts].filter((font) => font.family.includes('Atkinson Hyperlegible') && font.status === 'loaded').map((font) => font.weight)
	);
	expect(loaded.sort()).toEqual(['400', '700']);
});
