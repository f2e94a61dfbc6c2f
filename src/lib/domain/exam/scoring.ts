/** Scoring a mock exam: one point per correct answer, no penalty for a wrong or missing one. */
export interface ScoredAnswer {
	theme: string;
	correct: boolean;
	answered: boolean;
}

export interface ExamScore {
	score: number;
	total: number;
	answered: number;
	perTheme: { theme: string; score: number; total: number }[];
}

export function scoreExam(answers: ScoredAnswer[]): ExamScore {
	const perTheme = new Map<string, { score: number; total: number }>();
	for (const answer of answers) {
		const entry = perTheme.get(answer.theme) ?? { score: 0, total: 0 };
		entry.total += 1;
		if (answer.answered && answer.correct) entry.score += 1;
		perTheme.set(answer.theme, entry);
	}
	return {
		score: answers.filter((a) => a.answered && a.correct).length,
		total: answers.length,
		answered: answers.filter((a) => a.answered).length,
		perTheme: [...perTheme].map(([theme, entry]) => ({ theme, ...entry }))
	};
}

/** The deadline of an attempt started at `startedAt`. */
export function examDeadline(startedAt: Date, minutes: number): Date {
	return new Date(startedAt.getTime() + minutes * 60_000);
}

/** Whole seconds left before the deadline (0 when it has passed). */
export function secondsLeft(deadline: Date, now: Date): number {
	return Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 1000));
}

export function isPastDeadline(deadline: Date, now: Date): boolean {
	return now.getTime() >= deadline.getTime();
}
