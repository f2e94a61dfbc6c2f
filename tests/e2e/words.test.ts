import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { answer } from './bank';
import { expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/* The KNM words (/words): read from the word files, found by Dutch or English. */

interface WordEntry {
	id: string;
	term: string;
	article?: string;
	definition: string;
	translation: string;
}

const WORD_DIR = join('content', 'words');
const files = readdirSync(WORD_DIR).filter((name) => name.endsWith('.yaml'));
const words = files.flatMap((name) => (parse(readFileSync(join(WORD_DIR, name), 'utf8')) as { words: WordEntry[] }).words);

test('the word list has every theme, and a search by the English translation finds the word', async ({ page }) => {
	await openPage(page, '/words');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('KNM words');
	await expect(page.getByTestId('word-themes').getByRole('listitem')).toHaveCount(8);
	await expectNoAxeViolations(page);

	// a word whose translation no other word's term or translation contains
	const word = words.find((candidate) => words.filter((other) => `${other.term} ${other.translation}`.toLowerCase().includes(candidate.translation.toLowerCase())).length === 1)!;
	await page.getByLabel('Word (in Dutch, English or your language)').fill(word.translation);
	await page.getByRole('button', { name: 'Show words' }).click();
	await expect(page).toHaveURL(/[?&]q=/);
	await expect(page.getByTestId('word-count')).toHaveText('Words: 1');
	const card = page.getByTestId('word-list').getByRole('listitem');
	await expect(card.getByRole('heading', { level: 2 })).toHaveText(`${word.article ? `${word.article} ` : ''}${word.term}`);
	await expect(card).toHaveAttribute('id', word.id);
	await expectNoAxeViolations(page);

	// Dutch, without accents or case; then nothing found
	await openPage(page, `/words?q=${encodeURIComponent(word.term.toUpperCase())}`);
	await expect(page.getByTestId('word-list')).toContainText(word.term);
	await openPage(page, '/words?q=xyzzyq&theme=wonen');
	await expect(page.getByTestId('word-count')).toHaveText('No word found. Try another word, or all themes.');
	// a theme: its words; an unknown theme in the URL is ignored
	await openPage(page, '/words?theme=wonen');
	expect(await page.getByTestId('word-list').getByRole('listitem').count()).toBeGreaterThanOrEqual(50);
	expect((await page.goto('/words?theme=../../etc&q=%00'))?.status()).toBe(200);
});

test('a KNM word in the feedback links to its explanation', async ({ page }) => {
	await registerAs(page, uniqueUsername('woordleerder'));
	// the theme's first new question: gg-106, whose explanation names the Afsluitdijk
	await openPage(page, '/practice/session?scope=theme:geschiedenis-en-geografie');
	const question = await answer(page, false);
	expect(question.id).toBe('gg-106');
	const link = page.getByTestId('term-link').first();
	await expect(link).toHaveText(/afsluitdijk/i);
	await link.click();
	await expect(page).toHaveURL(/\/words\?q=.*#afsluitdijk$/);
	await expect(page.locator('#afsluitdijk').getByRole('heading', { level: 2 })).toHaveText(/Afsluitdijk/);
});

const CLOCK_COOKIE = 'knm_test_clock_offset_ms';
const MINUTE = 60_000;

/** The word card on screen ("Wat betekent ...?"), from the word files. */
async function currentWord(page: Page): Promise<WordEntry> {
	const text = (await page.locator('h1#question-text').textContent())?.trim() ?? '';
	const word = words.find((entry) => text === `Wat betekent "${entry.article ? `${entry.article} ` : ''}${entry.term}"?`);
	expect(word, `"${text}" is a word card`).toBeDefined();
	return word!;
}

/** Answers the word card on screen: its own definition, or another option. */
async function answerWord(page: Page, right: boolean): Promise<WordEntry> {
	const word = await currentWord(page);
	const options = page.locator('button.option');
	await expect(options).toHaveCount(3);
	const texts = (await options.allTextContents()).map((text) => text.trim());
	const index = texts.findIndex((text) => text.includes(word.definition) === right);
	await options.nth(index).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(right ? 'Right!' : 'Not right.');
	return word;
}

test('a learner practises 3 words of a theme; the one missed comes back as due, in the words and in the daily queue', async ({ page, context, baseURL }) => {
	// about 20 s alone; two workers on two cores can double that: a realistic budget, not a speed check
	test.setTimeout(60_000);
	await registerAs(page, uniqueUsername('woordkaart'));
	await openPage(page, '/words?theme=wonen');
	await expectNoAxeViolations(page);
	await page.getByTestId('practise-words').click();
	await expect(page).toHaveURL(/scope=words%3Awonen|scope=words:wonen/);

	const known = await answerWord(page, true);
	await page.getByRole('button', { name: 'I knew it' }).click();
	const missed = await answerWord(page, false);
	// the feedback teaches the word and links to it in the word list
	await expect(page.getByTestId('remember')).toContainText(missed.definition);
	await expect(page.getByTestId('word-link')).toHaveAttribute('href', `/words?theme=wonen#${missed.id}`);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Next question' }).click();
	const third = await answerWord(page, true);
	expect(new Set([known.id, missed.id, third.id]).size).toBe(3);

	// Five minutes later: the missed word is due (its learning step), the two known ones are not yet.
	await context.addCookies([{ name: CLOCK_COOKIE, value: String(5 * MINUTE), url: baseURL! }]);
	await openPage(page, '/practice/session?scope=due');
	expect((await currentWord(page)).id).toBe(missed.id);
	await expect(page.getByText('Question to practise again')).toBeVisible();
	await answerWord(page, true);
	// and then the daily queue goes on with a new question of the bank, not another word
	await page.getByRole('button', { name: 'I knew it' }).click();
	const next = (await page.locator('h1#question-text').textContent())?.trim() ?? '';
	expect(next.startsWith('Wat betekent "')).toBe(false);
});

test('a KNM word in a guide links to its explanation, once', async ({ page }) => {
	await openPage(page, '/guides/knm-wonen');
	const links = page.locator('.prose a.term');
	expect(await links.count()).toBeGreaterThan(3);
	const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
	const ids = hrefs.map((href) => href.split('#')[1]);
	// each word at its first place only
	expect(new Set(ids).size).toBe(ids.length);
	const first = links.first();
	const id = ids[0]!;
	const word = words.find((entry) => entry.id === id)!;
	expect(word, `${id} is a word`).toBeDefined();
	await first.click();
	await expect(page).toHaveURL(new RegExp(`/words\\?q=.*#${id}$`));
	await expect(page.locator(`[id="${id}"]`).getByRole('heading', { level: 2 })).toHaveText(`${word.article ? `${word.article} ` : ''}${word.term}`);
});
