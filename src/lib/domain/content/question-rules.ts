import { z } from 'zod';
import { isOfficialUrl } from './official-domains';

/*
 * The rules one question must meet, shared by the bank (content files: validate.ts and quality.ts)
 * and teachers' own questions (the form and the CSV import, lib/server/teach/own-questions.ts).
 * One module, so a rule changed here changes for both. A rule gives a problem with the field it is
 * about and a code; the content pipeline writes it as an English line (describeQuestionProblem),
 * the teacher's form shows it next to its field in the teacher's language.
 */

/** The limits of one question (design.md §4: short questions, short options, a short explanation). */
export interface QuestionLimits {
	maxQuestionWords: number;
	maxOptionChars: number;
	maxExplanationSentences: number;
}

export const QUESTION_LIMITS: QuestionLimits = {
	maxQuestionWords: 25,
	maxOptionChars: 90,
	maxExplanationSentences: 3
};

/** The longest text a field takes at all, before the limits above are checked. */
export const MAX_FIELD_CHARS = 600;

/** Letters, not control or format characters (a pasted zero-width space, a stray NUL). */
const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*$/u;

/**
 * One text of a question in the teacher's form or a CSV row: spaces and line breaks become single
 * spaces, and a control character or a text too long for any field is refused.
 */
export const teacherTextSchema = z
	.string()
	.max(MAX_FIELD_CHARS * 4, 'too_long')
	.transform((value) => value.replace(/[\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim())
	.pipe(z.string().max(MAX_FIELD_CHARS, 'too_long').regex(NO_CONTROL, 'control_chars'));

/** The fields a question has wherever it is written; the content file adds its id and links. */
export interface QuestionDraft {
	eindterm: string;
	question: { nl: string; en: string };
	/** in the order written; `correct` marks the right one */
	options: { nl: string; en: string; correct?: boolean }[];
	explanation: { nl: string; en: string };
	/** the page that backs the fact; optional for a teacher's own question */
	sourceUrl: string | null;
	guides: string[];
}

export type QuestionField =
	| 'eindterm'
	| 'question.nl'
	| 'question.en'
	| 'options'
	| `options.${number}.nl`
	| `options.${number}.en`
	| 'correct'
	| 'explanation.nl'
	| 'explanation.en'
	| 'source_url'
	| 'guides';

export type QuestionProblem =
	| { field: QuestionField; rule: 'required' | 'too_long' | 'control_chars' | 'all_none_above' | 'english_incomplete' }
	| { field: 'options'; rule: 'options_count'; count: number }
	| { field: 'correct'; rule: 'correct_count'; count: number }
	| { field: 'eindterm'; rule: 'unknown_eindterm'; code: string }
	| { field: 'source_url'; rule: 'source_missing' | 'source_not_https' | 'source_not_official'; url: string }
	| { field: 'guides'; rule: 'unknown_guide'; slug: string }
	| { field: 'question.nl'; rule: 'too_many_words'; words: number; max: number }
	| { field: `options.${number}.${'nl' | 'en'}`; rule: 'option_too_long'; text: string; max: number }
	| { field: 'options'; rule: 'same_options'; locale: 'nl' | 'en' }
	| { field: 'explanation.nl' | 'explanation.en'; rule: 'too_many_sentences'; sentences: number; max: number };

/** Lower case, accents removed, punctuation and extra spaces dropped: for duplicate detection. */
export function normalizeText(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

export function countWords(text: string): number {
	return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Sentences end in . ! or ? followed by a space or the end; abbreviations like "bijv." are rare here. */
export function countSentences(text: string): number {
	return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'“‘(])/u).filter((s) => s.trim() !== '').length;
}

/** Exactly 3 options, exactly one of them correct. */
export function checkOptionShape(options: readonly { correct?: boolean }[]): QuestionProblem[] {
	const problems: QuestionProblem[] = [];
	if (options.length !== 3) problems.push({ field: 'options', rule: 'options_count', count: options.length });
	const correct = options.filter((option) => option.correct === true).length;
	if (correct !== 1) problems.push({ field: 'correct', rule: 'correct_count', count: correct });
	return problems;
}

/**
 * The page behind a fact: https, and for the bank on an official domain. A teacher's own question
 * may cite the municipality or a local organisation, which no fixed list can name, so for it the
 * page only has to be https; learners see it as the teacher's source, not as an official page.
 */
export function checkSourceUrl(url: string | null, policy: { required: boolean; officialOnly: boolean }): QuestionProblem[] {
	if (url === null || url.trim() === '') return policy.required ? [{ field: 'source_url', rule: 'source_missing', url: '' }] : [];
	if (policy.officialOnly) return isOfficialUrl(url) ? [] : [{ field: 'source_url', rule: 'source_not_official', url }];
	const parsed = URL.canParse(url) ? new URL(url) : null;
	return parsed?.protocol === 'https:' && parsed.hostname.includes('.') ? [] : [{ field: 'source_url', rule: 'source_not_https', url }];
}

/**
 * How a question reads: the question's length, options that differ and are short, no "all/none of
 * the above", a short explanation. A text left empty (a teacher's optional English) is skipped.
 */
export function checkQuestionText(draft: Pick<QuestionDraft, 'question' | 'options' | 'explanation'>, limits: QuestionLimits = QUESTION_LIMITS): QuestionProblem[] {
	const problems: QuestionProblem[] = [];
	const words = countWords(draft.question.nl);
	if (words > limits.maxQuestionWords) {
		problems.push({ field: 'question.nl', rule: 'too_many_words', words, max: limits.maxQuestionWords });
	}
	for (const locale of ['nl', 'en'] as const) {
		const texts = draft.options.map((option) => normalizeText(option[locale]));
		const written = texts.filter((text) => text !== '');
		if (new Set(written).size !== written.length) problems.push({ field: 'options', rule: 'same_options', locale });
		draft.options.forEach((option, index) => {
			if (option[locale].length > limits.maxOptionChars) {
				problems.push({ field: `options.${index}.${locale}`, rule: 'option_too_long', text: option[locale], max: limits.maxOptionChars });
			}
		});
		const sentences = draft.explanation[locale] === '' ? 0 : countSentences(draft.explanation[locale]);
		if (sentences > limits.maxExplanationSentences) {
			problems.push({ field: `explanation.${locale}`, rule: 'too_many_sentences', sentences, max: limits.maxExplanationSentences });
		}
	}
	if (/\b(alle|geen) (van de )?(bovenstaande|antwoorden)\b/i.test(draft.options.map((o) => o.nl).join(' | '))) {
		problems.push({ field: 'options', rule: 'all_none_above' });
	}
	return problems;
}

/** The problem as one English line, as the content pipeline reports it after the question's id. */
export function describeQuestionProblem(problem: QuestionProblem): string {
	switch (problem.rule) {
		case 'required':
			return `${problem.field} must not be empty`;
		case 'too_long':
			return `${problem.field} is longer than ${MAX_FIELD_CHARS} characters`;
		case 'control_chars':
			return `${problem.field} contains a control character`;
		case 'english_incomplete':
			return `${problem.field} is missing while other texts have an English translation`;
		case 'all_none_above':
			return '"all/none of the above" options are not allowed';
		case 'options_count':
			return `has ${problem.count} options; a question needs exactly 3`;
		case 'correct_count':
			return `has ${problem.count} correct options; exactly one option must be marked correct: true`;
		case 'unknown_eindterm':
			return `unknown eindterm "${problem.code}"`;
		case 'source_missing':
			return 'missing source: source_url must name the official page that backs the fact';
		case 'source_not_https':
			return `source_url "${problem.url}" must be an https page`;
		case 'source_not_official':
			return `source_url "${problem.url}" must be https on an official domain`;
		case 'unknown_guide':
			return `unknown guide slug "${problem.slug}"`;
		case 'too_many_words':
			return `the question has ${problem.words} words; at most ${problem.max}`;
		case 'option_too_long':
			return `option "${problem.text}" is longer than ${problem.max} characters`;
		case 'same_options':
			return `two options are the same (${problem.locale})`;
		case 'too_many_sentences':
			return `the explanation (${problem.field.slice(-2)}) has ${problem.sentences} sentences; at most ${problem.max}`;
	}
}

/**
 * Words that say little about what a question asks: the commonest Dutch function words. Left out
 * of the overlap of two questions, so "Wat is ..." and "Wie ..." do not make questions alike.
 */
const FUNCTION_WORDS = new Set(
	'de het een en of in op aan van voor met bij naar uit door over als dan dat die dit deze wat wie waar wanneer welke welk hoe is zijn was wordt worden kan kunnen moet moeten mag mogen u uw je jij hij zij ze we wij er niet geen wel ook nog al om te tot na zo meer veel'.split(' ')
);

/** The words of a text that carry its meaning, normalised (normalizeText) and without function words. */
export function meaningWords(text: string): Set<string> {
	return new Set(
		normalizeText(text)
			.split(' ')
			.filter((word) => word !== '' && !FUNCTION_WORDS.has(word))
	);
}

/** The share of words two sets have in common (Jaccard): 1 for the same words, 0 for none. */
export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
	if (a.size === 0 && b.size === 0) return 0;
	let shared = 0;
	for (const word of a) if (b.has(word)) shared += 1;
	return shared / (a.size + b.size - shared);
}

/**
 * When two questions test the same fact (issue: content, second pass): the more their question
 * words overlap, the less their right answers need to. Measured on the bank of December 2026 (545
 * questions, every pair): the pairs this flags all tested the same fact (the 112 emergency number
 * twice, the same VOG question in two themes, birth registration in two themes, reporting a move
 * within 5 days twice); just below it are pairs that test different facts: half the question
 * words in common with other answers (the years of havo and vwo, provincial capitals), or a third
 * in common with half the answer (who pays social assistance and whom you pay waste tax: "the
 * municipality"; the ages for marrying and for school). Two questions meant as variants (the same
 * fact from another angle) name each other in `variants`.
 */
export const NEAR_DUPLICATE = [
	{ questionOverlap: 0.75, answerOverlap: 0 },
	{ questionOverlap: 0.5, answerOverlap: 0.5 },
	{ questionOverlap: 1 / 3, answerOverlap: 0.75 }
] as const;

export interface ComparableQuestion {
	question: { nl: string };
	options: { nl: string }[];
	correctIndex: number;
}

const compared = new WeakMap<ComparableQuestion, { question: Set<string>; answer: Set<string> }>();

/** A question's meaning words and its right answer's, worked out once per question (the bank compares thousands of pairs at every start). */
function wordsOf(q: ComparableQuestion): { question: Set<string>; answer: Set<string> } {
	let words = compared.get(q);
	if (!words) {
		words = { question: meaningWords(q.question.nl), answer: meaningWords(q.options[q.correctIndex]?.nl ?? '') };
		compared.set(q, words);
	}
	return words;
}

/** The overlaps of two questions' words and of their right answers' words, when they make a near-duplicate; else null. */
export function compareQuestions(a: ComparableQuestion, b: ComparableQuestion): { question: number; answer: number } | null {
	const question = wordOverlap(wordsOf(a).question, wordsOf(b).question);
	if (question < NEAR_DUPLICATE.at(-1)!.questionOverlap) return null;
	const answer = wordOverlap(wordsOf(a).answer, wordsOf(b).answer);
	return NEAR_DUPLICATE.some((tier) => question >= tier.questionOverlap && answer >= tier.answerOverlap) ? { question, answer } : null;
}

/**
 * A figure that can change (design: "anything with an amount, age, date or a change under way is
 * volatile"): an amount in euros, a percentage, an age, a period or another count. Not a figure
 * of that kind: a year (history happened), a day of a month and a clock time (fixed days of
 * remembrance), a phone number (112, 0900-8844), an ordinal (de 17e eeuw) and an article number.
 */
export function hasChangeableFigure(text: string): boolean {
	const rest = text
		.replace(/\b\d{3,4}-\d{4}\b|\b112\b/g, ' ')
		.replace(/\b(1\d|20)\d{2}\b/g, ' ')
		.replace(/\b\d+e\b/g, ' ')
		.replace(/\bartikel \d+\b/gi, ' ')
		.replace(/\b\d{1,2}( en \d{1,2})? (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/gi, ' ')
		.replace(/\b\d{1,2}[.:]\d{2} uur\b/gi, ' ');
	return /\d|€|\bprocent\b|\beuro\b/i.test(rest);
}

/**
 * A right answer that repeats a rare word of the question while no wrong answer does (eer →
 * eerwraak, geboorteaangifte → geboorteakte): a learner can find it without knowing the fact.
 * `rare` says whether a word is rare in the bank (common words like gemeente do not count).
 */
export function findEcho(question: ComparableQuestion, rare: (word: string) => boolean): string | null {
	const alike = (a: string, b: string) =>
		a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a) || (a.length >= 6 && b.length >= 6 && a.slice(0, 6) === b.slice(0, 6)));
	const right = [...meaningWords(question.options[question.correctIndex]?.nl ?? '')];
	const wrong = question.options.filter((_, index) => index !== question.correctIndex).flatMap((option) => [...meaningWords(option.nl)]);
	for (const word of meaningWords(question.question.nl)) {
		if (word.length < 3 || !rare(word)) continue;
		if (right.some((other) => alike(word, other)) && !wrong.some((other) => alike(word, other))) return word;
	}
	return null;
}

/** A site's homepage (no path, no query): it states no fact, so it cannot back one. */
export function isHomepage(url: string): boolean {
	if (!URL.canParse(url)) return false;
	const page = new URL(url);
	return page.pathname.replace(/\/+$/, '') === '' && page.search === '';
}
