import { checkQuestionText, countSentences, countWords, describeQuestionProblem, findEcho, hasChangeableFigure, meaningWords, normalizeText, QUESTION_LIMITS } from './question-rules';
import type { ContentBundle, Guide, Question } from './types';

/**
 * Quality rules for the question bank and the hub (issue: the KNM question bank). The validator
 * (validate.ts) rejects content that cannot be imported; these rules say whether the content is
 * good enough to ship. Each problem is one readable line.
 */
export interface QualityRules {
	minQuestions: number;
	minQuestionsPerTheme: number;
	minPerEindterm: number;
	minPerIndicator: number;
	maxQuestionWords: number;
	maxOptionChars: number;
	maxExplanationSentences: number;
	/** the share of questions whose correct option is the longest (Dutch, in characters) */
	maxCorrectLongestShare: number;
	minSources: number;
	minTopics: number;
	minGuides: number;
	minGuideWords: number;
	maxGuideWords: number;
	minGuideSources: number;
	minQuickAnswers: number;
}

export const BANK_RULES: QualityRules = {
	minQuestions: 700,
	minQuestionsPerTheme: 80,
	minPerEindterm: 4,
	minPerIndicator: 3,
	...QUESTION_LIMITS,
	maxCorrectLongestShare: 0.4,
	minSources: 20,
	minTopics: 8,
	minGuides: 16,
	minGuideWords: 300,
	maxGuideWords: 900,
	minGuideSources: 2,
	minQuickAnswers: 20
};

export { countSentences, countWords, normalizeText };

function isCorrectLongest(question: Question): boolean {
	const lengths = question.options.map((option) => option.nl.length);
	const correct = lengths[question.correctIndex] ?? 0;
	return lengths.every((length, index) => index === question.correctIndex || length < correct);
}

export function checkBankQuality(bundle: ContentBundle, rules: QualityRules = BANK_RULES): string[] {
	const problems: string[] = [];
	const { questions } = bundle;

	if (questions.length < rules.minQuestions) {
		problems.push(`the bank has ${questions.length} questions; at least ${rules.minQuestions} are needed`);
	}
	for (const theme of bundle.themes) {
		const inTheme = questions.filter((q) => q.theme === theme.slug);
		if (inTheme.length < rules.minQuestionsPerTheme) {
			problems.push(`theme ${theme.slug} has ${inTheme.length} questions; at least ${rules.minQuestionsPerTheme} are needed`);
		}
		for (const eindterm of theme.eindtermen) {
			const n = inTheme.filter(
				(q) => q.eindterm === eindterm.code || q.eindterm.startsWith(`${eindterm.code}.`)
			).length;
			if (n < rules.minPerEindterm) {
				problems.push(`eindterm ${eindterm.code} has ${n} questions; at least ${rules.minPerEindterm} are needed`);
			}
			for (const indicator of eindterm.indicators) {
				const m = inTheme.filter((q) => q.eindterm === indicator.code).length;
				if (m < rules.minPerIndicator) {
					problems.push(`indicator ${indicator.code} has ${m} questions; at least ${rules.minPerIndicator} are needed`);
				}
			}
		}
	}

	const seenText = new Map<string, string>();
	let correctLongest = 0;
	for (const q of questions) {
		const key = normalizeText(q.question.nl);
		const first = seenText.get(key);
		if (first !== undefined) problems.push(`${q.id}: same question text as ${first}`);
		else seenText.set(key, q.id);

		const limits = { maxQuestionWords: rules.maxQuestionWords, maxOptionChars: rules.maxOptionChars, maxExplanationSentences: rules.maxExplanationSentences };
		for (const problem of checkQuestionText(q, limits)) problems.push(`${q.id}: ${describeQuestionProblem(problem)}`);
		if (q.sources.length === 0) problems.push(`${q.id}: names no hub source`);
		if (q.checked === null) problems.push(`${q.id}: not verified yet (no checked date)`);
		if (isCorrectLongest(q)) correctLongest += 1;
	}
	if (questions.length > 0) {
		const share = correctLongest / questions.length;
		if (share > rules.maxCorrectLongestShare) {
			problems.push(
				`the correct option is the longest in ${(share * 100).toFixed(1)}% of questions; at most ${rules.maxCorrectLongestShare * 100}%`
			);
		}
	}

	if (bundle.sources.length < rules.minSources) {
		problems.push(`the hub has ${bundle.sources.length} sources; at least ${rules.minSources} are needed`);
	}
	if (bundle.topics.length < rules.minTopics) {
		problems.push(`the hub has ${bundle.topics.length} topics; at least ${rules.minTopics} are needed`);
	}
	const inTopic = new Set(bundle.topics.flatMap((topic) => topic.sources.map((s) => s.slug)));
	for (const source of bundle.sources) {
		if (!inTopic.has(source.slug)) problems.push(`source ${source.slug} is in no topic`);
	}
	if (bundle.guides.length < rules.minGuides) {
		problems.push(`the hub has ${bundle.guides.length} guides; at least ${rules.minGuides} are needed`);
	}
	for (const guide of bundle.guides) {
		const words = countWords(guide.body.en);
		if (words < rules.minGuideWords || words > rules.maxGuideWords) {
			problems.push(`guide ${guide.slug} has ${words} words; ${rules.minGuideWords}–${rules.maxGuideWords} are wanted`);
		}
		if (guide.sources.length < rules.minGuideSources) {
			problems.push(`guide ${guide.slug} cites ${guide.sources.length} sources; at least ${rules.minGuideSources}`);
		}
	}
	if (bundle.quickAnswers.length < rules.minQuickAnswers) {
		problems.push(`the hub has ${bundle.quickAnswers.length} quick answers; at least ${rules.minQuickAnswers} are needed`);
	}
	return problems;
}

/** A word is rare when at most this share of the bank's questions use it (in the question or an option). */
export const RARE_WORD_SHARE = 0.01;

/**
 * What a reviewer should look at but need not block a release (issue: content, second pass): a
 * right answer that echoes a rare word of the question, a changeable figure (an amount, age,
 * percentage or count; not a historic year, a day of a month or a clock time) in a question or its
 * right answer that is not marked `volatile`, and a guide without a checked date. One line per
 * question or guide and kind. (A homepage source_url, or one on no named source's site, is an
 * error: validate.ts.)
 */
export function checkBankWarnings(bundle: { questions: Question[]; guides: Pick<Guide, 'slug' | 'checked'>[] }): string[] {
	const { questions } = bundle;
	const usage = new Map<string, number>();
	for (const q of questions) {
		for (const word of meaningWords([q.question.nl, ...q.options.map((option) => option.nl)].join(' '))) usage.set(word, (usage.get(word) ?? 0) + 1);
	}
	const rare = (word: string) => (usage.get(word) ?? 0) <= Math.max(1, Math.floor(questions.length * RARE_WORD_SHARE));
	const warnings: string[] = [];
	for (const q of questions) {
		const echo = findEcho(q, rare);
		if (echo) warnings.push(`${q.id}: the right answer repeats "${echo}" from the question and no wrong answer does`);
		if (!q.volatile && hasChangeableFigure(`${q.question.nl} ${q.options[q.correctIndex]?.nl ?? ''}`)) {
			warnings.push(`${q.id}: has a figure that can change (amount, age, percentage or number) but is not volatile`);
		}
	}
	for (const guide of bundle.guides) {
		if (guide.checked === null) warnings.push(`guide ${guide.slug}: no checked date; check its facts against the official pages and add \`checked:\``);
	}
	return warnings;
}

