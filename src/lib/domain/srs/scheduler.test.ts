import { fsrs, Rating, createEmptyCard } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { learnerDay, learnerDayKey } from '../learner-day';
import type { DayModel } from '../learner-day';
import { createScheduler, OutOfOrderReviewError, ratingFor, SCHEDULER_VERSION } from './scheduler';
import type { CardState } from './scheduler';

const G = 3;
const A = 1;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** UTC with the day starting at midnight: learner days are UTC dates, as in ts-fsrs's own tests. */
const UTC: DayModel = { timeZone: 'UTC', dayStartsHour: 0 };
const AMSTERDAM: DayModel = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
const START = new Date('2022-12-29T12:30:00Z');
const right = { correct: true, guessed: false };
const wrong = { correct: false, guessed: false };

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
			card = scheduler.rate(card, now, UTC, rating).card;
			intervals.push(card.scheduledDays);
			now = card.due;
		}
		expect(intervals).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
	});

	it('gives the reference memory state for A,G,G,G,G,G at days 0,0,1,3,8,21', () => {
		const scheduler = createScheduler({ enableFuzz: false });
		let card: CardState | null = null;
		let now = START;
		const gaps = [0, 0, 1, 3, 8, 21];
		([A, G, G, G, G, G] as const).forEach((rating, index) => {
			now = new Date(now.getTime() + (gaps[index] ?? 0) * DAY);
			card = scheduler.rate(card, now, UTC, rating).card;
		});
		expect(card!.stability).toBeCloseTo(53.62691, 4);
		expect(card!.difficulty).toBeCloseTo(6.3574867, 4);
	});
});

/** A card in review state, last answered at `at` (new → right → right 10 minutes later). */
function reviewCardAt(at: Date, day: DayModel): CardState {
	const scheduler = createScheduler();
	const first = scheduler.review(null, new Date(at.getTime() - 10 * 60_000), day, right).card;
	const card = scheduler.review(first, at, day, right).card;
	expect(card.state).toBe(2);
	return card;
}

/** What ts-fsrs itself schedules for the same card answered Good after exactly `days` UTC dates. */
function referenceInterval(days: number): number {
	const f = fsrs({ enable_fuzz: false, enable_short_term: true });
	const t0 = new Date('2026-11-10T12:00:00Z');
	let card = f.next(createEmptyCard(new Date(t0.getTime() - 10 * 60_000)), new Date(t0.getTime() - 10 * 60_000), Rating.Good).card;
	card = f.next(card, t0, Rating.Good).card;
	return f.next(card, new Date(t0.getTime() + days * DAY + HOUR), Rating.Good).card.scheduled_days;
}

describe('days are learner days', () => {
	const scheduler = createScheduler();

	it('counts a 2-hour gap across 00:00 UTC but not across 04:00 local as the same day', () => {
		// 23:00 UTC is 00:00 in Amsterdam, 01:00 UTC is 02:00: both on learner day 10 November.
		const last = new Date('2026-11-10T23:00:00Z');
		const card = reviewCardAt(last, AMSTERDAM);
		const result = scheduler.review(card, new Date(last.getTime() + 2 * HOUR), AMSTERDAM, right);
		expect(result.before.elapsedDays).toBe(0);
		expect(result.card.scheduledDays).toBe(referenceInterval(0));
		// ts-fsrs on raw instants would have counted one day (two UTC dates) and spaced it further.
		expect(referenceInterval(1)).not.toBe(referenceInterval(0));
	});

	it('counts a 2-hour gap across 04:00 local as one day', () => {
		// 02:00 UTC is 03:00 in Amsterdam (10 November's learner day), 04:00 UTC is 05:00 (11 November).
		const last = new Date('2026-11-11T02:00:00Z');
		const card = reviewCardAt(last, AMSTERDAM);
		const result = scheduler.review(card, new Date(last.getTime() + 2 * HOUR), AMSTERDAM, right);
		expect(result.before.elapsedDays).toBe(1);
		expect(result.card.scheduledDays).toBe(referenceInterval(1));
		// The recall logged is FSRS-6's forgetting curve after one day (srs.md §1), not after 2 hours:
		// R(t, S) = (1 + f·t/S)^(−w20), f = 0.9^(−1/w20) − 1, with the default decay w20 = 0.1542.
		const w20 = 0.1542;
		const f = 0.9 ** (-1 / w20) - 1;
		expect(result.before.predictedRecall).toBeCloseTo((1 + (f * 1) / card.stability) ** -w20, 6);
		expect(result.before.predictedRecall).toBeLessThan(1);
	});

	it('makes a review card due at the start of a learner day: answered at 21:00, ready at 08:00', () => {
		// A card answered right at 21:00 local comes back on a later learner day, from 04:00.
		const evening = new Date('2026-11-10T20:00:00Z');
		const card = reviewCardAt(evening, AMSTERDAM);
		const dueDay = learnerDay(card.due, AMSTERDAM);
		expect(dueDay - learnerDay(evening, AMSTERDAM)).toBe(card.scheduledDays);
		expect(card.due.toISOString()).toBe(`${learnerDayKey(dueDay)}T03:00:00.000Z`);
		// So at 08:00 on that day it is due, though fewer than scheduledDays × 24 hours have passed.
		const morning = new Date(card.due.getTime() + 4 * HOUR);
		expect(morning.getTime() - evening.getTime()).toBeLessThan(card.scheduledDays * DAY);
		expect(card.due.getTime()).toBeLessThanOrEqual(morning.getTime());
	});

	it('keeps learning steps on exact minutes, also across the rollover hour', () => {
		const at = new Date('2026-11-11T02:55:00Z'); // 03:55 local, five minutes before the rollover
		const result = scheduler.review(null, at, AMSTERDAM, wrong);
		expect(result.card.due.getTime() - at.getTime()).toBe(60_000);
	});
});

