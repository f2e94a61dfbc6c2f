import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { answer, bank, nextButton } from './bank';
import { openPage, registerAs, startMockExam, uniqueUsername } from './helpers';

/*
 * The learning core across days, with the test clock: abandoned exams, practice the next morning,
 * page views that must write nothing, the new-question budget, and the exam timer's last answer.
 * The tests read the server's SQLite file (read-only) to count what was written.
 */

const DAY = 86_400_000;
const CLOCK_COOKIE = 'knm_test_clock_offset_ms';

function readDb<T>(query: (db: Database.Database) => T): T {
	const db = new Database(process.env.KNM_E2E_DATABASE!, { readonly: true, fileMustExist: true });
	try {
		return query(db);
	} finally {
		db.close();
	}
}

function userId(username: string): string {
	return readDb((db) => (db.prepare('SELECT id FROM user WHERE username = ?').get(username) as { id: string }).id);
}

/** Everything learning-related stored for a learner: any write by a page view changes it. */
function learningState(id: string) {
	return readDb((db) => ({
		reviews: db.prepare('SELECT count(*) AS n FROM review_log WHERE user_id = ?').get(id),
		cards: db.prepare('SELECT question_id, due, reps, last_review FROM card WHERE user_id = ? ORDER BY question_id').all(id),
		attempts: db.prepare('SELECT id, closed_at, closed_reason, score FROM exam_attempt WHERE user_id = ? ORDER BY started_at').all(id),
		answers: db
			.prepare('SELECT position, chosen, correct, answered_at FROM exam_answer WHERE attempt_id IN (SELECT id FROM exam_attempt WHERE user_id = ?)')
			.all(id)
	}));
}

async function setClock(context: BrowserContext, baseURL: string, offsetMs: number): Promise<void> {
	await context.addCookies([{ name: CLOCK_COOKIE, value: String(Math.round(offsetMs)), url: baseURL }]);
}


async function examQuestionText(page: Page): Promise<string> {
	return (await page.locator('h1#exam-question').textContent())!.trim();
}

/** Answers the practice question on screen right, waits for the feedback, returns its text. */
async function practiseOne(page: Page): Promise<string> {
	const question = await answer(page, true);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Right!');
	return question.question.nl;
}

