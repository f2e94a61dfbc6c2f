/*
 * Class insight: what a class gets wrong. Pure rules over counts the server reads in grouped
 * queries (server/teach/insight.ts): when a number rests on too few answers to be a percentage,
 * which questions are "most missed", the colour band of a share, and who needs attention.
 */

/** Below this many answers (or learners) a rate is shown as a count, never as a percentage. */
export const MIN_ANSWERS = 5;
/** "Most missed" lists this many questions. */
export const MOST_MISSED_COUNT = 10;
/** No answer for this many learner days: the learner needs attention. */
export const INACTIVE_DAYS = 7;
/** An exam within this many days, with a known share below the class median: needs attention. */
export const EXAM_SOON_DAYS = 30;

/** A share as the page shows it: a percentage, or "few" with the count it would rest on. */
export type ShareView = { kind: 'share'; percent: number } | { kind: 'few'; count: number };

/**
 * `part` of `whole` as a whole percentage that never hides a difference: 0 and 100 only when
 * nothing or everything, so 1 of 545 is 1%, not 0%, and 544 of 545 is 99%. 0 when `whole` is 0.
 */
export function wholePercent(part: number, whole: number): number {
	if (whole <= 0 || part <= 0) return 0;
	if (part >= whole) return 100;
	return Math.min(99, Math.max(1, Math.round((100 * part) / whole)));
}

/** `part` of `whole` as a whole percentage, unless `whole` is below MIN_ANSWERS. */
export function describeShare(part: number, whole: number): ShareView {
	if (whole < MIN_ANSWERS) return { kind: 'few', count: whole };
	return { kind: 'share', percent: wholePercent(part, whole) };
}

export interface QuestionCounts {
	questionId: string;
	/** learners who answered the question */
	learners: number;
	/** learners whose first answer to it was right */
	firstRight: number;
}

/**
 * The questions with the lowest first-try rate among those answered by at least MIN_ANSWERS
 * learners, lowest first (ties: more learners first, then by id, so the order is stable).
 */
export function pickMostMissed<T extends QuestionCounts>(questions: readonly T[], count = MOST_MISSED_COUNT): T[] {
	return questions
		.filter((question) => question.learners >= MIN_ANSWERS)
		.map((question) => ({ question, rate: question.firstRight / question.learners }))
		.sort((a, b) => a.rate - b.rate || b.question.learners - a.question.learners || (a.question.questionId < b.question.questionId ? -1 : 1))
		.slice(0, count)
		.map(({ question }) => question);
}

/** The band a known share falls in, for the grid's colours; the cell also shows the number. */
export type ShareBand = 'none' | 'low' | 'middle' | 'high';

/** none: nothing known yet; low: under 40%; middle: 40% to under 70%; high: 70% or more. */
export function bandOf(share: number): ShareBand {
	if (share <= 0) return 'none';
	if (share < 0.4) return 'low';
	if (share < 0.7) return 'middle';
	return 'high';
}

/** The median of `values` (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface LearnerActivity {
	userId: string;
	/** the learner day of the newest answer, null when the learner never answered */
	lastAnswerDay: number | null;
	/** the learner's today (their own time zone and rollover hour) */
	today: number;
	/** the learner day of their exam, when they set one and agreed to share it with the class */
	examDay: number | null;
	/** known questions / questions in the bank */
	knownShare: number;
}

export type AttentionReason = { kind: 'inactive'; days: number | null } | { kind: 'exam_soon'; daysToExam: number };

/**
 * Who needs the teacher's attention: no answer for INACTIVE_DAYS learner days or more (or never),
 * or an exam within EXAM_SOON_DAYS days while knowing less than the class median. A learner may
 * have both reasons. Order: the learner's input order.
 */
export function findNeedsAttention(learners: readonly LearnerActivity[]): { userId: string; reasons: AttentionReason[] }[] {
	const classMedian = median(learners.map((learner) => learner.knownShare));
	const found: { userId: string; reasons: AttentionReason[] }[] = [];
	for (const learner of learners) {
		const reasons: AttentionReason[] = [];
		const idle = learner.lastAnswerDay === null ? null : learner.today - learner.lastAnswerDay;
		if (idle === null || idle >= INACTIVE_DAYS) reasons.push({ kind: 'inactive', days: idle });
		if (learner.examDay !== null && classMedian !== null) {
			const daysToExam = learner.examDay - learner.today;
			if (daysToExam >= 0 && daysToExam <= EXAM_SOON_DAYS && learner.knownShare < classMedian) reasons.push({ kind: 'exam_soon', daysToExam });
		}
		if (reasons.length > 0) found.push({ userId: learner.userId, reasons });
	}
	return found;
}
