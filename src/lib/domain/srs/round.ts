/**
 * Practice comes in rounds of 10 answers with a clear end, as in the best-loved learning apps: a
 * progress bar while it lasts, then a summary. A round is identified by the instant it started;
 * its answers are read back from the review log, so nothing about it is stored.
 */
export const ROUND_SIZE = 10;

/** A round may be resumed for this long after it started (a reload, a break). */
const ROUND_MAX_AGE_MS = 12 * 3_600_000;

/** The start of a round from a URL value (13 digits, not in the future, not too old), or null. */
export function parseRoundStart(value: string | null, now: Date): Date | null {
	if (value === null || !/^\d{13}$/.test(value)) return null;
	const start = Number(value);
	if (start > now.getTime() || now.getTime() - start > ROUND_MAX_AGE_MS) return null;
	return new Date(start);
}

export interface RoundAnswer {
	questionId: string;
	correct: boolean;
	question: string;
}

export interface RoundSummary {
	right: number;
	wrong: number;
	/** each question answered wrong in the round (once, in the order first missed) */
	wrongQuestions: { questionId: string; question: string }[];
}

export interface RoundState {
	/** ms since the epoch; null before the round's first answer */
	start: number | null;
	answered: number;
	size: number;
	summary: RoundSummary | null;
}

/** Where a round stands after `answers` (in time order); the summary once it is complete. */
export function describeRound(start: Date | null, answers: readonly RoundAnswer[]): RoundState {
	const counted = answers.slice(0, ROUND_SIZE);
	const complete = counted.length >= ROUND_SIZE;
	const wrongQuestions: RoundSummary['wrongQuestions'] = [];
	for (const answer of counted) {
		if (!answer.correct && !wrongQuestions.some((q) => q.questionId === answer.questionId)) {
			wrongQuestions.push({ questionId: answer.questionId, question: answer.question });
		}
	}
	return {
		start: start?.getTime() ?? null,
		answered: counted.length,
		size: ROUND_SIZE,
		summary: complete
			? { right: counted.filter((a) => a.correct).length, wrong: counted.filter((a) => !a.correct).length, wrongQuestions }
			: null
	};
}
