import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format';

describe('formatDateTime', () => {
	// 30 November 2026, 02:30 UTC: still the 29th in Santiago (UTC-3), the 30th in Amsterdam.
	const instant = '2026-11-30T02:30:00.000Z';

	it('formats in the learner’s time zone, not the server’s', () => {
		expect(formatDateTime(instant, 'en', 'America/Santiago', 'date')).toBe('Nov 29, 2026');
		expect(formatDateTime(instant, 'en', 'Europe/Amsterdam', 'date')).toBe('Nov 30, 2026');
		expect(formatDateTime(instant, 'nl', 'Europe/Amsterdam', 'date-long-time')).toBe('30 november 2026 om 03:30');
		expect(formatDateTime(instant, 'en', 'Asia/Kolkata', 'date-time').replace(/\s/g, ' ')).toBe('Nov 30, 2026, 8:00 AM');
	});

	it('falls back to Amsterdam time for visitors without a setting', () => {
		expect(formatDateTime(new Date(instant), 'en', null, 'date')).toBe('Nov 30, 2026');
	});
});
