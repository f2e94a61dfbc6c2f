/**
 * What to ask next, as Anki orders it: learning-step cards that are due (exact times, earliest
 * first) come first, so a missed question returns after its 1 or 10 minutes; then review cards due
 * today (due from the start of their learner day, most overdue first); then new questions in bank
 * order while today's new questions stay under the daily limit.
 */
export interface DueCandidate {
	questionId: string;
	due: Date;
	/** 1 learning, 3 relearning (short-term steps); 2 review (whole learner days) */
	state: 1 | 2 | 3;
}

export interface QueueInput {
	/** the learner's cards that may be due (the caller may pass only the first few of each kind) */
	cards: readonly DueCandidate[];
	/** questions without a card, in the order to learn them (themes take turns) */
	fresh: readonly string[];
	newToday: number;
	newPerDay: number;
	now: Date;
}

export type QueueKind = 'learning' | 'due' | 'new';
export type NextQuestion = { questionId: string; kind: QueueKind } | null;

export function pickNext(input: QueueInput): NextQuestion {
	const now = input.now.getTime();
	let learning: DueCandidate | null = null;
	let review: DueCandidate | null = null;
	for (const card of input.cards) {
		if (card.due.getTime() > now) continue;
		if (card.state === 2) {
			if (review === null || card.due.getTime() < review.due.getTime()) review = card;
		} else if (learning === null || card.due.getTime() < learning.due.getTime()) {
			learning = card;
		}
	}
	if (learning) return { questionId: learning.questionId, kind: 'learning' };
	if (review) return { questionId: review.questionId, kind: 'due' };
	const first = input.fresh[0];
	if (first !== undefined && input.newToday < input.newPerDay) return { questionId: first, kind: 'new' };
	return null;
}

export interface Wait {
	unit: 'minutes' | 'hours' | 'days';
	count: number;
}

/**
 * When a card comes back: a review card in whole learner days (its interval), a learning-step card
 * in the largest whole unit of the time left ("10 minutes").
 */
export function describeWait(now: Date, card: { due: Date; state: number; scheduledDays: number }): Wait {
	if (card.state === 2 && card.scheduledDays >= 1) return { unit: 'days', count: card.scheduledDays };
	const due = card.due;
	const minutes = Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000));
	if (minutes < 60) return { unit: 'minutes', count: minutes };
	const hours = Math.round(minutes / 60);
	if (hours < 24) return { unit: 'hours', count: hours };
	return { unit: 'days', count: Math.round(hours / 24) };
}

/**
 * A random order of `n` options (Fisher–Yates). `random` returns a number in [0, 1); the caller
 * passes a seeded source (the order must be reproducible from the showing), tests a fixed one.
 */
export function shuffleOrder(n: number, random: () => number): number[] {
	const order = Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j] as number, order[i] as number];
	}
	return order;
}
