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
		expect(isKnownBy({ card: review(10), lastCorrect: true }, dueAfter(10), day)).toBe(true);
		expect(isKnownBy({ card: review(10), lastCorrect: true }, dueAfter(11), day)).toBe(false);
		expect(isKnownBy({ card: review(9.5), lastCorrect: true }, dueAfter(10), day)).toBe(false);
		expect(isKnownBy({ card: review(30), lastCorrect: true }, dueAfter(10), day)).toBe(true);
	});

	it('does not count a question answered wrong last, or never answered', () => {
		expect(isKnownBy({ card: review(30), lastCorrect: false }, dueAfter(1), day)).toBe(false);
		expect(isKnownBy({ card: null, lastCorrect: null }, dueAfter(1), day)).toBe(false);
	});

	it('"answer each question once" only asks for an answer, right or wrong', () => {
		expect(meetsGoal('once', { card: review(0.5), lastCorrect: false }, dueAfter(30), day)).toBe(true);
		expect(meetsGoal('once', { card: null, lastCorrect: null }, dueAfter(30), day)).toBe(false);
		expect(meetsGoal('know', { card: review(0.5), lastCorrect: true }, dueAfter(30), day)).toBe(false);
	});
});

describe('practising toward the due date', () => {
	const due = dueAfter(20);
	it('brings forward the review card with the lowest recall on the due date, below 0.90 only', () => {
		const candidates = [
			{ questionId: 'strong', card: review(60), lastCorrect: true },
			{ questionId: 'weak', card: review(3), lastCorrect: true },
			{ questionId: 'weaker', card: review(1.5), lastCorrect: true },
			// in a learning step: it comes back by itself
			{ questionId: 'learning', card: { stability: 0.2, lastReview: reviewed, state: 3 as const }, lastCorrect: false },
			{ questionId: 'new', card: null, lastCorrect: null }
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
