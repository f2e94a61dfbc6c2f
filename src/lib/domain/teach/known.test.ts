import { describe, expect, it } from 'vitest';
import { startOfLearnerDay, learnerDay } from '../learner-day';
import type { DayModel } from '../learner-day';
import { isKnownBy, meetsGoal, pickWeakestForDue, suggestDailyAmount } from './known';

const day: DayModel = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
const reviewed = new Date('2026-12-01T10:00:00Z');
const dueAfter = (days: number) => startOfLearnerDay(learnerDay(reviewed, day) + days, day);
const review = (stability: number) => ({ stability, lastReview: reviewed, state: 2 as const });

describe('known by the due date', () => {
	it('counts a right answer whose recall on the due date is at least 0.90: exactly 0.90 counts', () => {
		// FSRS defines stability as the days until recall falls to 0.90.
		expect(isKnownBy({ card: review(10), lastRating: 3 }, dueAfter(10), day)).toBe(true);
		expect(isKnownBy({ card: review(10), lastRating: 3 }, dueAfter(11), day)).toBe(false);
		expect(isKnownBy({ card: review(9.5), lastRating: 3 }, dueAfter(10), day)).toBe(false);
		expect(isKnownBy({ card: review(30), lastRating: 3 }, dueAfter(10), day)).toBe(true);
	});

	it('does not count a question answered wrong last, guessed last, or never answered', () => {
		expect(isKnownBy({ card: review(30), lastRating: 1 }, dueAfter(1), day)).toBe(false);
		// "I guessed" after a right answer rates it Again; the card's stability may still be high
		expect(isKnownBy({ card: review(30), lastRating: 1 }, dueAfter(0), day)).toBe(false);
		expect(isKnownBy({ card: null, lastRating: null }, dueAfter(1), day)).toBe(false);
	});

	it('"answer each question once" only asks for an answer, right or wrong', () => {
		expect(meetsGoal('once', { card: review(0.5), lastRating: 1 }, dueAfter(30), day)).toBe(true);
		expect(meetsGoal('once', { card: null, lastRating: null }, dueAfter(30), day)).toBe(false);
		expect(meetsGoal('know', { card: review(0.5), lastRating: 3 }, dueAfter(30), day)).toBe(false);
	});
});

describe('practising toward the due date', () => {
	const due = dueAfter(20);
	it('brings forward the review card with the lowest recall on the due date, below 0.90 only', () => {
		const candidates = [
			{ questionId: 'strong', card: review(60), lastRating: 3 },
			{ questionId: 'weak', card: review(3), lastRating: 3 },
			{ questionId: 'weaker', card: review(1.5), lastRating: 3 },
			// in a learning step: it comes back by itself
			{ questionId: 'learning', card: { stability: 0.2, lastReview: reviewed, state: 3 as const }, lastRating: 1 },
			{ questionId: 'new', card: null, lastRating: null }
		];
		expect(pickWeakestForDue(candidates, due, day)).toBe('weaker');
		expect(pickWeakestForDue([candidates[0]!], due, day)).toBeNull();
	});

	it('suggests what is left divided by the days left, today and the due day included', () => {
		expect(suggestDailyAmount(30, 100, 109)).toBe(3);
		expect(suggestDailyAmount(31, 100, 109)).toBe(4);
		expect(suggestDailyAmount(5, 100, 100)).toBe(5);
		expect(suggestDailyAmount(5, 101, 100)).toBe(5);
		expect(suggestDailyAmount(0, 100, 109)).toBe(0);
	});
});
