import type { DayModel } from '../learner-day';
import { recallOn } from '../srs/scheduler';
import type { CardState } from '../srs/scheduler';

/*
 * "Know by the due date", the default goal of an assignment: a question counts as known when the
 * learner's latest answer to it was right (rated Good: not wrong, not marked as a guess) and FSRS-6
 * predicts a recall of at least 0.90 on the due date (the forgetting curve from the card's stability, over the learner days from its last review
 * to the due date). "Answer each question once" only asks for an answer.
 */

export const KNOWN_RECALL = 0.9;
// Float noise: a recall computed as 0.8999999999 is 0.90.
const EPSILON = 1e-9;
/**
 * The same tolerance for the rule in days that SQL uses (server/teach/assignments.ts): FSRS defines
 * stability S as the days after which recall is 0.90, so recall ≥ 0.90 ⟺ elapsed days ≤ S.
 */
export const KNOWN_EPSILON_DAYS = 1e-9;

export type AssignmentGoal = 'know' | 'once';

export interface QuestionState {
	card: Pick<CardState, 'stability' | 'lastReview' | 'state'> | null;
	/** the rating of the latest answer (practice or exam): 3 right, 1 wrong or guessed; null when never answered */
	lastRating: number | null;
}

export function isKnownBy(state: QuestionState, due: Date, day: DayModel): boolean {
	if (state.lastRating !== 3) return false;
	const recall = recallOn(state.card, due, day);
	return recall !== null && recall >= KNOWN_RECALL - EPSILON;
}

/** Whether a question meets the goal: known by the due date, or answered once. */
export function meetsGoal(goal: AssignmentGoal, state: QuestionState, due: Date, day: DayModel): boolean {
	return goal === 'once' ? state.lastRating !== null : isKnownBy(state, due, day);
}

export interface ForwardCandidate extends QuestionState {
	questionId: string;
}

/**
 * Practising a "know by the due date" task when nothing is due: the question whose predicted
 * recall on the due date is lowest and below 0.90 comes back early. Only cards in review are
 * brought forward: a card in a learning step (just answered, or answered wrong) comes back by
 * itself within minutes. Null when every answered question is ready for the due date.
 */
export function pickWeakestForDue(candidates: ForwardCandidate[], due: Date, day: DayModel): string | null {
	let weakest: { questionId: string; recall: number } | null = null;
	for (const candidate of candidates) {
		if (candidate.card?.state !== 2) continue;
		const recall = recallOn(candidate.card, due, day) ?? 0;
		if (recall >= KNOWN_RECALL - EPSILON) continue;
		if (weakest === null || recall < weakest.recall) weakest = { questionId: candidate.questionId, recall };
	}
	return weakest?.questionId ?? null;
}

/**
 * About how many questions a day are left to reach the goal by the due day: what is left divided
 * by the days left, today and the due day included. Past the due day: all that is left.
 */
export function suggestDailyAmount(left: number, today: number, dueDay: number): number {
	if (left <= 0) return 0;
	const days = dueDay - today + 1;
	return days <= 1 ? left : Math.ceil(left / days);
}
