import type { DayModel } from '../learner-day';
import { recallOn } from '../srs/scheduler';
import type { CardState } from '../srs/scheduler';

/*
 * "Know by the due date", the default goal of an assignment: a question counts as known when the
 * learner's latest answer to it was right and FSRS-6 predicts a recall of at least 0.90 on the due
 * date (the forgetting curve from the card's stability, over the learner days from its last review
 * to the due date). "Answer each question once" only asks for an answer.
 */

export const KNOWN_RECALL = 0.9;
// Float noise: a recall computed as 0.8999999999 is 0.90.
const EPSILON = 1e-9;

export type AssignmentGoal = 'know' | 'once';

export interface QuestionState {
	card: Pick<CardState, 'stability' | 'lastReview' | 'state'> | null;
	/** the latest answer to the question (practice or exam), or null when never answered */
	lastCorrect: boolean | null;
}

export function isKnownBy(state: QuestionState, due: Date, day: DayModel): boolean {
	if (state.lastCorrect !== true) return false;
	const recall = recallOn(state.card, due, day);
	return recall !== null && recall >= KNOWN_RECALL - EPSILON;
}

/** Whether a question meets the goal: known by the due date, or answered once. */
export function meetsGoal(goal: AssignmentGoal, state: QuestionState, due: Date, day: DayModel): boolean {
	return goal === 'once' ? state.lastCorrect !== null : isKnownBy(state, due, day);
}
