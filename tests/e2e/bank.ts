import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';

/**
 * The question bank as the tests know it: from the question files (the page never says which
 * option is right), so a test can answer right or wrong on purpose. Keyed by the Dutch question.
 */
export interface BankQuestion {
	id: string;
	question: { nl: string; en: string };
	options: { nl: string; en: string; correct?: boolean }[];
	explanation: { nl: string; en: string };
	guides?: string[];
}

export const bank = new Map<string, BankQuestion>();
const root = process.env.CONTENT_ROOT ?? process.cwd();
for (const file of readdirSync(join(root, 'questions')).filter((f) => f.endsWith('.yaml'))) {
	const data = parse(readFileSync(join(root, 'questions', file), 'utf8')) as { questions: BankQuestion[] };
	for (const question of data.questions) bank.set(question.question.nl, question);
}

/** The practice question on screen, from the bank. */
export async function currentQuestion(page: Page): Promise<BankQuestion> {
	const text = (await page.locator('h1#question-text').textContent())?.trim() ?? '';
	const question = bank.get(text);
	expect(question, `question "${text}" is in the bank`).toBeDefined();
	return question!;
}

/** Answers the practice question on screen, right or wrong on purpose. */
export async function answer(page: Page, right: boolean): Promise<BankQuestion> {
	const question = await currentQuestion(page);
	const correct = question.options.find((option) => option.correct)!.nl;
	const target = right ? correct : question.options.find((option) => !option.correct)!.nl;
	await page.locator('button.option', { hasText: target }).click();
	return question;
}

/** The feedback's button to the next question: "I knew it" after a right answer, else "Next question". */
export function nextButton(page: Page) {
	return page.getByRole('button', { name: /^(I knew it|Next question)$/ });
}

/**
 * The feedback shows the whole explanation, Dutch and English: its first sentence under
 * "Remember:", the rest under "Why". Checked against the question file, not against the code
 * that splits it.
 */
export async function expectExplanationShown(page: Page, question: BankQuestion): Promise<void> {
	const feedback = page.locator('section.feedback');
	const remember = page.getByTestId('remember');
	await expect(remember).toContainText('Remember:');
	for (const [lang, explanation] of [
		['nl', question.explanation.nl],
		['en', question.explanation.en]
	] as const) {
		const takeaway = ((await remember.locator(`[lang="${lang}"]`).textContent()) ?? '').trim();
		const rest = (await feedback.locator(`:scope > p[lang="${lang}"]:not(.question)`).allTextContents()).map((text) => text.trim()).join(' ');
		expect(takeaway, `${lang}: a sentence`).toMatch(/[.!?]$/);
		expect(explanation.trim().startsWith(takeaway), `${lang}: the first part of the explanation`).toBe(true);
		expect(`${takeaway} ${rest}`.trim(), `${lang}: the whole explanation`).toBe(explanation.trim().replace(/\s+/g, ' '));
	}
}
