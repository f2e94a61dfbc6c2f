import { describe, expect, it } from 'vitest';
import { countStreak, localDayKey, nextDayKeys, startOfLocalDay } from './time';

describe('local days', () => {
	it('uses the learner time zone, not UTC', () => {
		const lateEvening = new Date('2026-11-10T23:30:00Z'); // 00:30 on 11 Nov in Amsterdam
		expect(localDayKey(lateEvening, 'UTC')).toBe('2026-11-10');
		expect(localDayKey(lateEvening, 'Europe/Amsterdam')).toBe('2026-11-11');
		expect(startOfLocalDay(lateEvening, 'Europe/Amsterdam')).toEqual(new Date('2026-11-10T23:00:00Z'));
	});

	it('handles daylight saving time', () => {
		// Summer time: Amsterdam is UTC+2.
		expect(startOfLocalDay(new Date('2026-07-01T10:00:00Z'), 'Europe/Amsterdam')).toEqual(new Date('2026-06-30T22:00:00Z'));
		expect(nextDayKeys(new Date('2026-10-24T10:00:00Z'), 'Europe/Amsterdam', 3)).toEqual([
			'2026-10-24',
			'2026-10-25',
			'2026-10-26'
		]);
	});

	it('counts a streak of consecutive days, today or up to yesterday', () => {
		const now = new Date('2026-11-10T12:00:00Z');
		const days = new Set(['2026-11-08', '2026-11-09', '2026-11-10']);
		expect(countStreak(days, now, 'Europe/Amsterdam')).toBe(3);
		expect(countStreak(new Set(['2026-11-08', '2026-11-09']), now, 'Europe/Amsterdam')).toBe(2);
		expect(countStreak(new Set(['2026-11-07']), now, 'Europe/Amsterdam')).toBe(0);
	});
});
