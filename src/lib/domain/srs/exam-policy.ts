import { forgetting_curve, default_w } from 'ts-fsrs';
import { learnerDay, startOfLearnerDay } from '../learner-day';
import type { DayModel } from '../learner-day';
import type { CardState } from './scheduler';
import { hashText } from '../random';

/*
 * Exam-date scheduling (srs.md §6): a learner with an exam date wants to reach that day knowing as
 * much as possible with as few answers as possible, not to keep every question at 90% forever.
 * Pure and in learner days (domain/learner-day.ts); the server's queue and `npm run sim:exam` both
 * use these functions, so the simulation measures the policy as it runs.
 *
 * - While learning, the scheduler aims at a lower recall (0.2 below the learner's target, between
 *   0.6 and 0.8), rising to the target (their desired retention) over the last RAMP_DAYS before
 *   the exam. `npm run sim:exam` chose these: at 0.8 throughout, the policy needed more answers
 *   than plain FSRS for an expected score of 0.90.
 * - Each question gets a slot in the final FINAL_DAYS (a stable hash of its id, so the slots are
 *   spread and not all on the eve); no interval reaches past that slot before it, so the last
 *   review before the exam falls in the final week, unless the question is already strong enough
 *   for the exam day without it.
 * - In the final week, after what is due, the questions whose predicted recall on the exam day is
 *   below the target come first, weakest first (the final sweep).
 * - New questions are paced so the whole bank is introduced INTRODUCE_BEFORE days before the exam,
 *   within a daily load cap (answers a day, a setting).
 * - On and after the exam day: plain FSRS at the learner's desired retention again.
 */

/** the retention while learning: 0.2 below the learner's target, between these bounds */
export const MIN_LEARNING_RETENTION = 0.6;
export const MAX_LEARNING_RETENTION = 0.8;
export const RAMP_DAYS = 30;
export const FINAL_DAYS = 7;
/** new questions are all introduced this many days before the exam, so each gets a few reviews */
export const INTRODUCE_BEFORE = 14;
export const DEFAULT_DAILY_CAP = 100;
export const MIN_DAILY_CAP = 20;
export const MAX_DAILY_CAP = 300;

/** The policy that scheduled an answer; the review log records it. */
export type PolicyName = 'fsrs' | 'exam';

export interface ExamPlan {
	/** the learner day of the exam */
	examDay: number;
	/** the recall the learner wants on the exam day: their desired retention setting */
	targetRecall: number;
}

/** The desired retention while learning, for a learner whose target recall is `targetRecall`. */
export function learningRetentionFor(targetRecall: number): number {
	return Math.round(Math.min(MAX_LEARNING_RETENTION, Math.max(MIN_LEARNING_RETENTION, targetRecall - 0.2)) * 100) / 100;
}

/** An exam date more than this many days ahead is refused (a typo in the year, most likely). */
export const MAX_EXAM_DAYS_AHEAD = 2 * 365;

/**
 * Whether an exam date (a learner day) can be saved today: not in the past (today is fine) and at
 * most two years ahead.
 */
export function checkExamDay(examDay: number, today: number): 'past' | 'too_far' | null {
	if (examDay < today) return 'past';
	if (examDay - today > MAX_EXAM_DAYS_AHEAD) return 'too_far';
	return null;
}

/** The exam-date policy applies before the exam day; on and after it, plain FSRS. */
export function choosePolicy(today: number, examDay: number | null): PolicyName {
	return examDay !== null && today < examDay ? 'exam' : 'fsrs';
}

/**
 * The desired retention for intervals set today: the learning level until RAMP_DAYS before the
 * exam, then rising in a straight line to the target on the eve of the exam. Rounded to 0.01, so
 * the server keeps a small number of schedulers.
 */
export function retentionFor(today: number, plan: ExamPlan): number {
	const daysLeft = plan.examDay - today;
	const learning = learningRetentionFor(plan.targetRecall);
	const target = Math.max(learning, plan.targetRecall);
	if (daysLeft >= RAMP_DAYS) return learning;
	const share = Math.min(1, Math.max(0, (RAMP_DAYS - daysLeft) / (RAMP_DAYS - 1)));
	return Math.round((learning + (target - learning) * share) * 100) / 100;
}

