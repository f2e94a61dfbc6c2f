import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import type { Browser, Page } from '@playwright/test';
import { currentQuestion } from './bank';
import { expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/* Class insight: what a class gets wrong, which wrong option it chose, and a set of the most missed. */

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	return context.newPage();
}

test('a teacher sees which wrong option the class chose, and makes a set of the most missed questions', async ({ page, browser, baseURL }) => {
	test.setTimeout(180_000);
	await registerAs(page, uniqueUsername('inzichtleraar'), 'teacher');
	await openPage(page, '/teach');
	await page.getByLabel('Name of the class').fill('Avondklas');
	await page.getByRole('button', { name: 'Make the class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class: Avondklas');
	const classUrl = new URL(page.url()).pathname;
	const joinUrl = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname;

	// Before anyone practises: an empty page that says so.
	await page.getByTestId('insight-link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('What Avondklas gets wrong');
	await expect(page.getByTestId('questions-none')).toHaveText('No answers yet. When your learners practise, you see here what they get wrong.');

	// Five new learners join and answer their first question (the same one: new questions come in
	// one order): the first right, three pick one wrong option, one picks the other.
	let question: Awaited<ReturnType<typeof currentQuestion>> | null = null;
	const learnerNames: string[] = [];
	for (let i = 0; i < 5; i++) {
		const learner = await newPage(browser, baseURL);
		const name = uniqueUsername(`inzicht${i}`);
		learnerNames.push(name);
		await registerAs(learner, name);
		await openPage(learner, joinUrl);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByTestId('joined')).toBeVisible();
		await openPage(learner, '/practice/session?scope=due');
		const shown = await currentQuestion(learner);
		question ??= shown;
		expect(shown.id).toBe(question.id);
		const wrong = shown.options.filter((option) => !option.correct);
		const choice = i === 0 ? shown.options.find((option) => option.correct)! : i < 4 ? wrong[0]! : wrong[1]!;
		await learner.locator('button.option', { hasText: choice.nl }).click();
		await expect(learner.getByTestId('remember')).toBeVisible();
		await learner.context().close();
	}
	const wrong = question!.options.filter((option) => !option.correct);

	await openPage(page, `${classUrl}/insight`);
	const row = page.getByTestId('question-stats').getByRole('row').filter({ hasText: question!.question.nl });
	await expect(row.getByRole('cell').nth(0)).toHaveText('5');
	await expect(row.getByRole('cell').nth(1)).toHaveText('20% (1 of 5)');
	// four wrong answers: too few for percentages, so counts
	await expect(row.getByRole('listitem')).toHaveText([`3×: ${wrong[0]!.nl}`, `1×: ${wrong[1]!.nl}`]);
	await expect(page.getByTestId('most-missed').getByRole('listitem').first()).toContainText(question!.question.nl);
	// learners × themes: the learner who was right knows one question
	const grid = page.getByTestId('theme-grid');
	await expect(grid.getByRole('rowheader')).toHaveCount(5);
	await expect(grid.getByRole('row').filter({ hasText: learnerNames[0]! }).getByRole('cell').last()).not.toHaveText('0%');
	await expect(grid.getByRole('row').filter({ hasText: learnerNames[1]! }).getByRole('cell').last()).toHaveText('0%');
	await expectNoAxeViolations(page);

	// Filters: a theme without answers shows none; an unknown value in the URL is ignored.
	await openPage(page, `${classUrl}/insight?theme=geschiedenis-en-geografie&eindterm=99.1&sort=nope`);
	await expect(page.getByTestId('questions-none')).toHaveText('No answers to these questions yet.');

	// The downloads: CSV files a spreadsheet opens, named after the class and the day.
	const roster = await page.request.get(`${classUrl}/roster.csv`);
	expect(roster.status()).toBe(200);
	expect(roster.headers()['content-type']).toBe('text/csv; charset=utf-8');
	expect(roster.headers()['content-disposition']).toMatch(/^attachment; filename="Avondklas - class list - \d{4}-\d{2}-\d{2}\.csv"/);
	const rosterText = await roster.text();
	expect(rosterText.startsWith('\uFEFF')).toBe(true);
	const rosterRows = Papa.parse<string[]>(rosterText.slice(1), { skipEmptyLines: true }).data;
	expect(rosterRows[0]).toEqual(['Name', 'Joined on', 'Last practised on']);
	expect(rosterRows.slice(1).map((row) => row[0]).sort()).toEqual([...learnerNames].sort());
	await openPage(page, `${classUrl}/insight`);
	const questionsCsv = await page.request.get(await page.getByTestId('questions-csv').getAttribute('href').then((href) => href!));
	const questionRows = Papa.parse<string[]>((await questionsCsv.text()).slice(1), { skipEmptyLines: true }).data;
	expect(questionRows.find((row) => row[0] === question!.id)?.slice(4, 8)).toEqual(['5', '1', '20', '5']);

	// Make a set of these: the teacher lands on the new set, which holds the question.
	await openPage(page, `${classUrl}/insight`);
	await page.getByRole('button', { name: 'Make a set of these questions' }).click();
	await expect(page).toHaveURL(/\/teach\/sets\/[A-Za-z0-9_-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Often wrong: Avondklas');
	await expect(page.getByTestId('set-items')).toContainText(question!.question.nl);

	// Another teacher gets 404, a learner 403.
	const other = await newPage(browser, baseURL);
	await registerAs(other, uniqueUsername('anderejuf'), 'teacher');
	expect((await other.goto(`${classUrl}/insight`))?.status()).toBe(404);
	expect((await other.request.get(`${classUrl}/roster.csv`)).status()).toBe(404);
	expect((await other.request.get(`${classUrl}/insight/questions.csv`)).status()).toBe(404);
	const posted = await other.request.post(`${classUrl}/insight?/makeSet`, {
		form: { questionId: question!.id },
		headers: { origin: baseURL! }
	});
	expect(posted.status()).toBe(404);
	const learner = await newPage(browser, baseURL);
	await registerAs(learner, uniqueUsername('nieuwsgierig'));
	expect((await learner.goto(`${classUrl}/insight`))?.status()).toBe(403);
});

test('the insight page passes axe in Dutch', async ({ page }) => {
	await registerAs(page, uniqueUsername('inzichtjuf'), 'teacher');
	await openPage(page, '/teach');
	await page.getByLabel('Name of the class').fill('Klas NL');
	await page.getByRole('button', { name: 'Make the class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Class: Klas NL');
	const classUrl = new URL(page.url()).pathname;
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: page.url() }]);
	await openPage(page, `${classUrl}/insight`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat Klas NL fout doet');
	await expectNoAxeViolations(page);
});
