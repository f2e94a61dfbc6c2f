import { expect, test } from '@playwright/test';
import { dateInDays, expectNoAxeViolations, openPage, registerAs, uniqueUsername } from './helpers';

/*
 * "My exam plan": a learner fills in law, route, deadline and exams; the checklist gets dates from
 * the content's facts and links every step to its guide and official page; the KNM date is the one
 * practice plans for; the dates download as a calendar file; the forms work without JavaScript.
 */

test('a learner makes an exam plan: dated checklist with guide and source links, KNM date shared with practice, calendar file', async ({ page, baseURL }) => {
	test.setTimeout(60_000);
	await registerAs(page, uniqueUsername('plan'));
	await openPage(page, '/plan');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My exam plan');
	const checklist = page.getByTestId('plan-checklist');
	// Nothing filled in yet: first the deadline, and the 2021 law's exams to book (no dates yet).
	await expect(checklist.getByRole('heading', { level: 3 }).first()).toHaveText('Fill in your deadline');
	await expect(checklist.getByRole('heading', { level: 3, name: 'Book the exam: KNM (Knowledge of Dutch society)' })).toBeVisible();
	await expectNoAxeViolations(page);

	// A bad date gets a clear message and saves nothing.
	await page.getByLabel('The 2021 law (your duty started on or after 1 January 2022)').check();
	await page.getByLabel('Your deadline (last day of your inburgeringstermijn)').fill('2099-01-01');
	await page.getByRole('button', { name: 'Save my situation' }).click();
	await expect(page.getByRole('alert')).toHaveText('This is not a possible date. Please check the date.');

	// The 2021 law, B1 route, a deadline a year away.
	await page.getByLabel('B1 route').check();
	await page.getByLabel('Your deadline (last day of your inburgeringstermijn)').fill(dateInDays(365));
	await page.getByRole('button', { name: 'Save my situation' }).click();
	await expect(page.getByText('We saved your plan.')).toBeVisible();
	await expect(checklist.getByRole('heading', { level: 3 }).first()).toHaveText(/^Your deadline \(inburgeringstermijn\): /);
	// Book KNM by: deadline − 8 weeks (result) − 2 × 6 weeks (booking, and booking a retake) = 225 days from now.
	const knmStep = checklist.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Book the exam: KNM .*, by / }) });
	await expect(knmStep).toContainText('Then there is still time for a retake before your deadline.');
	await expect(knmStep.getByRole('link', { name: 'Read more: Booking an exam and what it costs' })).toHaveAttribute('href', '/guides/booking-an-exam');
	await expect(knmStep.getByRole('link', { name: 'Official page: Inburgeren.nl' }).first()).toHaveAttribute('href', 'https://inburgeren.nl/examen-doen/aanmelden.jsp');
	await expect(knmStep).toContainText('(checked on ');
	// The language exams of the B1 route are the Staatsexamen NT2.
	await expect(checklist.getByRole('heading', { level: 3, name: 'Register for the Staatsexamen NT2: Reading, Listening, Writing, Speaking' })).toBeVisible();
	// ONA is not part of the 2021 law.
	await expect(page.getByRole('group', { name: /^ONA/ })).toHaveCount(0);

	// The KNM exam booked 40 days ahead, reading passed.
	const knm = page.getByRole('group', { name: 'KNM (Knowledge of Dutch society)' });
	await knm.getByLabel('Status').selectOption('booked');
	await knm.getByLabel('Date of the exam').fill(dateInDays(40));
	await page.getByRole('group', { name: 'Reading' }).getByLabel('Status').selectOption('passed');
	await page.getByRole('button', { name: 'Save my exams' }).click();
	await expect(page.getByText('We saved your plan.')).toBeVisible();
	const examStep = checklist.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Exam KNM .*: / }) });
	await expect(examStep).toContainText('Your practice plan works toward this date.');
	await expect(examStep).toContainText('If you do not pass, there is still time for a retake before your deadline.');
	await expect(checklist.getByRole('heading', { level: 3, name: /^Letter from DUO about KNM .*: around / })).toBeVisible();
	await expect(checklist.getByRole('heading', { level: 3, name: /^Result of KNM .*: around / })).toBeVisible();
	await expect(checklist.getByRole('listitem').last()).toHaveText(/Reading: passed/);
	await expectNoAxeViolations(page);

	// A guide link from the checklist opens the guide.
	await examStep.getByRole('link', { name: /^Read more: / }).first().click();
	await expect(page).toHaveURL(/\/guides\/exam-results-and-retakes$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Exam results and retakes');

	// Practice plans for the same date.
	await openPage(page, '/practice');
	await expect(page.getByTestId('today-plan')).toHaveText(/^Exam in (39|40|41) days\./);

	// The dates as a calendar file.
	const ics = await page.request.get('/plan/calendar.ics');
	expect(ics.status()).toBe(200);
	expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(ics.headers()['content-disposition']).toContain('knm-exam-plan.ics');
	const body = (await ics.text()).replace(/\r\n[ \t]/g, '');
	expect(body).toContain(`DTSTART;VALUE=DATE:${dateInDays(40).replaceAll('-', '')}`);
	expect(body).toContain('SUMMARY:Exam: KNM (Knowledge of Dutch society)');
	expect(body).toContain('SUMMARY:Deadline inburgeringstermijn');

	// A bad status is a 400 and changes nothing.
	const bad = await page.request.post('/plan?/exams', { form: { 'status-knm': 'soon' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(bad.status()).toBe(400);
	const unknownAction = await page.request.post('/plan?/constructor', { form: { law: '2021' }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	expect(unknownAction.status()).toBe(404);
	await openPage(page, '/plan');
	await expect(page.getByRole('group', { name: 'KNM (Knowledge of Dutch society)' }).getByLabel('Date of the exam')).toHaveValue(dateInDays(40));
});

test('the plan page needs an account and the calendar is private', async ({ page }) => {
	await page.goto('/plan');
	await expect(page).toHaveURL(/\/login/);
	const ics = await page.request.get('/plan/calendar.ics', { maxRedirects: 0 });
	expect(ics.status()).toBe(303);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the plan forms work and the page is in Dutch for a Dutch learner', async ({ page, context, baseURL }) => {
		await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: baseURL! }]);
		await page.goto('/register');
		await page.getByLabel('Gebruikersnaam').fill(uniqueUsername('plannojs'));
		await page.getByLabel('Wachtwoord', { exact: true }).fill('fiets regen koffie 7');
		await page.getByRole('button', { name: 'Account maken' }).click();
		await page.goto('/plan');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn examenplan');
		await page.getByLabel('De wet van 2013 (u moet inburgeren van voor 1 januari 2022)').check();
		await page.getByLabel('Einde van uw inburgeringstermijn').fill(dateInDays(30));
		await page.getByRole('button', { name: 'Situatie opslaan' }).click();
		await expect(page.getByText('Uw plan is opgeslagen.')).toBeVisible();
		// 30 days left: the book-by day for a first attempt with room for a retake has passed.
		const knmStep = page.getByTestId('plan-checklist').getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Meld u aan voor het examen: KNM/ }) });
		await expect(knmStep).toContainText('Die dag is voorbij. Meld u zo snel mogelijk aan.');
		await expect(page.getByRole('group', { name: /^ONA/ })).toBeVisible();
		// (the Dutch page's axe scan is in accessibility.test.ts: axe needs JavaScript)
	});
});
