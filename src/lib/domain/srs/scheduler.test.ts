import { describe, expect, it } from 'vitest';
import { createScheduler, ratingFor, SCHEDULER_VERSION } from './scheduler';
import type { CardState } from './scheduler';

const G = 3;
const A = 1;
const DAY = 86_400_000;
/** The reference start time of the ts-fsrs FSRS-6 tests (local time). */
const START = new Date(2022, 11, 29, 12, 30, 0, 0);

describe('ratingFor', () => {
	it('maps correct to Good, wrong to Again, and "I guessed" to Again', () => {
		expect(ratingFor({ correct: true, guessed: false })).toBe(3);
		expect(ratingFor({ correct: false, guessed: false })).toBe(1);
		expect(ratingFor({ correct: true, guessed: true })).toBe(1);
		expect(ratingFor({ correct: false, guessed: true })).toBe(1);
	});
});

describe('scheduler conformance (FSRS-6 golden vectors, srs.md §3)', () => {
	it('is the pinned ts-fsrs', () => {
		expect(SCHEDULER_VERSION).toBe('v5.4.2 using FSRS-6.0');
	});

	it('gives the reference intervals for G,G,G,G,G,G,A,A,G,G,G,G,G with fuzz off', () => {
		const scheduler = createScheduler({ enableFuzz: false });
		let card: CardState | null = null;
		let now = START;
		const intervals: number[] = [];
		for (const rating of [G, G, G, G, G, G, A, A, G, G, G, G, G] as const) {
			card = scheduler.applyRating(card, now, rating);
			intervals.push(card.scheduledDays);
			now = card.due;
		}
		expect(intervals).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
	});

	it('gives the reference memory state for A,G,G,G,G,G at days 0,0,1,3,8,21', () => {
		const scheduler = createScheduler({ enableFuzz: false });
		let card: CardState | null = null;
		let now = START;
		const ratings = [A, G, G, G, G, G] as const;
		const gaps = [0, 0, 1, 3, 8, 21];
		ratings.forEach((rating, index) => {
			now = new Date(now.getTime() + (gaps[index] ?? 0) * DAY);
			card = scheduler.applyRating(card, now, rating);
		});
		expect(card!.stability).toBeCloseTo(53.62691, 4);
		expect(card!.difficulty).toBeCloseTo(6.3574867, 4);
	});
});

describe('review', () => {
	const scheduler = createScheduler();
	const now = new Date('2026-11-01T10:00:00Z');

	it('creates the card on the first answer and logs no prediction for it', () => {
		const result = scheduler.review(null, now, { correct: true, guessed: false });
		expect(result.rating).toBe(3);
		expect(result.before).toEqual({ state: 0, stability: null, difficulty: null, elapsedDays: 0, predictedRecall: null });
		expect(result.card.reps).toBe(1);
		expect(result.card.state).toBe(1);
		expect(result.card.lastReview).toEqual(now);
	});

	it('brings a wrong answer back within minutes (learning steps on)', () => {
		const result = scheduler.review(null, now, { correct: false, guessed: false });
		expect(result.rating).toBe(1);
		expect(result.card.due.getTime() - now.getTime()).toBe(60_000);
	});

	it('predicts recall before a later answer', () => {
		let card = scheduler.review(null, now, { correct: true, guessed: false }).card;
		card = scheduler.review(card, card.due, { correct: true, guessed: false }).card;
		const later = new Date(card.due.getTime() + 2 * DAY);
		const result = scheduler.review(card, later, { correct: true, guessed: false });
		expect(result.before.predictedRecall).toBeGreaterThan(0.5);
		expect(result.before.predictedRecall).toBeLessThan(1);
		expect(result.before.elapsedDays).toBe(Math.floor((later.getTime() - card.lastReview!.getTime()) / DAY));
	});

	it('spaces reviews further at a lower desired retention', () => {
		const at = (retention: number) => {
			const s = createScheduler({ desiredRetention: retention });
			let card = s.review(null, now, { correct: true, guessed: false }).card;
			card = s.review(card, card.due, { correct: true, guessed: false }).card;
			return s.review(card, card.due, { correct: true, guessed: false }).card.scheduledDays;
		};
		expect(at(0.8)).toBeGreaterThan(at(0.9));
		expect(at(0.9)).toBeGreaterThan(at(0.97));
	});

	it('keeps desired retention within 0.80–0.97', () => {
		expect(createScheduler({ desiredRetention: 0.5 }).params.request_retention).toBe(0.8);
		expect(createScheduler({ desiredRetention: 0.99 }).params.request_retention).toBe(0.97);
	});
});
