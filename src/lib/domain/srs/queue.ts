/**
 * What to ask next: due cards first, most overdue first; then new questions in bank order (by
 * theme, then position), while today's new questions stay under the daily limit.
 */
export interface DueCard {
	questionId: string;
	due: Date;
}

export interface QueueInput {
	due: DueCard[];
	/** questions without a card, already in bank order */
	fresh: string[];
	newToday: number;
	newPerDay: number;
	now: Date;
}

export type NextQuestion = { questionId: string; kind: 'due' | 'new' } | null;

export function pickNext(input: QueueInput): NextQuestion {
	let best: DueCard | null = null;
	for (const card of input.due) {
		if (card.due.getTime() > input.now.getTime()) continue;
		if (best === null || card.due.getTime() < best.due.getTime()) best = card;
	}
	if (best) return { questionId: best.questionId, kind: 'due' };
	const first = input.fresh[0];
	if (first !== undefined && input.newToday < input.newPerDay) return { questionId: first, kind: 'new' };
	return null;
}

/** How long until a card comes back, in the largest whole unit: "10 minutes", "3 days". */
export function describeWait(now: Date, due: Date): { unit: 'minutes' | 'hours' | 'days'; count: number } {
	const minutes = Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000));
	if (minutes < 60) return { unit: 'minutes', count: minutes };
	const hours = Math.round(minutes / 60);
	if (hours < 24) return { unit: 'hours', count: hours };
	return { unit: 'days', count: Math.round(hours / 24) };
}

/**
 * A random order of `n` options (Fisher–Yates). `random` returns a number in [0, 1); the caller
 * passes a secure source, tests a fixed one.
 */
export function shuffleOrder(n: number, random: () => number): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j] as number, order[i] as number];
	}
	return order;
}
