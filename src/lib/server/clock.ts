import type { Cookies } from '@sveltejs/kit';
import { DAY_MS } from '../domain/learner-day';

/*
 * The request clock. End-to-end tests must be able to "wait a day"; they set KNM_TEST_CLOCK=1 and
 * a cookie with an offset. The server refuses to start when KNM_TEST_CLOCK is set together with
 * NODE_ENV=production (which `npm start` sets), so the setting cannot be enabled in production.
 */

export const TEST_CLOCK_COOKIE = 'knm_test_clock_offset_ms';
const MAX_OFFSET_MS = 400 * DAY_MS;

export function isTestClockEnabled(): boolean {
	return process.env.KNM_TEST_CLOCK === '1';
}

/** Throws when the test clock is switched on in production. */
export function assertTestClockAllowed(): void {
	if (isTestClockEnabled() && process.env.NODE_ENV === 'production') {
		throw new Error('KNM_TEST_CLOCK=1 is a test-only setting and cannot be used with NODE_ENV=production.');
	}
}

/** Now, shifted by the test-clock cookie when (and only when) the test clock is enabled. */
export function requestNow(cookies: Cookies): Date {
	if (!isTestClockEnabled() || process.env.NODE_ENV === 'production') return new Date();
	const offset = Number(cookies.get(TEST_CLOCK_COOKIE) ?? '0');
	if (!Number.isInteger(offset) || Math.abs(offset) > MAX_OFFSET_MS) return new Date();
	return new Date(Date.now() + offset);
}
