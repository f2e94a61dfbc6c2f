import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import type { Browser, Page } from '@playwright/test';
import { answer } from './bank';
import { addBankQuestionsToSet, chooseLanguage, expectNoAxeViolations, openPage, PASSWORD, registerAs, uniqueUsername } from './helpers';

/* Teachers' classes: a class with a join code, a learner who joins by the link, and who sees what. */

const nl = JSON.parse(readFileSync(join(process.cwd(), 'messages', 'nl.json'), 'utf8')) as Record<string, string>;

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	return context.newPage();
}

async function createClass(page: Page, name: string): Promise<{ classUrl: string; joinUrl: string; code: string }> {
	await openPage(page, '/teach');
	await page.getByLabel('Name of the class').fill(name);
	await page.getByRole('button', { name: 'Make the class' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Class: ${name}`);
	const code = (await page.getByTestId('join-code').textContent())!.trim();
	const joinUrl = (await page.getByTestId('join-link').textContent())!.trim();
	return { classUrl: new URL(page.url()).pathname, joinUrl: new URL(joinUrl).pathname, code };
}

test.describe('classes', () => {
	test('a teacher makes a class; a signed-out learner joins by its link; both see what they should', async ({ page, browser, baseURL }) => {
		test.setTimeout(90_000);
		const teacherName = uniqueUsername('meester');
		await registerAs(page, teacherName, 'teacher');

		// Bad input: a message next to the field, nothing written.
		await openPage(page, '/teach');
		await page.locator('form.form').evaluate((form) => form.setAttribute('novalidate', ''));
		await page.getByLabel('Name of the class').fill('   ');
		await page.getByRole('button', { name: 'Make the class' }).click();
		await expect(page.locator('#class-name-error')).toHaveText('Give the class a name.');
		await expect(page.getByLabel('Name of the class')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByText('You have no classes yet. Make one below.')).toBeVisible();

		const { classUrl, joinUrl, code } = await createClass(page, 'KNM maandag');
		expect(code).toMatch(/^[23456789BCDFGHJKMNPQRSTVWXYZ]{4}-[23456789BCDFGHJKMNPQRSTVWXYZ]{4}$/);
		expect(joinUrl).toBe(`/join/${code.replace('-', '')}`);
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: 'Show the code on the board' }).click();
		await expect(page.getByTestId('board-code')).toHaveText(code);
		await expectNoAxeViolations(page);

		// The learner opens the link signed out: an account first, then back to the same join screen.
		const learner = await newPage(browser, baseURL);
		const learnerName = uniqueUsername('cursist');
		await learner.goto(joinUrl);
		await expect(learner).toHaveURL(/\/login\?redirectTo=%2Fjoin%2F/);
		await learner.getByRole('link', { name: 'Create an account' }).click();
		await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Create an account');
		await learner.getByLabel('Username').fill(learnerName);
		await learner.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await learner.getByRole('button', { name: 'Create account' }).click();
		await expect(learner).toHaveURL(new RegExp(`${joinUrl}$`));
		await expect(learner.getByRole('heading', { level: 1 })).toHaveText(`Join the class with code ${code}?`);
		await expect(learner.getByText('Your teacher will not see:')).toBeVisible();
		await expect(learner.getByText('your password, your settings and your other classes')).toBeVisible();
		await expectNoAxeViolations(learner);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByTestId('joined')).toHaveText(`You are now in the class KNM maandag of ${teacherName}.`);
		// Twice is harmless.
		await openPage(learner, joinUrl);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByTestId('joined')).toHaveText(`You were already in the class KNM maandag of ${teacherName}.`);

		// The teacher sees the learner in the roster.
		await openPage(page, classUrl);
		await expect(page.getByTestId('roster').getByRole('rowheader')).toHaveText([learnerName]);
		await expect(page.getByTestId('roster')).toContainText('not yet');

		// Teacher pages: another teacher gets 404, the learner 403.
		const other = await newPage(browser, baseURL);
		await registerAs(other, uniqueUsername('juf'), 'teacher');
		for (const path of [classUrl, `${classUrl}/board`]) {
			expect((await other.goto(path))?.status(), path).toBe(404);
			expect((await learner.goto(path))?.status(), path).toBe(403);
		}
		const removeByOther = await other.request.post(`${classUrl}?/remove`, {
			form: { userId: 'a'.repeat(32) },
			headers: { origin: baseURL!, accept: 'text/html' }
		});
		expect(removeByOther.status()).toBe(404);
		expect((await learner.goto('/teach'))?.status()).toBe(403);

		// The learner practises, then leaves the class: the practice stays.
		await openPage(learner, '/practice/session?scope=due');
		await answer(learner, true);
		await openPage(learner, '/account');
		await expect(learner.getByTestId('my-classes')).toContainText('KNM maandag');
		await learner.getByRole('button', { name: 'Leave KNM maandag' }).click();
		await expect(learner.getByText('You left the class. Your own practice is still here.')).toBeVisible();
		await expect(learner.getByTestId('my-classes')).toHaveCount(0);
		await openPage(learner, '/progress');
		await expect(learner.getByText('Answers today: 1')).toBeVisible();
		await openPage(page, classUrl);
		await expect(page.getByText('No learners yet. Give them the code or the link.')).toBeVisible();
	});

	test('wrong codes get a clear message; a new code stops the old one; a closed class takes nobody', async ({ page, browser, baseURL }) => {
		await registerAs(page, uniqueUsername('leraar'), 'teacher');
		const { classUrl, joinUrl } = await createClass(page, 'Avondklas');
		const learner = await newPage(browser, baseURL);
		await registerAs(learner, uniqueUsername('leerling'));

		// Characters that are never in a code: refused on the code form, before any lookup.
		await openPage(learner, '/join');
		await learner.getByLabel('Code').fill('OOOO-0000');
		await learner.getByRole('button', { name: 'Next' }).click();
		await expect(learner.locator('#join-code-error')).toHaveText('A code has 8 letters and numbers. Check the code with your teacher.');
		await expectNoAxeViolations(learner);
		// A well-formed code that belongs to no class: the same screen, and a clear "not right".
		await learner.getByLabel('Code').fill('bbbb bbbb');
		await learner.getByRole('button', { name: 'Next' }).click();
		await expect(learner).toHaveURL(/\/join\/BBBBBBBB$/);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByRole('alert')).toHaveText('This code is not right, or it no longer works. Check it with your teacher.');

		// A new code: the old link no longer works.
		await openPage(page, classUrl);
		await page.getByRole('button', { name: 'Make a new code' }).click();
		await expect(page.getByText('We made a new code. The old code no longer works.')).toBeVisible();
		await openPage(learner, joinUrl);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByRole('alert')).toHaveText('This code is not right, or it no longer works. Check it with your teacher.');

		// Closed: the new code does not work either, until the class is opened again.
		const newJoin = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname;
		await page.getByRole('button', { name: 'Close the class' }).click();
		await expect(page.getByText('This class is closed: nobody can join.').first()).toBeVisible();
		await openPage(learner, newJoin);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByRole('alert')).toHaveText('This code is not right, or it no longer works. Check it with your teacher.');
		await page.getByRole('button', { name: 'Open the class again' }).click();
		await openPage(learner, newJoin);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByTestId('joined')).toContainText('You are now in the class Avondklas');
	});

	test('hostile input on class forms gets a 4xx and writes nothing', async ({ page, baseURL }) => {
		await registerAs(page, uniqueUsername('hostile'), 'teacher');
		const post = (path: string, form: Record<string, string>) =>
			page.request.post(path, { form, headers: { origin: baseURL!, accept: 'text/html' } });
		expect((await post('/teach?/createClass', { name: 'x'.repeat(100_000) })).status()).toBe(400);
		expect((await post('/teach?/createClass', { name: 'Klas\u0007' })).status()).toBe(400);
		expect((await post('/teach?/createClass', { name: 'Klas', courseEndOn: '2027-13-45' })).status()).toBe(400);
		const broken = await page.request.post('/teach?/createClass', {
			headers: { origin: baseURL!, 'content-type': 'multipart/form-data; boundary=x', accept: 'text/html' },
			data: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nKl'
		});
		expect(broken.status()).toBe(400);
		await openPage(page, '/teach');
		await expect(page.getByText('You have no classes yet. Make one below.')).toBeVisible();
		expect((await page.goto('/teach/classes/not-a-class'))?.status()).toBe(404);
		expect((await page.goto(`/teach/classes/${'a'.repeat(32)}`))?.status()).toBe(404);
	});
});

test('teacher and join pages pass axe in Dutch', async ({ page, browser, baseURL }) => {
	// a dozen axe scans of two users' pages, one of them a theme's whole question list
	test.setTimeout(90_000);
	await registerAs(page, uniqueUsername('nlleraar'), 'teacher');
	await chooseLanguage(page, 'Nederlands');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await openPage(page, '/teach');
	await expectNoAxeViolations(page);
	await page.getByLabel(nl.teach_class_name!).fill('Dinsdaggroep');
	await page.getByRole('button', { name: nl.teach_class_create! }).click();
	await expect(page.getByTestId('join-code')).toBeVisible();
	await expectNoAxeViolations(page);
	const joinUrl = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname;
	await openPage(page, '/teach/sets');
	await expectNoAxeViolations(page);
	await page.getByLabel(nl.teach_set_title_nl!).fill('Wonen');
	await page.getByRole('button', { name: nl.teach_set_create! }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${nl.teach_set_page_title!.replace('{title}', 'Wonen')}`);
	await openPage(page, `${new URL(page.url()).pathname}?theme=wonen`);
	await expect(page.getByTestId('picker')).toBeVisible();
	await expectNoAxeViolations(page);

	const learner = await newPage(browser, baseURL);
	await registerAs(learner, uniqueUsername('nlcursist'));
	await chooseLanguage(learner, 'Nederlands');
	await openPage(learner, joinUrl);
	await expect(learner.getByRole('heading', { level: 1 })).toContainText('Meedoen met de klas met code');
	await expectNoAxeViolations(learner);
	await learner.getByRole('button', { name: nl.join_confirm! }).click();
	await expect(learner.getByTestId('joined')).toBeVisible();
	await expectNoAxeViolations(learner);
	await openPage(learner, '/account');
	await expect(learner.getByTestId('my-classes')).toContainText('Dinsdaggroep');
	await expectNoAxeViolations(learner);

	// With a set task and a practice-exam task: the class page with its table, the board, both
	// task pages, and "From your teacher" on the learner's home.
	await openPage(page, '/teach');
	await page.getByRole('link', { name: 'Dinsdaggroep' }).click();
	await expect(page).toHaveURL(/\/teach\/classes\/[a-z2-7]{32}$/);
	const classUrl = new URL(page.url()).pathname;
	const setTask = page.locator('form[action="?/createTask"]');
	await setTask.getByLabel(nl.teach_task_set!).selectOption({ label: 'Wonen (0)' });
	await setTask.getByLabel(nl.teach_task_due!, { exact: true }).fill('2027-03-15');
	await setTask.getByRole('button', { name: nl.teach_task_create! }).click();
	await expect(page.getByText(nl.teach_task_created!)).toBeVisible();
	const examTask = page.locator('form[action="?/createExamTask"]');
	await examTask.getByLabel(nl.teach_task_due!, { exact: true }).fill('2027-03-15');
	await examTask.getByRole('button', { name: nl.teach_exam_task_create! }).click();
	await expect(page.getByTestId('tasks').getByRole('listitem')).toHaveCount(2);
	await expect(page.getByTestId('progress')).toBeVisible();
	await expectNoAxeViolations(page);
	for (const index of [0, 1]) {
		await openPage(page, classUrl);
		await page.getByTestId('tasks').getByRole('listitem').nth(index).getByRole('link').click();
		await expect(page.getByTestId('task-learners')).toBeVisible();
		await expectNoAxeViolations(page);
	}
	await openPage(page, `${classUrl}/board`);
	await expectNoAxeViolations(page);
	await openPage(learner, '/');
	await expect(learner.getByTestId('assignments').getByRole('listitem')).toHaveCount(2);
	await expectNoAxeViolations(learner);
});

