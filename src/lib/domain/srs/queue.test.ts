import { describe, expect, it } from 'vitest';
import { describeWait, pickNext, shuffleOrder } from './queue';

const NOW = new Date('2026-11-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('pickNext', () => {
	it('serves due learning-step cards first, then the most overdue review card, then new ones', () => {
		const cards = [
			{ questionId: 'b', due: at('2026-11-09T12:00:00Z'), state: 2 as const },
			{ questionId: 'a', due: at('2026-11-01T12:00:00Z'), state: 2 as const },
			{ questionId: 'step', due: at('2026-11-10T11:59:00Z'), state: 1 as const },
			{ questionId: 'relearn', due: at('2026-11-10T11:50:00Z'), state: 3 as const }
		];
		const input = { cards, fresh: ['n1'], newToday: 0, newPerDay: 20, now: NOW };
		expect(pickNext(input)).toEqual({ questionId: 'relearn', kind: 'learning' });
		expect(pickNext({ ...input, cards: cards.filter((c) => c.state === 2) })).toEqual({ questionId: 'a', kind: 'due' });
	});

	it('ignores cards that are not due yet and then serves new questions in bank order', () => {
		const next = pickNext({
			cards: [
				{ questionId: 'later', due: at('2026-11-10T12:01:00Z'), state: 1 },
				{ questionId: 'tomorrow', due: at('2026-11-11T03:00:00Z'), state: 2 }
			],
			fresh: ['wo-001', 'wo-002'],
			newToday: 3,
			newPerDay: 20,
			now: NOW
		});
		expect(next).toEqual({ questionId: 'wo-001', kind: 'new' });
	});

	it('stops new questions at the daily limit but still serves due ones', () => {
		const base = { fresh: ['wo-001'], newToday: 20, newPerDay: 20, now: NOW };
		expect(pickNext({ ...base, cards: [] })).toBeNull();
		expect(pickNext({ ...base, cards: [{ questionId: 'x', due: NOW, state: 2 }] })).toEqual({ questionId: 'x', kind: 'due' });
	});

	it('returns null when nothing is left', () => {
		expect(pickNext({ cards: [], fresh: [], newToday: 0, newPerDay: 20, now: NOW })).toBeNull();
	});
});

describe('describeWait', () => {
	it('gives a review card its interval in learner days, a learning step its minutes or hours', () => {
		const step = (ms: number) => ({ due: new Date(NOW.getTime() + ms), state: 1, scheduledDays: 0 });
		expect(describeWait(NOW, step(60_000))).toEqual({ unit: 'minutes', count: 1 });
		expect(describeWait(NOW, step(10 * 60_000))).toEqual({ unit: 'minutes', count: 10 });
		expect(describeWait(NOW, step(5 * 3_600_000))).toEqual({ unit: 'hours', count: 5 });
		// Due at 04:00 three learner days on: "3 days", though 2 days and 16 hours away.
		expect(describeWait(NOW, { due: at('2026-11-13T03:00:00Z'), state: 2, scheduledDays: 3 })).toEqual({ unit: 'days', count: 3 });
	});
});

describe('shuffleOrder', () => {
	it('is a permutation decided by the random source', () => {
		expect(shuffleOrder(3, () => 0)).toEqual([1, 2, 0]);
		expect(shuffleOrder(3, () => 0.999)).toEqual([0, 1, 2]);
		const values = [0.5, 0.1];
		expect(shuffleOrder(3, () => values.shift() ?? 0).sort()).toEqual([0, 1, 2]);
	});
});
