import { describe, expect, it } from 'vitest';
import { BANK_RULES, checkBankQuality, countSentences, countWords, normalizeText } from './quality';
import type { QualityRules } from './quality';
import { buildContentFiles, QUESTION_1, QUESTION_2, questionsYaml } from './test-fixtures';
import type { ContentBundle } from './types';
import { validateContent } from './validate';

/** Rules small enough for the fixture, so each test shows one rule failing on its own. */
const FIXTURE_RULES: QualityRules = {
	...BANK_RULES,
	minQuestions: 2,
	minQuestionsPerTheme: 0,
	minPerEindterm: 0,
	minPerIndicator: 0,
	maxCorrectLongestShare: 1,
	minSources: 3,
	minTopics: 2,
	minGuides: 2,
	minGuideWords: 1,
	minGuideSources: 1,
	minQuickAnswers: 1
};

function bundle(questions: string[]): ContentBundle {
	const result = validateContent(buildContentFiles({ 'questions/wonen.yaml': questionsYaml(questions) }));
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.bundle;
}

describe('checkBankQuality', () => {
	it('passes the fixture under fixture-sized rules', () => {
		expect(checkBankQuality(bundle([QUESTION_1, QUESTION_2]), FIXTURE_RULES)).toEqual([]);
	});

	it('fails the fixture under the real rules (counts and coverage)', () => {
		const problems = checkBankQuality(bundle([QUESTION_1, QUESTION_2]));
		expect(problems).toContain('the bank has 2 questions; at least 700 are needed');
		expect(problems).toContain('theme wonen has 2 questions; at least 80 are needed');
		expect(problems).toContain('eindterm 3.1 has 2 questions; at least 4 are needed');
		expect(problems).toContain('indicator 3.1.1 has 1 questions; at least 3 are needed');
		expect(problems).toContain('indicator 6.1.1 has 0 questions; at least 3 are needed');
		expect(problems).toContain('the hub has 3 sources; at least 20 are needed');
	});

	it('finds two questions with the same normalised text', () => {
		// named as a variant, so the validator's near-duplicate rule lets it through to this one
		const copy = QUESTION_2.replace('Wat tekent u als u een huis huurt?', 'Wie helpt bij ruzie over de huurprijs ?').replace(
			'    sources: [huurcommissie]\n',
			'    sources: [huurcommissie]\n    variants: [wo-001]\n'
		);
		expect(checkBankQuality(bundle([QUESTION_1, copy]), FIXTURE_RULES)).toEqual([
			'wo-002: same question text as wo-001'
		]);
	});

	it('finds options that are the same', () => {
		const same = QUESTION_1.replace('nl: Het UWV', 'nl: de huurcommissie');
		expect(checkBankQuality(bundle([same, QUESTION_2]), FIXTURE_RULES)).toEqual([
			'wo-001: two options are the same (nl)'
		]);
	});

	it('finds a question that is too long', () => {
		const long = QUESTION_1.replace(
			'Wie helpt bij ruzie over de huurprijs?',
			'Ahmed woont al drie jaar in een huis in Utrecht en hij heeft nu veel ruzie met de verhuurder over de huurprijs. Wie kan hem helpen?'
		);
		expect(checkBankQuality(bundle([long, QUESTION_2]), FIXTURE_RULES)).toEqual([
			'wo-001: the question has 26 words; at most 25'
		]);
	});

	it('finds an explanation with more than 3 sentences', () => {
		const wordy = QUESTION_1.replace(
			'en: The Huurcommissie decides disputes about the rent.',
			'en: The Huurcommissie decides. It is independent. It is cheap. It is fast.'
		);
		expect(checkBankQuality(bundle([wordy, QUESTION_2]), FIXTURE_RULES)).toEqual([
			'wo-001: the explanation (en) has 4 sentences; at most 3'
		]);
	});

	it('fails when the correct option is the longest too often', () => {
		// Only in the first question is the correct option the longest: 50% > 40%.
		const longest = QUESTION_1.replace('nl: De Belastingdienst', 'nl: De SVB');
		const problems = checkBankQuality(bundle([longest, QUESTION_2]), {
			...FIXTURE_RULES,
			maxCorrectLongestShare: 0.4
		});
		expect(problems).toEqual(['the correct option is the longest in 50.0% of questions; at most 40%']);
	});
});

describe('text helpers', () => {
	it('normalises accents, case and punctuation', () => {
		expect(normalizeText('Één  keer, Per JAAR!')).toBe('een keer per jaar');
	});

	it('counts words and sentences', () => {
		expect(countWords('Wat is de BSN - een nummer?')).toBe(6);
		expect(countSentences('Dit is één. Dit is twee! En drie?')).toBe(3);
		expect(countSentences('U belt 112 bij gevaar.')).toBe(1);
	});
});