/** The day of a question's last review before the exam: one of the FINAL_DAYS days before it. */
export function finalSlotDay(questionKey: string, examDay: number): number {
	return examDay - 1 - (hashText(questionKey) % FINAL_DAYS);
}

/**
 * The next due day of a question answered on `reviewDay`, when the scheduler proposes
 * `proposedDueDay`. Before the question's final slot, an interval that would reach past the slot
 * is cut to it, so its last review before the exam falls in the final week; unless its predicted
 * recall on the exam day without another review (`examRecall`) already reaches the target, since a
 * review then would not change the exam. From the slot on, as proposed (a question that needs to
 * come back soon still does, and after the exam plain FSRS takes over).
 */
export function capDueDay(reviewDay: number, proposedDueDay: number, slotDay: number, examRecall: number, targetRecall: number): number {
	if (reviewDay >= slotDay || proposedDueDay <= slotDay || examRecall >= targetRecall) return proposedDueDay;
	return slotDay;
}

/**
 * The policy's cap applied to a card the scheduler has just set at `at`: a card in review whose
 * next due day reaches past its final slot comes due on the slot day instead (capDueDay). Cards in
 * a learning step (minutes) are left alone.
 */
export function capCard(card: CardState, at: Date, day: DayModel, plan: ExamPlan, questionId: string): CardState {
	if (card.state !== 2) return card;
	const reviewDay = learnerDay(at, day);
	const proposed = learnerDay(card.due, day);
	const capped = capDueDay(reviewDay, proposed, finalSlotDay(questionId, plan.examDay), recallOnExamDay(card.stability, reviewDay, plan.examDay), plan.targetRecall);
	if (capped >= proposed) return card;
	return { ...card, due: startOfLearnerDay(capped, day), scheduledDays: capped - reviewDay };
}

export function isFinalWeek(today: number, examDay: number): boolean {
	return today < examDay && examDay - today <= FINAL_DAYS;
}

/** FSRS-6's recall on the exam day of a question last reviewed on `lastReviewDay`. */
export function recallOnExamDay(stability: number, lastReviewDay: number, examDay: number): number {
	return forgetting_curve(default_w, Math.max(0, examDay - lastReviewDay), stability);
}

export interface SweepCandidate {
	questionId: string;
	/** predicted recall on the exam day */
	recall: number;
}

/**
 * The final sweep: questions whose predicted recall on the exam day is below the target, weakest
 * first (ties in the given order).
 */
export function orderSweep<T extends SweepCandidate>(candidates: readonly T[], targetRecall: number): T[] {
	return candidates
		.map((candidate, index) => ({ candidate, index }))
		.filter(({ candidate }) => candidate.recall < targetRecall)
		.sort((a, b) => a.candidate.recall - b.candidate.recall || a.index - b.index)
		.map(({ candidate }) => candidate);
}

/**
 * The final week's next question: among the learner's cards in review not answered today, those
 * past their final slot whose predicted recall on the exam day is below the target, the weakest;
 * null when there is none (or it is not the final week).
 */
export function pickSweep(
	cards: readonly { questionId: string; stability: number; lastReviewDay: number }[],
	today: number,
	plan: ExamPlan
): string | null {
	if (!isFinalWeek(today, plan.examDay)) return null;
	const candidates = cards
		.filter((card) => card.lastReviewDay < today && finalSlotDay(card.questionId, plan.examDay) <= today)
		.map((card) => ({ questionId: card.questionId, recall: recallOnExamDay(card.stability, card.lastReviewDay, plan.examDay) }));
	return orderSweep(candidates, plan.targetRecall)[0]?.questionId ?? null;
}

/**
 * How many new questions to introduce today: what is left spread evenly over the days until
 * INTRODUCE_BEFORE days before the exam (all at once when that day has passed), within what the
 * daily cap leaves after today's due answers.
 */
export function newForToday(remainingNew: number, today: number, examDay: number, dueToday: number, dailyCap: number): number {
	if (remainingNew <= 0) return 0;
	const days = examDay - INTRODUCE_BEFORE - today;
	const quota = days <= 1 ? remainingNew : Math.ceil(remainingNew / days);
	return Math.max(0, Math.min(quota, dailyCap - dueToday));
}
