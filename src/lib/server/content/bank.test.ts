import { describe, expect, it } from 'vitest';
import { checkBankQuality } from '../../domain/content/quality';
import { summarizeContent } from '../../domain/content/summary';
import { buildWordCards } from '../../domain/content/word-cards';
import { openDatabase } from '../db';
import { loadQuestionLinks } from '../question-links';
import { importContent } from './import';
import { loadContent } from './load';

/**
 * The shipped question bank and hub against the quality rules (content/README.md): counts and
 * coverage of the 2025 eindtermen, unique and well-formed questions, verified facts, links.
 * This reads the real files in content/ and questions/, so a bad edit fails the suite.
 */
describe('the shipped content', () => {
	const bundle = loadContent();

	it('meets every quality rule of the bank and the hub', () => {
		expect(checkBankQuality(bundle)).toEqual([]);
	});

	it('covers every theme, eindterm and indicator', () => {
		const summary = summarizeContent(bundle);
		expect(summary.themes).toBe(8);
		expect(summary.questions).toBeGreaterThanOrEqual(700);
		expect(summary.words).toBeGreaterThanOrEqual(400);
		expect(summary.indicatorsCovered).toBe(summary.indicators);
		expect(summary.questionsUnverified).toBe(0);
		for (const theme of bundle.themes) {
			for (const eindterm of theme.eindtermen) {
				expect(summary.questionsPerEindterm[eindterm.code], eindterm.code).toBeGreaterThanOrEqual(4);
				for (const indicator of eindterm.indicators) {
					expect(summary.questionsPerEindterm[indicator.code], indicator.code).toBeGreaterThanOrEqual(3);
				}
			}
		}
	});

	it('links every question to a hub source and its theme guide', () => {
		for (const question of bundle.questions) {
			expect(question.sources.length, question.id).toBeGreaterThan(0);
			expect(question.guides, question.id).toContain(`knm-${question.theme}`);
		}
	});

	it('opens every guide a question links to at the question\'s eindterm', () => {
		// practice feedback and exam review link to the guide's paragraph of the eindterm
		const db = openDatabase(':memory:');
		importContent(db, bundle, new Date('2026-12-01T10:00:00Z'));
		const missing = bundle.questions.flatMap((question) =>
			loadQuestionLinks(db, question.id, question.eindterm, 'nl')
				.guides.filter((guide) => guide.anchor === null)
				.map((guide) => `${question.id} (${question.eindterm}) → ${guide.slug}`)
		);
		expect(missing).toEqual([]);
	});

	it('makes a fair word card of every KNM word', () => {
		const cards = buildWordCards(bundle.words);
		expect(cards).toHaveLength(bundle.words.length);
		// the right meaning is first, second or third about as often (before the showing shuffles)
		for (const index of [0, 1, 2]) expect(cards.filter((card) => card.correctIndex === index).length).toBeGreaterThan(cards.length / 5);
		for (const card of cards) {
			expect(card.options, card.id).toHaveLength(3);
			expect(new Set(card.options.map((option) => option.nl)).size, card.id).toBe(3);
		}
	});

	it('has a Dutch version of every guide', () => {
		expect(bundle.guides.filter((guide) => guide.body.nl === null).map((guide) => guide.slug)).toEqual([]);
	});
});
