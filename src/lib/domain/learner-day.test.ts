import { describe, expect, it } from 'vitest';
import {
	countStreak,
	learnerDay,
	wallClockMs,
	learnerDayKey,
	learnerDayOfKey,
	schedulerInstant,
	startOfLearnerDay
} from './learner-day';
import type { DayModel } from './learner-day';

const zone = (timeZone: string, dayStartsHour = 4): DayModel => ({ timeZone, dayStartsHour });
const keyAt = (iso: string, model: DayModel) => learnerDayKey(learnerDay(new Date(iso), model));
const startOf = (key: string, model: DayModel) => startOfLearnerDay(learnerDayOfKey(key), model).toISOString();

describe('the learner day', () => {
	it('starts at 04:00 local time by default: 01:00 still counts for the day before', () => {
		const amsterdam = zone('Europe/Amsterdam');
		// 2026-11-11 01:00 in Amsterdam (CET, UTC+1) is 00:00 UTC.
		expect(keyAt('2026-11-11T00:00:00Z', amsterdam)).toBe('2026-11-10');
		// 04:00 local is 03:00 UTC: the new day.
		expect(keyAt('2026-11-11T02:59:59.999Z', amsterdam)).toBe('2026-11-10');
		expect(keyAt('2026-11-11T03:00:00Z', amsterdam)).toBe('2026-11-11');
		expect(startOf('2026-11-11', amsterdam)).toBe('2026-11-11T03:00:00.000Z');
	});

	it('survives both DST changes in Europe/Amsterdam', () => {
		const amsterdam = zone('Europe/Amsterdam');
		// Spring: 29 March 2026, 02:00 CET becomes 03:00 CEST. The day before starts at 04:00 CET,
		// this one at 04:00 CEST: 23 hours apart.
		expect(startOf('2026-03-28', amsterdam)).toBe('2026-03-28T03:00:00.000Z');
		expect(startOf('2026-03-29', amsterdam)).toBe('2026-03-29T02:00:00.000Z');
		// Autumn: 25 October 2026, 03:00 CEST becomes 02:00 CET: a 25-hour day before it.
		expect(startOf('2026-10-24', amsterdam)).toBe('2026-10-24T02:00:00.000Z');
		expect(startOf('2026-10-25', amsterdam)).toBe('2026-10-25T03:00:00.000Z');
		// A rollover hour inside the spring gap (02:00 does not exist): the day starts at the jump.
		expect(startOf('2026-03-29', zone('Europe/Amsterdam', 2))).toBe('2026-03-29T01:00:00.000Z');
		// A rollover hour inside the repeated autumn hour: the first 02:00.
		expect(startOf('2026-10-25', zone('Europe/Amsterdam', 2))).toBe('2026-10-25T00:00:00.000Z');
		// Midnight rollover: local midnight of 29 March is still CET.
		expect(startOf('2026-03-29', zone('Europe/Amsterdam', 0))).toBe('2026-03-28T23:00:00.000Z');
	});

	it('never puts the start of today on yesterday where DST starts at midnight (Santiago, Havana)', () => {
		// Santiago, 6 September 2026: at 00:00 (UTC-4) the clock jumps to 01:00 (UTC-3).
		const santiago = zone('America/Santiago', 0);
		expect(startOf('2026-09-06', santiago)).toBe('2026-09-06T04:00:00.000Z');
		expect(keyAt('2026-09-06T03:59:59.999Z', santiago)).toBe('2026-09-05');
		expect(keyAt('2026-09-06T04:00:00Z', santiago)).toBe('2026-09-06');
		// With the default rollover: 04:00 UTC-3.
		expect(startOf('2026-09-06', zone('America/Santiago'))).toBe('2026-09-06T07:00:00.000Z');
		// 5 April 2026: at 00:00 (UTC-3) the clock goes back to 23:00 (UTC-4); the next day starts
		// when the clock shows 00:00 again, an hour later, and the hour between is still 4 April.
		expect(keyAt('2026-04-05T03:30:00Z', santiago)).toBe('2026-04-04');
		expect(startOf('2026-04-05', santiago)).toBe('2026-04-05T04:00:00.000Z');

		// Havana, 8 March 2026: 00:00 (UTC-5) jumps to 01:00 (UTC-4).
		const havana = zone('America/Havana', 0);
		expect(startOf('2026-03-08', havana)).toBe('2026-03-08T05:00:00.000Z');
		expect(keyAt('2026-03-08T04:59:59Z', havana)).toBe('2026-03-07');
		// 1 November 2026: 01:00 (UTC-4) goes back to 00:00 (UTC-5); midnight came before it.
		expect(startOf('2026-11-01', havana)).toBe('2026-11-01T04:00:00.000Z');
	});

	it('handles half-hour offsets and the furthest zone east', () => {
		// Kolkata is UTC+5:30: 04:00 local is 22:30 UTC the day before.
		expect(startOf('2026-11-10', zone('Asia/Kolkata'))).toBe('2026-11-09T22:30:00.000Z');
		expect(keyAt('2026-11-09T22:29:59Z', zone('Asia/Kolkata'))).toBe('2026-11-09');
		// Kiritimati is UTC+14: its 10 November starts at 14:00 UTC on 9 November.
		expect(startOf('2026-11-10', zone('Pacific/Kiritimati'))).toBe('2026-11-09T14:00:00.000Z');
		expect(keyAt('2026-11-09T14:00:00Z', zone('Pacific/Kiritimati'))).toBe('2026-11-10');
	});

	it('is monotonic across every transition of 2026 in the tested zones', () => {
		const jumps: string[] = [];
		for (const tz of ['Europe/Amsterdam', 'America/Santiago', 'America/Havana', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
			for (const hour of [0, 4]) {
				const model = zone(tz, hour);
				let previous = learnerDay(new Date('2026-01-01T00:00:00Z'), model);
				for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 30 * 60_000) {
					const day = learnerDay(new Date(t), model);
					if (day - previous !== 0 && day - previous !== 1) jumps.push(`${tz} ${hour}h ${new Date(t).toISOString()}`);
					previous = day;
				}
			}
		}
		expect(jumps).toEqual([]);
	});

	it('hands ts-fsrs instants whose UTC date is the learner day', () => {
		const model = zone('Europe/Amsterdam');
		// 02:00 local on 11 November is learner day 10 November.
		expect(schedulerInstant(new Date('2026-11-11T01:00:00Z'), model).toISOString().slice(0, 10)).toBe('2026-11-10');
		expect(schedulerInstant(new Date('2026-11-11T03:00:00Z'), model).toISOString().slice(0, 10)).toBe('2026-11-11');
	});

	it('counts a streak of learner days ending today or yesterday', () => {
		const model = zone('Europe/Amsterdam');
		const now = new Date('2026-11-10T20:00:00Z');
		const today = learnerDayOfKey('2026-11-10');
		// Answers at 01:30 local count for the day before (rollover 04:00): noon UTC is safely inside a day.
		const answersOn = (days: number[]) =>
			days
				.flatMap((day) => [Date.parse(`${learnerDayKey(day)}T12:00:00Z`), Date.parse(`${learnerDayKey(day)}T15:00:00Z`)])
				.sort((a, b) => b - a);
		expect(countStreak(answersOn([today, today - 1, today - 2, today - 4]), now, model)).toBe(3);
		expect(countStreak(answersOn([today - 1, today - 2]), now, model)).toBe(2);
		expect(countStreak(answersOn([today - 2]), now, model)).toBe(0);
		// 01:30 on 11 November in Amsterdam is still 10 November: it continues the streak, not a new day.
		const lateNight = Date.parse('2026-11-11T00:30:00Z');
		expect(countStreak([lateNight, ...answersOn([today - 1])], new Date('2026-11-11T01:00:00Z'), model)).toBe(2);
		// Answers after "now" (a test clock moved back) are left out.
		expect(countStreak([now.getTime() + 1000, ...answersOn([today])], now, model)).toBe(1);
	});
});

describe('learner days from the cached zone offset', () => {
	it('equal the day from the full wall-clock reading, minute by minute around DST switches, in odd zones too', () => {
		const zones = ['Europe/Amsterdam', 'America/Santiago', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'Pacific/Chatham'];
		const starts = [Date.UTC(2026, 2, 29, 0, 0), Date.UTC(2026, 9, 25, 0, 0), Date.UTC(2026, 3, 5, 12, 0), Date.UTC(2026, 8, 6, 0, 0)];
		for (const timeZone of zones) {
			for (const dayStartsHour of [0, 4]) {
				const model = { timeZone, dayStartsHour };
				for (const start of starts) {
					for (let minute = 0; minute < 24 * 60; minute += 7) {
						const instant = new Date(start + minute * 60_000 + 13_000);
						const expected = Math.floor((wallClockMs(instant, timeZone) - dayStartsHour * 3_600_000) / 86_400_000);
						expect(learnerDay(instant, model), `${timeZone} ${instant.toISOString()}`).toBe(expected);
					}
				}
			}
		}
	});
});
