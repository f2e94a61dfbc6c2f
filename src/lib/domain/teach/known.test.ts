import { describe, expect, it } from 'vitest';
import { startOfLearnerDay, learnerDay } from '../learner-day';
import type { DayModel } from '../learner-day';
import { isKnownBy, meetsGoal } from './known';

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