test.describe('the learning core across days', () => {
	test('an abandoned exam, practice of its question next morning, then /exam: no error, a new exam starts, the card is not rewound', async ({
		page,
		context,
		baseURL
	}) => {
		test.setTimeout(120_000);
		const username = uniqueUsername('abandon');
		await registerAs(page, username);
		const id = userId(username);
		// Enough new questions a day to reach any question of theme 1 in practice.
		await openPage(page, '/account');
		await page.getByLabel('New questions per day').fill('200');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByText('We saved your settings.')).toBeVisible();

		// Day 1: start a mock exam and answer the questions of the first theme block, then leave.
		const attemptId = await startMockExam(page);
		const answered = new Set<string>();
		for (let position = 2; ; position++) {
			answered.add(await examQuestionText(page));
			await page.locator('.exam-option input[type="radio"]').first().check();
			await page.getByRole('button', { name: 'Next' }).click();
			await page.waitForURL(new RegExp(`[?&]q=${position}(&|$)`));
			await expect(page.getByTestId('exam-position')).toHaveText(`Question ${position}/40`);
			// The next theme's first question carries its banner: the first block is done.
			if (await page.getByTestId('theme-banner').isVisible()) break;
		}
		await page.goto('/');

		// Day 2, morning: practise theme 1 until one of those questions comes up, and answer it.
		await setClock(context, baseURL!, DAY);
		const theme1 = readDb((db) => (db.prepare('SELECT slug FROM theme WHERE number = 1').get() as { slug: string }).slug);
		await openPage(page, `/practice/session?scope=theme:${theme1}`);
		let practised: string | null = null;
		for (let i = 0; i < 80 && practised === null; i++) {
			const text = await practiseOne(page);
			if (answered.has(text)) practised = text;
			else await nextButton(page).click();
		}
		expect(practised, 'an exam question came up in practice').not.toBeNull();
		const questionId = bank.get(practised!)!.id;
		const cardBefore = readDb((db) => db.prepare('SELECT due, reps, last_review FROM card WHERE user_id = ? AND question_id = ?').get(id, questionId)) as {
			due: number;
			reps: number;
			last_review: number;
		};

		// Hovering the navigation link runs the load; opening /exam must work and write nothing.
		await openPage(page, '/practice');
		const before = learningState(id);
		await page.getByRole('link', { name: 'Practice exam', exact: true }).hover();
		await page.waitForTimeout(500);
		const exam = await page.goto('/exam');
		expect(exam?.status()).toBe(200);
		expect(learningState(id)).toEqual(before);
		await expect(page.getByRole('button', { name: 'Start a practice exam' })).toBeVisible();

		// Its results can be read at once, with the answers given.
		const results = await page.goto(`/exam/${attemptId}/results`);
		expect(results?.status()).toBe(200);
		await expect(page.getByText('The time was up. Your practice exam has ended. The answers you had given count.')).toBeVisible();

		// A new exam starts; the old one is closed first and its answers reach the scheduler in order.
		const second = await startMockExam(page);
		expect(second).not.toBe(attemptId);
		const closed = readDb((db) => db.prepare('SELECT closed_reason FROM exam_attempt WHERE id = ?').get(attemptId)) as { closed_reason: string };
		expect(closed.closed_reason).toBe('expired');
		const cardAfter = readDb((db) => db.prepare('SELECT due, reps, last_review FROM card WHERE user_id = ? AND question_id = ?').get(id, questionId)) as {
			due: number;
			reps: number;
			last_review: number;
		};
		expect(cardAfter.last_review).toBe(cardBefore.last_review);
		expect(cardAfter.due).toBeGreaterThanOrEqual(cardBefore.last_review);
		// Both answers are in the history, each at the time it was given, the exam's first; the card
		// counts them both (the exam was closed by the first action of the day that met it).
		const logs = readDb((db) =>
			db.prepare('SELECT mode, reviewed_at FROM review_log WHERE user_id = ? AND question_id = ? ORDER BY reviewed_at').all(id, questionId)
		) as { mode: string; reviewed_at: number }[];
		expect(logs.map((log) => log.mode)).toEqual(['exam', 'practice']);
		expect(logs[1]!.reviewed_at).toBe(cardAfter.last_review);
		expect(cardAfter.reps).toBe(2);
	});

	test('hovering and opening practice and exam pages writes nothing', async ({ page, context, baseURL }) => {
		const username = uniqueUsername('hover');
		await registerAs(page, username);
		const id = userId(username);
		await openPage(page, '/practice/session?scope=due');
		await practiseOne(page);
		const attemptId = await startMockExam(page);
		await page.locator('.exam-option input[type="radio"]').first().check();
		await page.getByRole('button', { name: 'Next' }).click();
		await page.waitForURL(/q=2/);
		// The next day: the exam has run out (not closed yet), the first card is due.
		await setClock(context, baseURL!, DAY);
		await openPage(page, '/');
		const before = learningState(id);

		for (const name of ['Practise', 'Practice exam', 'My progress']) {
			await page.getByRole('link', { name, exact: true }).hover();
			await page.waitForTimeout(300);
		}
		for (const path of ['/practice', '/practice/session?scope=due', '/practice/session?scope=mistakes', '/progress', '/exam', `/exam/${attemptId}?q=1`, `/exam/${attemptId}/overview`, `/exam/${attemptId}/results`, '/exam/history']) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
		}
		await page.reload();
		expect(learningState(id)).toEqual(before);
	});

	test("a mock exam leaves today's new-question budget intact", async ({ page }) => {
		await registerAs(page, uniqueUsername('budget'));
		await startMockExam(page);
		for (let i = 0; i < 3; i++) {
			await page.locator('.exam-option input[type="radio"]').first().check();
			await page.getByRole('button', { name: 'Next' }).click();
			await page.waitForURL(new RegExp(`q=${i + 2}`));
		}
		await page.getByRole('button', { name: 'Overview' }).click();
		await page.getByRole('button', { name: 'Hand in my practice exam' }).click();
		await page.getByRole('button', { name: 'Yes, hand in now' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your result');

		await openPage(page, '/practice');
		await expect(page.getByTestId('due-summary')).toHaveText(/New questions today: 0 of 20\.$/);
		await page.getByRole('link', { name: 'Practise questions again' }).click();
		await expect(page.getByText('New question', { exact: true })).toBeVisible();
	});

	test("the timer saves the answer on screen when the time runs out", async ({ page, context, baseURL }) => {
		await registerAs(page, uniqueUsername('timer'));
		const attemptId = await startMockExam(page);
		// Jump to 6 seconds before the deadline and pick an answer without submitting it.
		await setClock(context, baseURL!, 45 * 60_000 - 6_000);
		await openPage(page, `/exam/${attemptId}?q=1`);
		await page.locator('.exam-option input[type="radio"]').nth(1).check();
		await page.waitForURL(new RegExp(`/exam/${attemptId}/results$`), { timeout: 20_000 });
		await expect(page.getByText('Not answered')).toHaveCount(39);
		const saved = readDb((db) => db.prepare('SELECT chosen, correct FROM exam_answer WHERE attempt_id = ? AND position = 0').get(attemptId)) as {
			chosen: number | null;
		};
		expect(saved.chosen).not.toBeNull();
	});

	test('the results lead on: practise my mistakes, practise my weakest theme', async ({ page }) => {
		await registerAs(page, uniqueUsername('nextstep'));
		await startMockExam(page);
		// Answer the first question wrong on purpose.
		const question = bank.get(await examQuestionText(page))!;
		const wrongOption = question.options.find((option) => !option.correct)!.nl;
		await page.locator('.exam-option', { hasText: wrongOption }).locator('input[type="radio"]').check();
		await page.getByRole('button', { name: 'Overview' }).click();
		await page.getByRole('button', { name: 'Hand in my practice exam' }).click();
		await page.getByRole('button', { name: 'Yes, hand in now' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your result');
		await expect(page.getByRole('heading', { name: 'Questions you did not get right: 40' })).toBeVisible();
		await expect(page.getByRole('button', { name: /^Practise my weakest theme: / })).toBeVisible();
		await page.getByRole('button', { name: 'Practise my mistakes (1)' }).click();
		await expect(page).toHaveURL(/\/practice\/session\?scope=mistakes$/);
		await expect(page.locator('h1#question-text')).toHaveText(question.question.nl);
	});

	test('in the grace seconds after the deadline every exam page leads to the results', async ({ page, context, baseURL }) => {
		await registerAs(page, uniqueUsername('grace'));
		const attemptId = await startMockExam(page);
		await setClock(context, baseURL!, 45 * 60_000 + 2_000);
		for (const path of [`/exam/${attemptId}?q=1`, `/exam/${attemptId}/overview`, `/exam/${attemptId}/results`]) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			await expect(page).toHaveURL(new RegExp(`/exam/${attemptId}/results$`));
		}
	});

	test.describe('in a browser set to another time zone', () => {
		test.use({ timezoneId: 'Asia/Tokyo' });

		test("dates are shown in the learner's time zone, by the server and after hydration alike", async ({ page }) => {
			const username = uniqueUsername('zone');
			await registerAs(page, username);
			await openPage(page, '/account');
			await page.getByText('More settings: how often, time zone, start of the day').click();
			await page.getByLabel('Time zone').selectOption('America/Santiago');
			await page.getByRole('button', { name: 'Save settings' }).click();
			await expect(page.getByText('We saved your settings.')).toBeVisible();
			const attemptId = await startMockExam(page);
			await page.getByRole('button', { name: 'Overview' }).click();
			await page.getByRole('button', { name: 'Hand in my practice exam' }).click();
			await page.getByRole('button', { name: 'Yes, hand in now' }).click();
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your result');

			const startedAt = readDb((db) => (db.prepare('SELECT started_at FROM exam_attempt WHERE id = ?').get(attemptId) as { started_at: number }).started_at);
			const inZone = (timeZone: string) =>
				new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(startedAt)).replace(/\s/g, ' ');
			expect(inZone('America/Santiago')).not.toBe(inZone('Asia/Tokyo'));
			const server = await (await page.request.get('/exam/history')).text();
			expect(server.replace(/\s/g, ' ')).toContain(inZone('America/Santiago'));
			await openPage(page, '/exam/history');
			const shown = (await page.getByTestId('history').locator('h2').first().textContent())!.replace(/\s/g, ' ');
			expect(shown).toContain(inZone('America/Santiago'));
		});
	});
});