describe('review', () => {
	const scheduler = createScheduler();
	const now = new Date('2026-11-01T10:00:00Z');

	it('creates the card on the first answer and logs no prediction for it', () => {
		const result = scheduler.review(null, now, AMSTERDAM, right);
		expect(result.rating).toBe(3);
		expect(result.before).toEqual({ state: 0, stability: null, difficulty: null, elapsedDays: 0, predictedRecall: null });
		expect(result.card.reps).toBe(1);
		expect(result.card.state).toBe(1);
		expect(result.card.lastReview).toEqual(now);
	});

	it('brings a wrong answer back within minutes (learning steps on)', () => {
		const result = scheduler.review(null, now, AMSTERDAM, wrong);
		expect(result.rating).toBe(1);
		expect(result.card.due.getTime() - now.getTime()).toBe(60_000);
	});

	it('refuses an answer older than the last review instead of rewinding the card', () => {
		const card = scheduler.review(null, now, AMSTERDAM, right).card;
		expect(() => scheduler.review(card, new Date(now.getTime() - 60_000), AMSTERDAM, right)).toThrow(OutOfOrderReviewError);
	});

	it('replays a history in time order, whatever order it arrives in', () => {
		const history = [
			{ at: new Date('2026-11-01T10:00:00Z'), rating: 3 as const },
			{ at: new Date('2026-11-01T10:10:00Z'), rating: 3 as const },
			{ at: new Date('2026-11-04T10:00:00Z'), rating: 1 as const },
			{ at: new Date('2026-11-09T10:00:00Z'), rating: 3 as const }
		];
		let inOrder: CardState | null = null;
		for (const step of history) inOrder = scheduler.rate(inOrder, step.at, AMSTERDAM, step.rating).card;
		const shuffled = [history[2]!, history[0]!, history[3]!, history[1]!];
		const replayed = scheduler.replay(shuffled, AMSTERDAM);
		expect(replayed.at(-1)!.card).toEqual(inOrder);
		expect(replayed.map((step) => step.before.elapsedDays)).toEqual([0, 0, 3, 5]);
	});

	it('spaces reviews further at a lower desired retention', () => {
		const at = (retention: number) => {
			const s = createScheduler({ desiredRetention: retention });
			let card = s.review(null, now, UTC, right).card;
			card = s.review(card, card.due, UTC, right).card;
			return s.review(card, card.due, UTC, right).card.scheduledDays;
		};
		expect(at(0.8)).toBeGreaterThan(at(0.9));
		expect(at(0.9)).toBeGreaterThan(at(0.97));
	});

	it('keeps desired retention within 0.60 (the exam-date policy while learning) and 0.97', () => {
		expect(createScheduler({ desiredRetention: 0.5 }).params.request_retention).toBe(0.6);
		expect(createScheduler({ desiredRetention: 0.7 }).params.request_retention).toBe(0.7);
		expect(createScheduler({ desiredRetention: 0.99 }).params.request_retention).toBe(0.97);
	});
});