test.describe('question sets', () => {
	test('a teacher builds a set filtered by one eindterm, orders it, copies a theme set; others get 404', async ({ page, browser, baseURL }) => {
		test.setTimeout(90_000);
		await registerAs(page, uniqueUsername('setleraar'), 'teacher');
		await openPage(page, '/teach/sets');
		await expectNoAxeViolations(page);

		// A title in at least one language.
		await page.getByRole('button', { name: 'Make the set' }).click();
		await expect(page.locator('#set-title-error')).toHaveText('Give the set a title, in Dutch or in English.');
		await page.getByLabel('Title in Dutch').fill('Huren en de Huurcommissie');
		await page.getByRole('button', { name: 'Make the set' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question set: Huren en de Huurcommissie');
		const setUrl = new URL(page.url()).pathname;

		// Filter by one indicator (GET, so the URL keeps it), pick three, add them.
		await page.getByLabel('Eindterm or indicator (for example 3.1 or 3.1.2)').fill('3.1.2');
		await page.getByRole('button', { name: 'Show questions' }).click();
		await expect(page).toHaveURL(/eindterm=3\.1\.2/);
		const picker = page.getByTestId('picker');
		await expect(picker.getByRole('listitem').first()).toBeVisible();
		for (const meta of await picker.locator('.meta').filter({ hasText: /^[a-z]{2}-\d{3} · / }).allTextContents()) {
			expect(meta).toContain('· 3.1.2');
		}
		await expect(picker.getByText(/^Right answer: /).first()).toBeVisible();
		const boxes = picker.getByRole('checkbox');
		for (let i = 0; i < 3; i++) await boxes.nth(i).check();
		await page.getByRole('button', { name: 'Add the chosen questions' }).click();
		await expect(page.getByText('Questions added: 3.')).toBeVisible();
		const items = page.getByTestId('set-items').getByRole('listitem');
		await expect(items).toHaveCount(3);
		await expect(boxes.nth(0)).toBeDisabled();
		await expectNoAxeViolations(page);

		// Order: the third moves up; then the first goes out.
		const texts = async () => (await items.locator('span[lang="nl"]').allTextContents()).map((text) => text.trim());
		const [a, b, c] = await texts();
		await page.getByRole('button', { name: 'Move question 3 up' }).click();
		await expect.poll(texts).toEqual([a, c, b]);
		await page.getByRole('button', { name: 'Remove question 1' }).click();
		await expect.poll(texts).toEqual([c, b]);

		// Another teacher: 404 on the set and on every action.
		const other = await newPage(browser, baseURL);
		await registerAs(other, uniqueUsername('andereleraar'), 'teacher');
		expect((await other.goto(setUrl))?.status()).toBe(404);
		for (const action of ['rename', 'add', 'remove', 'delete', 'duplicate']) {
			const response = await other.request.post(`${setUrl}?/${action}`, {
				form: { titleNl: 'Van mij', question: 'wo-001', questionId: 'wo-001' },
				headers: { origin: baseURL!, accept: 'text/html' }
			});
			expect(response.status(), action).toBe(404);
		}
		// A learner: 403.
		const learner = await newPage(browser, baseURL);
		await registerAs(learner, uniqueUsername('setcursist'));
		expect((await learner.goto('/teach/sets'))?.status()).toBe(403);
		expect((await learner.goto(setUrl))?.status()).toBe(403);

		// Hostile: unknown or malformed question ids write nothing.
		for (const question of ['zz-999', '<b>', 'x'.repeat(5000)]) {
			const response = await page.request.post(`${setUrl}?/add`, { form: { question }, headers: { origin: baseURL!, accept: 'text/html' } });
			expect(response.status(), question.slice(0, 10)).toBe(400);
		}
		await openPage(page, setUrl);
		await expect(items).toHaveCount(2);

		// A built-in theme set copied, then deleted.
		await openPage(page, '/teach/sets');
		await page.getByRole('button', { name: 'Copy “Housing”' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('(copy)');
		// the theme set holds every question of the theme's file
		const housing = (parse(readFileSync(join('questions', 'wonen.yaml'), 'utf8')) as { questions: unknown[] }).questions.length;
		await expect(page.getByTestId('set-items').getByRole('listitem')).toHaveCount(housing);
		await page.getByRole('button', { name: 'Delete this set' }).click();
		await expect(page.getByText('We deleted the question set.')).toBeVisible();
		await expect(page.getByTestId('set-list').getByRole('listitem')).toHaveCount(1);
	});
});

test.describe('assignments', () => {
	test('a teacher gives a set with a due date; the learner sees it, practises it, and the table counts up', async ({ page, browser, baseURL }) => {
		test.setTimeout(120_000);
		await registerAs(page, uniqueUsername('opdrachtleraar'), 'teacher');
		const { classUrl, joinUrl } = await createClass(page, 'Ochtendklas');
		// A set of three 3.1.2 questions.
		await openPage(page, '/teach/sets');
		await page.getByLabel('Title in Dutch').fill('Huurcommissie');
		await page.getByRole('button', { name: 'Make the set' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Question set: Huurcommissie');
		await addBankQuestionsToSet(page, new URL(page.url()).pathname, '3.1.2', 3);

		// The task: bad dates first (a message next to the field, nothing written), then right.
		await openPage(page, classUrl);
		const taskForm = page.locator('form[action="?/createTask"]');
		await taskForm.getByLabel('Question set').selectOption({ label: 'Huurcommissie (3)' });
		// The form opens at the teacher's today (their learner day).
		const today = await taskForm.getByLabel('Open from').inputValue();
		expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		await taskForm.getByLabel('Open from').fill('2026-12-10');
		await taskForm.getByLabel('Due date', { exact: true }).fill('2026-12-01');
		await taskForm.getByRole('button', { name: 'Give the task' }).click();
		await expect(page.locator('#task-due-error')).toHaveText('The due date cannot be before the opening date.');
		await expect(page.getByText('This class has no tasks yet.')).toBeVisible();
		await taskForm.getByLabel('Open from').fill(today);
		await taskForm.getByLabel('Due date', { exact: true }).fill('2027-03-15');
		await taskForm.getByLabel('Answer every question once').check();
		await taskForm.getByRole('button', { name: 'Give the task' }).click();
		await expect(page.getByText('The class has the task.')).toBeVisible();
		await expect(page.getByTestId('tasks').getByRole('listitem')).toHaveCount(1);
		await expectNoAxeViolations(page);

		// A learner joins and finds the task on the practice page.
		const learner = await newPage(browser, baseURL);
		await registerAs(learner, uniqueUsername('opdrachtcursist'));
		await openPage(learner, joinUrl);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await expect(learner.getByTestId('joined')).toBeVisible();
		// On home first, then on the practice page.
		await openPage(learner, '/');
		await expect(learner.getByTestId('assignments')).toContainText('Huurcommissie');
		await openPage(learner, '/practice');
		const task = learner.getByTestId('assignments').getByRole('listitem');
		await expect(task).toContainText('Huurcommissie');
		await expect(task).toContainText('Ochtendklas');
		await expect(learner.getByTestId('assignment-progress')).toHaveText('0 of 3 answered');
		await expect(learner.getByTestId('assignment-per-day')).toHaveText(/^About 1 question a day to be ready in time\.$/);
		await expectNoAxeViolations(learner);

		// One click practises exactly the set; three right answers.
		await learner.getByRole('link', { name: 'Practise “Huurcommissie”' }).click();
		for (let i = 0; i < 3; i++) {
			await expect(learner.locator('h1#question-text')).toBeVisible();
			await answer(learner, true);
			await learner.getByRole('button', { name: 'I knew it' }).click();
		}
		await openPage(learner, '/practice');
		await expect(learner.getByTestId('assignment-progress')).toHaveText('3 of 3 answered');

		// The teacher's table shows it.
		await openPage(page, classUrl);
		await expect(page.getByTestId('progress').getByRole('row').nth(1)).toContainText('3 of 3');
		await expect(page.getByTestId('progress').getByRole('row').nth(1)).toContainText('done');
		await expectNoAxeViolations(page);
		// A column title sorts by that task (a link: it works without JavaScript too).
		await expect(page.getByTestId('progress').getByRole('columnheader', { name: /^Name/ })).toHaveAttribute('aria-sort', 'ascending');
		await page.getByTestId('progress').getByRole('link', { name: /^Huurcommissie\s*, sort by this column$/ }).click();
		await expect(page).toHaveURL(/\?sort=[a-z2-7]{32}#progress-title$/);
		await expect(page.getByTestId('progress').getByRole('columnheader', { name: /Huurcommissie/ })).toHaveAttribute('aria-sort', 'descending');
		await expect(page.getByTestId('progress').getByRole('row').nth(1)).toContainText('3 of 3');
		// The set's editor now says which class has it as a task, and it cannot be deleted.
		await openPage(page, '/teach/sets');
		await page.getByTestId('set-list').getByRole('link', { name: 'Huurcommissie' }).click();
		await expect(page.getByTestId('set-uses')).toContainText('Ochtendklas');
		await page.getByRole('button', { name: 'Delete this set' }).click();
		await expect(page.getByText('A class has this set as a task. Delete the task first.')).toBeVisible();
		await openPage(page, classUrl);
		// The task's own page: per learner, and per question how many learners meet the goal.
		await page.getByTestId('tasks').getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Task: Huurcommissie');
		await expect(page.getByTestId('task-learners')).toContainText('3 of 3');
		await expect(page.getByTestId('task-questions').getByRole('listitem')).toHaveCount(3);
		await expect(page.getByTestId('task-questions').getByRole('listitem').first()).toContainText('1 of 1 learners');
		await expectNoAxeViolations(page);
		const taskUrl = new URL(page.url()).pathname;
		expect((await learner.goto(taskUrl))?.status()).toBe(403);

		// Another teacher cannot give or delete tasks in this class; the learner cannot practise a set not given to them.
		const other = await newPage(browser, baseURL);
		await registerAs(other, uniqueUsername('vreemdeleraar'), 'teacher');
		expect((await other.goto(taskUrl))?.status()).toBe(404);
		for (const action of ['createTask', 'deleteTask']) {
			const response = await other.request.post(`${classUrl}?/${action}`, {
				form: { setId: 'theme-wonen', opensOn: today, dueOn: '2027-01-01', assignmentId: 'a'.repeat(32) },
				headers: { origin: baseURL!, accept: 'text/html' }
			});
			expect(response.status(), action).toBe(404);
		}
		await other.goto('/teach/sets');
		await other.getByLabel('Title in Dutch').fill('Geheim');
		await other.getByRole('button', { name: 'Make the set' }).click();
		await expect(other.getByRole('heading', { level: 1 })).toHaveText('Question set: Geheim');
		const secret = new URL(other.url()).pathname.split('/').pop()!;
		expect((await learner.goto(`/practice/session?scope=set:${secret}`))?.status()).toBe(404);
	});
	test('a teacher gives a practice exam; the learner takes it and both see the score', async ({ page, browser, baseURL }) => {
		test.setTimeout(120_000);
		await registerAs(page, uniqueUsername('examenleraar'), 'teacher');
		const { classUrl, joinUrl } = await createClass(page, 'Avondklas');
		const today = await page.getByLabel('Open from').first().inputValue();
		const exam = page.locator('form[action="?/createExamTask"]');
		await exam.evaluate((form) => form.setAttribute('novalidate', ''));
		await exam.getByLabel('Open from').fill(today);
		await exam.getByLabel('Due date', { exact: true }).fill('');
		await exam.getByRole('button', { name: 'Give the practice exam' }).click();
		await expect(page.locator('#exam-due-error')).toHaveText(/./);
		await expect(page.getByText('This class has no tasks yet.')).toBeVisible();
		await exam.getByLabel('Due date', { exact: true }).fill('2027-03-15');
		await exam.getByRole('button', { name: 'Give the practice exam' }).click();
		await expect(page.getByText('The class has the task.')).toBeVisible();
		await expect(page.getByTestId('tasks')).toContainText('Practice exam');
		await expect(page.getByTestId('tasks')).toContainText('Take one practice exam (40 questions, 45 minutes)');

		const learner = await newPage(browser, baseURL);
		await registerAs(learner, uniqueUsername('examencursist'));
		await openPage(learner, joinUrl);
		await learner.getByRole('button', { name: 'Yes, join this class' }).click();
		await openPage(learner, '/');
		await expect(learner.getByTestId('assignment-progress')).toHaveText('Practice exam not taken yet');
		await expectNoAxeViolations(learner);
		await learner.getByRole('link', { name: 'Go to the practice exam' }).click();
		await learner.getByRole('button', { name: 'Start a practice exam' }).click();
		await expect(learner.getByTestId('exam-position')).toHaveText('Question 1/40');
		await learner.locator('body[data-hydrated="true"]').waitFor();
		for (let position = 1; position <= 3; position++) {
			await learner.locator('.exam-option input[type="radio"]').first().check();
			await learner.getByRole('button', { name: 'Next' }).click();
			await expect(learner.getByTestId('exam-position')).toHaveText(`Question ${position + 1}/40`);
		}
		await learner.getByRole('button', { name: 'Overview' }).click();
		await learner.getByRole('button', { name: 'Hand in my practice exam' }).click();
		await learner.getByRole('button', { name: 'Yes, hand in now' }).click();
		await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Your result');
		const score = Number(/^(\d+) of 40/.exec((await learner.getByTestId('score').textContent())!)![1]);
		expect(score).toBeLessThanOrEqual(3);
		await openPage(learner, '/');
		await expect(learner.getByTestId('assignment-progress')).toHaveText(`Practice exam done: ${score} of 40 right`);
		await expect(learner.getByRole('link', { name: 'Go to the practice exam' })).toHaveCount(0);

		// The teacher's table and the task's page show the score.
		await openPage(page, classUrl);
		await expect(page.getByTestId('progress').getByRole('row').nth(1)).toContainText(`${score} of 40 right`);
		await page.getByTestId('tasks').getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Task: Practice exam');
		await expect(page.getByTestId('task-learners')).toContainText(`${score} of 40 right`);
		await expect(page.getByTestId('task-learners')).toContainText('taken 1 time');
		await expect(page.getByTestId('task-questions')).toHaveCount(0);
		await expectNoAxeViolations(page);
	});
});
