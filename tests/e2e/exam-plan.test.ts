import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { answer, bank, currentQuestion, nextButton } from './bank';
import { dateInDays, expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/*
 * A learner with an exam date, across the days to the exam, with the test clock: the date is
 * checked, answers are scheduled by the exam-date policy (the review log says so), the last days
 * bring back what was practised before anything new, and after the exam plain FSRS returns.
 */

const DAY = 86_400_000;

function policies(username: string): { policy: string; n: number }[] {
	const db = new Database(process.env.KNM_E2E_DATABASE!, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(
				`SELECT r.policy AS policy, count(*) AS n FROM review_log r JOIN user u ON u.id = r.user_id WHERE u.username = ? GROUP BY r.policy ORDER BY r.policy`
			)
			.all(username) as { policy: string; n: number }[];
	} finally {
		db.close();
	}
}

async function setClock(context: BrowserContext, baseURL: string, offsetMs: number): Promise<void> {
	await context.addCookies([{ name: 'knm_test_clock_offset_ms', value: String(Math.round(offsetMs)), url: baseURL }]);
}

/** Answers the scheduled queue's question right and goes on; returns the question's Dutch text. */
async function practiseRight(page: Page): Promise<string> {
	const question = await answer(page, true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Right!');
	await nextButton(page).click();
	return question.question.nl;
}

test('a learner with an exam date 25 days ahead: checked date, the plan in the log, practised questions first in the last days, plain FSRS after', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(120_000);
	const username = uniqueUsername('planner');
	await registerAs(page, username);
	await openPage(page, '/practice');
	const field = page.getByLabel('When is your KNM exam? (if you know it)');

	// A date that has passed, or a typo in the year: a clear message, nothing saved.
	await field.fill(dateInDays(-3));
	await page.getByRole('button', { name: 'Save the date' }).click();
	await expect(page.getByText('That date has passed. Give the date of an exam that is still to come.')).toBeVisible();
	await field.fill(dateInDays(3 * 365));
	await page.getByRole('button', { name: 'Save the date' }).click();
	await expect(page.getByText('That date is more than 2 years away. Please check the year.')).toBeVisible();
	await field.fill(dateInDays(25));
	await page.getByRole('button', { name: 'Save the date' }).click();
	await expect(page.getByText('We saved your exam date.')).toBeVisible();
	// Today's target: the whole bank is to be introduced two weeks before the exam, so with 25
	// days left the bank's questions over 11 days (710 questions: 65 a day), within the daily cap
	// of 100. (25 or 26 days: between midnight UTC and the learner's 04:00 rollover it is still
	// yesterday for the learner.)
	await expect(page.getByTestId('today-plan')).toHaveText(/^Exam in 2[56] days\. /);
	const daysToExam = Number(/^Exam in (\d+) days/.exec((await page.getByTestId('today-plan').textContent())!)![1]);
	const newPerDay = Math.min(Math.ceil(bank.size / (daysToExam - 14)), 100);
	await expect(page.getByTestId('today-plan')).toHaveText(`Exam in ${daysToExam} days. Today's plan: about ${newPerDay} answers, ${newPerDay} still to do.`);

	// Before any practice: readiness for today is a guess on every question, about a third.
	await openPage(page, '/progress');
	await expect(page.getByTestId('readiness-estimate')).toHaveText(/^On your exam day \(.+\): about \d+ to \d+ of the 40 questions right\.$/);
	const [low, high] = (await page.getByTestId('readiness-estimate').textContent())!.match(/about (\d+) to (\d+)/)!.slice(1).map(Number);
	expect(low).toBeLessThanOrEqual(13);
	expect(high).toBeGreaterThanOrEqual(14);
	await expect(page.getByText('It is not a pass mark. DUO does not say how many answers you need right to pass.')).toBeVisible();
	await expect(page.getByTestId('readiness-themes').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) })).toHaveCount(8);
	// The plan ahead: the expected score if the learner keeps to the plan, and the load, with a table.
	const ahead = page.getByTestId('plan-forecast');
	await expect(page.getByTestId('plan-forecast-summary')).toHaveText(/^If you practise every day as planned: about \d+ of the 40 questions right on your exam day \(.+\)\. The busiest day asks (\d|[1-9]\d|100) answers\.$/);
	const planned = Number(/about (\d+) of the 40/.exec((await page.getByTestId('plan-forecast-summary').textContent())!)![1]);
	expect(planned).toBeGreaterThan(high!);
	await expect(ahead.getByRole('img')).toHaveCount(2);
	await ahead.getByText('Show as a table').click();
	// a row a day from today to the exam day, and the header
	await expect(ahead.getByRole('row')).toHaveCount(daysToExam + 2);
	const guideLink = page.getByTestId('readiness-themes').locator('a[href^="/guides/"]').first();
	await expect(guideLink).toHaveAttribute('href', /^\/guides\/[a-z0-9-]+#eindterm-\d+-\d+$/);
	await expectNoAxeViolations(page);

	// Day 1: four new questions, each answered right twice (the second time after its 10 minutes).
	await openPage(page, '/practice/session?scope=due');
	const practised = new Set<string>();
	for (let i = 0; i < 4; i++) practised.add(await practiseRight(page));
	await setClock(context, baseURL!, 11 * 60_000);
	await openPage(page, '/practice/session?scope=due');
	for (let i = 0; i < 4; i++) expect(practised).toContain(await practiseRight(page));
	expect(policies(username)).toEqual([{ policy: 'exam', n: 8 }]);
	// Readiness counts the four questions as answered, in their themes.
	await openPage(page, '/progress');
	const lines = await page.getByTestId('readiness-themes').getByText(/you answered \d+ of \d+ questions/).allTextContents();
	expect(lines).toHaveLength(8);
	expect(lines.reduce((sum, line) => sum + Number(/you answered (\d+) of/.exec(line)![1]), 0)).toBe(4);

	// Three days before the exam: the final sweep shows a practised question before anything new.
	// (Each question has its final slot in the last 7 days; only those whose slot has come.)
	await setClock(context, baseURL!, (daysToExam - 3) * DAY);
	await openPage(page, '/practice/session?scope=due');
	expect(practised).toContain((await currentQuestion(page)).question.nl);
	// The day before the exam every slot has come: all that was practised comes back first.
	await setClock(context, baseURL!, (daysToExam - 1) * DAY);
	await openPage(page, '/practice/session?scope=due');
	for (let i = 0; i < 4; i++) {
		const question = await currentQuestion(page);
		expect(practised, `question ${i + 1} in the last days`).toContain(question.question.nl);
		await practiseRight(page);
	}

	// After the exam day: plain FSRS again, and no plan for today.
	await setClock(context, baseURL!, (daysToExam + 1) * DAY);
	await openPage(page, '/practice');
	await expect(page.getByTestId('today-plan')).toHaveCount(0);
	// ...and the learner is asked once how the exam went (optional).
	const outcome = page.getByRole('region', { name: 'How did your KNM exam go?' });
	await expect(outcome).toBeVisible();
	await expectNoAxeViolations(page);
	const bad = await page.request.post('/practice?/examOutcome', { form: { result: 'great' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(bad.status()).toBe(400);
	await outcome.getByRole('button', { name: 'I passed' }).click();
	await expect(page.getByText('Thank you. Do you have a new exam date? Give it in the settings.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'How did your KNM exam go?' })).toHaveCount(0);
	const again = await page.request.post('/practice?/examOutcome', { form: { result: 'failed' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(again.status()).toBe(409);
	await openPage(page, '/practice/session?scope=due');
	await practiseRight(page);
	expect(policies(username)).toEqual([
		{ policy: 'exam', n: 12 },
		{ policy: 'fsrs', n: 1 }
	]);
});
