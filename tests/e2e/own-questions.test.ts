import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import type { Browser, Page } from '@playwright/test';
import { expectNoAxeViolations, fillOwnQuestion, openPage, registerAs, uniqueUsername } from './helpers';

/* Teachers' own questions: written in a form or imported from CSV, assigned, practised by learners. */

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	return context.newPage();
}

const QUESTION = 'Waar meldt u een kapotte lantaarnpaal in uw straat?';

test('a teacher writes a question, fixes the field the form marks, assigns it, and the learner practises it as the teacher\'s', async ({ page, browser, baseURL }) => {
	test.setTimeout(120_000);
	await registerAs(page, uniqueUsername('eigenjuf'), 'teacher');
	await openPage(page, '/teach');
	await page.getByRole('link', { name: 'My questions' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My questions');
	await expect(page.getByText('You have not written any questions yet.')).toBeVisible();
	await expectNoAxeViolations(page);

	// One field wrong: the question is too long. The form says so next to that field, keeps the rest.
	await page.getByRole('link', { name: 'Write a question' }).click();
	const long = 'Wat doet u als de lamp op straat voor uw deur al drie weken kapot is en de buren zeggen dat niemand er iets aan doet in deze wijk?';
	await fillOwnQuestion(page, {
		text: long,
		answers: ['Bij de politie', 'Bij de gemeente', 'Bij de woningcorporatie'],
		right: 'B',
		explanation: 'De gemeente zorgt voor de straat en de lampen. U meldt het bij de gemeente.',
		eindterm: '3.1'
	});
	await page.getByLabel('Web page with the fact (optional)').fill('https://www.leiden.nl/melding-openbare-ruimte');
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByRole('alert')).toHaveText('The question was not saved. Look at the marked fields.');
	await expect(page.locator('#question_nl-error')).toHaveText('The question has 29 words. Use at most 25.');
	await expect(page.getByLabel('Question (Dutch)')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Answer B (Dutch)')).toHaveValue('Bij de gemeente');
	await expect(page.getByRole('radio', { name: 'B' })).toBeChecked();
	await expectNoAxeViolations(page);

	await page.getByLabel('Question (Dutch)').fill(QUESTION);
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByRole('status')).toHaveText('The question is saved.');
	const questionUrl = new URL(page.url()).pathname;
	expect(questionUrl).toMatch(/^\/teach\/questions\/own-[a-z2-7]{32}$/);
	await expectNoAxeViolations(page);

	// A set with it (the picker's "only my own questions"), given to a class.
	await openPage(page, '/teach/sets');
	await page.getByLabel('Title in Dutch').fill('Onze buurt');
	await page.getByRole('button', { name: 'Make the set' }).click();
	await page.getByLabel('Only my own questions').check();
	await page.getByRole('button', { name: 'Show questions' }).click();
	const picker = page.getByTestId('picker');
	await expect(picker.getByRole('listitem')).toHaveCount(1);
	await expect(picker).toContainText('My question · 3.1');
	await picker.getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Add the chosen questions' }).click();
	await expect(page.getByTestId('set-items')).toContainText(QUESTION);

	await openPage(page, '/teach');
	await page.getByLabel('Name of the class').fill('Buurtklas');
	await page.getByRole('button', { name: 'Make the class' }).click();
	const joinUrl = new URL((await page.getByTestId('join-link').textContent())!.trim()).pathname;
	const setTask = page.locator('form[action="?/createTask"]');
	await setTask.getByLabel('Question set').selectOption({ label: 'Onze buurt (1)' });
	await setTask.getByLabel('Due date', { exact: true }).fill('2027-03-15');
	await setTask.getByRole('button', { name: 'Give the task' }).click();
	await expect(page.getByText('The class has the task.')).toBeVisible();

	// The learner: the task on the home page, the question marked as the teacher's, feedback too.
	const learner = await newPage(browser, baseURL);
	await registerAs(learner, uniqueUsername('buurtleerling'));
	await openPage(learner, joinUrl);
	await learner.getByRole('button', { name: 'Yes, join this class' }).click();
	await openPage(learner, '/');
	await learner.getByRole('link', { name: 'Practise “Onze buurt”' }).click();
	await expect(learner.locator('h1#question-text')).toHaveText(QUESTION);
	await expect(learner.getByTestId('by-teacher')).toHaveText('Written by your teacher');
	// Dutch only: no translation to switch on
	await expect(learner.getByText('Show translation')).toHaveCount(0);
	await expectNoAxeViolations(learner);
	await learner.locator('button.option', { hasText: 'Bij de politie' }).click();
	await expect(learner.getByRole('heading', { name: 'Not right.' })).toBeVisible();
	await expect(learner.getByTestId('by-teacher')).toHaveText('Written by your teacher');
	await expect(learner.getByRole('link', { name: "Your teacher's source" })).toHaveAttribute('href', 'https://www.leiden.nl/melding-openbare-ruimte');
	await learner.context().close();

	// Answered now: a change makes a new version, and the page says so before saving.
	await openPage(page, questionUrl);
	await expect(page.getByTestId('version-note')).toContainText('Learners answered this question (1).');
	await page.getByLabel('Answer A (Dutch)').fill('Bij de wijkagent');
	await page.getByRole('button', { name: 'Save question' }).click();
	await expect(page.getByRole('status')).toHaveText('The question is saved.');
	await openPage(page, '/teach/questions');
	await expect(page.getByTestId('own-question-list')).toContainText('version 2 · learners who answered: 1 · in sets: 1');

	// Another teacher: 404 on the page and on both actions.
	const other = await newPage(browser, baseURL);
	await registerAs(other, uniqueUsername('anderemeester'), 'teacher');
	expect((await other.goto(questionUrl))?.status()).toBe(404);
	for (const action of ['save', 'delete']) {
		const response = await other.request.post(`${questionUrl}?/${action}`, { form: { question_nl: 'Van mij' }, headers: { origin: baseURL! } });
		expect(response.status()).toBe(404);
	}
	await other.context().close();

	// Deleting an answered question takes it out of use.
	await openPage(page, questionUrl);
	await page.getByRole('button', { name: 'Delete question' }).click();
	await expect(page.getByRole('status')).toHaveText("The question is no longer used. Learners' answers keep it.");
	await expect(page.getByText('You have not written any questions yet.')).toBeVisible();
});

test('a CSV file with one bad row shows the row number and saves nothing; a good one is saved after the preview and downloads again', async ({ page }) => {
	test.setTimeout(90_000);
	await registerAs(page, uniqueUsername('csvjuf'), 'teacher');
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'nl', url: page.url() }]);
	await openPage(page, '/teach/questions/import');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vragen importeren');
	await expectNoAxeViolations(page);

	// The template: the column names in the teacher's language, with a byte-order mark.
	const template = await page.request.get('/teach/questions/template.csv');
	expect(template.headers()['content-disposition']).toMatch(/^attachment; filename="sjabloon vragen - \d{4}-\d{2}-\d{2}\.csv"/);
	const header = Papa.parse<string[]>((await template.text()).slice(1), { skipEmptyLines: true }).data[0]!;
	expect(header.slice(0, 3)).toEqual(['Vraag (Nederlands)', 'Vraag (Engels)', 'Antwoord A (Nederlands)']);

	// As Excel in Dutch saves it: semicolons. Row 3 has two equal answers and no right one.
	const row = (question: string, correct: string, b = 'Bij de RDW') =>
		header.map((name) =>
			({
				'Vraag (Nederlands)': question,
				'Antwoord A (Nederlands)': 'Bij de gemeente',
				'Antwoord B (Nederlands)': b,
				'Antwoord C (Nederlands)': 'Bij de politie',
				'Goed antwoord': correct,
				'Uitleg (Nederlands)': 'Dat doet u bij de gemeente.',
				Eindterm: '3.1'
			})[name] ?? ''
		);
	const file = (rows: string[][]) => Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n' });
	const upload = async (name: string, text: string | Buffer) => {
		await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv', buffer: typeof text === 'string' ? Buffer.from(text) : text });
		await page.getByRole('button', { name: 'Bestand controleren' }).click();
	};
	await upload('vragen.csv', file([row('Waar vraagt u een parkeervergunning aan?', 'A'), row('Waar haalt u een paspoort?', 'D', 'Bij de gemeente')]));
	await expect(page.getByTestId('import-preview')).toContainText('Rijen in het bestand: 2. Nieuw: 1.');
	await expect(page.getByRole('alert')).toHaveText('Rijen met een probleem: 1. Er is niets opgeslagen. Verbeter deze rijen in uw bestand en upload het opnieuw.');
	const problems = page.getByTestId('import-problems');
	await expect(problems.getByRole('rowheader')).toHaveText(['Rij 3']);
	await expect(problems.getByRole('listitem')).toHaveText([
		'Goed antwoord: Kies het goede antwoord: A, B of C.',
		'Antwoorden: Twee antwoorden zijn hetzelfde. Maak elk antwoord anders.'
	]);
	await expect(page.getByRole('button', { name: 'Vragen opslaan' })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await openPage(page, '/teach/questions');
	await expect(page.getByText('U heeft nog geen vragen geschreven.')).toBeVisible();

	// Not a CSV file, and no file: a message, nothing saved.
	await openPage(page, '/teach/questions/import');
	await upload('vragen.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]));
	await expect(page.getByRole('alert')).toHaveText(/^Dit is geen CSV-bestand\./);

	// The fixed file: a preview, then saved on confirmation.
	await upload('vragen.csv', file([row('Waar vraagt u een parkeervergunning aan?', 'A'), row('Waar haalt u een paspoort?', 'A')]));
	await expect(page.getByTestId('import-preview')).toContainText('Rijen in het bestand: 2. Nieuw: 2. Gewijzigd: 0. Niet gewijzigd: 0.');
	await expect(page.getByText('Elke rij is goed. Er is nog niets opgeslagen.')).toBeVisible();
	await page.getByRole('button', { name: 'Vragen opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen. Nieuwe vragen: 2. Gewijzigd: 0.');
	await openPage(page, '/teach/questions');
	await expect(page.getByTestId('own-question-list').getByRole('listitem')).toHaveCount(2);

	// The download has both, with their ids: importing it again changes nothing.
	const exported = await page.request.get('/teach/questions/questions.csv');
	const text = await exported.text();
	const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
	expect(rows.slice(1).map((cells) => cells[0]).sort()).toEqual(['Waar haalt u een paspoort?', 'Waar vraagt u een parkeervergunning aan?']);
	expect(rows.slice(1).every((cells) => /^own-[a-z2-7]{32}$/.test(cells.at(-1)!))).toBe(true);
	await openPage(page, '/teach/questions/import');
	await upload('mijn vragen.csv', text);
	await expect(page.getByTestId('import-preview')).toContainText('Nieuw: 0. Gewijzigd: 0. Niet gewijzigd: 2.');
});
