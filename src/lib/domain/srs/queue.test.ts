import { describe, expect, it } from 'vitest';
import { describeWait, pickNext, shuffleOrder } from './queue';

const NOW = new Date('2026-11-10T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('pickNext', () => {
	it('serves the most overdue due card first', () => {
		const next = pickNext({
			due: [
				{ questionId: 'b', due: at('2026-11-09T12:00:00Z') },
				{ questionId: 'a', due: at('2026-11-01T12:00:00Z') },
				{ questionId: 'c', due: at('2026-11-10T11:59:00Z') }
			],
			fresh: ['n1'],
			newToday: 0,
			newPerDay: 20,
			now: NOW
		});
		expect(next).toEqual({ questionId: 'a', kind: 'due' });
	});

	it('ignores cards that are not due yet and then serves new questions in bank order', () => {
		const next = pickNext({
			due: [{ questionId: 'later', due: at('2026-11-10T12:01:00Z') }],
			fresh: ['wo-001', 'wo-002'],
			newToday: 3,
			newPerDay: 20,
			now: NOW
		});
		expect(next).toEqual({ questionId: 'wo-001', kind: 'new' });
	});

	it('stops new questions at the daily limit but still serves due ones', () => {
		const base = { fresh: ['wo-001'], newToday: 20, newPerDay: 20, now: NOW };
		expect(pickNext({ ...base, due: [] })).toBeNull();
		expect(pickNext({ ...base, due: [{ questionId: 'x', due: NOW }] })).toEqual({ questionId: 'x', kind: 'due' });
	});

	it('returns null when nothing is left', () => {
		expect(pickNext({ due: [], fresh: [], newToday: 0, newPerDay: 20, now: NOW })).toBeNull();
	});
});

describe('describeWait', () => {
	it('uses minutes, hours or days', () => {
		expect(describeWait(NOW, new Date(NOW.getTime() + 60_000))).toEqual({ unit: 'minutes', count: 1 });
		expect(describeWait(NOW, new Date(NOW.getTime() + 10 * 60_000))).toEqual({ unit: 'minutes', count: 10 });
		expect(describeWait(NOW, new Date(NOW.getTime() + 5 * 3_600_000))).toEqual({ unit: 'hours', count: 5 });
		expect(describeWait(NOW, new Date(NOW.getTime() + 3 * 86_400_000))).toEqual({ unit: 'days', count: 3 });
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
