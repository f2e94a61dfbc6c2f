/**
 * Scoring and the clock of a mock exam. One point per correct answer, no penalty for a wrong or
 * missing one. Whether an answer was correct is decided once, when it is saved, against the version
 * of the question that was shown, so a score never changes after the fact.
 */
export interface ScoredAnswer {
	theme: string;
	/** null while unanswered */
	correct: boolean | null;
}

export interface ExamScore {
	score: number;
	total: number;
	answered: number;
	/** per theme, in the order the themes first appear */
	perTheme: { theme: string; score: number; total: number }[];
}

/** The one scoring function: closing, the results page and the history all call it. */
export function scoreExam(answers: readonly ScoredAnswer[]): ExamScore {
	const perTheme = new Map<string, { score: number; total: number }>();
	let score = 0;
	let answered = 0;
	for (const answer of answers) {
		const entry = perTheme.get(answer.theme) ?? { score: 0, total: 0 };
		entry.total += 1;
		if (answer.correct !== null) answered += 1;
		if (answer.correct === true) {
			entry.score += 1;
			score += 1;
		}
		perTheme.set(answer.theme, entry);
	}
	return { score, total: answers.length, answered, perTheme: [...perTheme].map(([theme, entry]) => ({ theme, ...entry })) };
}

/**
 * Requests in flight when the time runs out (the timer's last save, a slow phone network) are
 * still accepted this long after the deadline.
 */
export const DEADLINE_GRACE_MS = 5_000;

/** The deadline of an attempt started at `startedAt`. */
export function examDeadline(startedAt: Date, minutes: number): Date {
	return new Date(startedAt.getTime() + minutes * 60_000);
}

/** Whole seconds left before the deadline (0 when it has passed). */
export function secondsLeft(deadline: Date, now: Date): number {
	return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

/**
 * Where an attempt stands: `running` before the deadline; `grace` from the deadline to the end of
 * the grace (answers still saved, then the attempt closes); `over` after that while nobody has
 * closed it yet; `closed` once closed.
 */
export type AttemptPhase = 'running' | 'grace' | 'over' | 'closed';

export function attemptPhase(attempt: { deadlineAt: Date; closedAt: Date | null }, now: Date): AttemptPhase {
	if (attempt.closedAt !== null) return 'closed';
	const t = now.getTime();
	const deadline = attempt.deadlineAt.getTime();
	if (t < deadline) return 'running';
	return t <= deadline + DEADLINE_GRACE_MS ? 'grace' : 'over';
}

/**
 * The theme to practise after a mock exam: the lowest share of right answers (the lower theme
 * number on a tie); none when every theme was answered fully right.
 */
export function findWeakestTheme<T extends { number: number; score: number; total: number }>(perTheme: readonly T[]): T | null {
	let weakest: T | null = null;
	for (const theme of perTheme) {
		if (theme.total === 0 || theme.score >= theme.total) continue;
		const share = theme.score / theme.total;
		const best = weakest ? weakest.score / weakest.total : Infinity;
		if (share < best || (share === best && theme.number < weakest!.number)) weakest = theme;
	}
	return weakest;
}
