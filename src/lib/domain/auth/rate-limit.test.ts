import { describe, expect, it } from 'vitest';
import { FailureLimiter, MAX_KEY_LENGTH } from './rate-limit';

const MINUTE = 60_000;

describe('FailureLimiter', () => {
	it('allows up to max failures within the window, then refuses until the oldest expires', () => {
		const limiter = new FailureLimiter({ max: 3, windowMs: 15 * MINUTE });
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(limiter.check('ali', t0 + i * MINUTE)).toEqual({ allowed: true });
			limiter.recordFailure('ali', t0 + i * MINUTE);
		}
		expect(limiter.check('ali', t0 + 3 * MINUTE)).toEqual({ allowed: false, retryAt: t0 + 15 * MINUTE });
		expect(limiter.check('ali', t0 + 15 * MINUTE)).toEqual({ allowed: true });
	});

	it('keeps keys apart', () => {
		const limiter = new FailureLimiter({ max: 1, windowMs: MINUTE });
		limiter.recordFailure('ip:1', 0);
		expect(limiter.check('ip:1', 10).allowed).toBe(false);
		expect(limiter.check('ip:2', 10).allowed).toBe(true);
	});

	it('forgets failures after a reset (a successful login)', () => {
		const limiter = new FailureLimiter({ max: 2, windowMs: MINUTE });
		limiter.recordFailure('ali', 0);
		limiter.recordFailure('ali', 1);
		expect(limiter.check('ali', 2).allowed).toBe(false);
		limiter.reset('ali');
		expect(limiter.check('ali', 3).allowed).toBe(true);
	});

	it('slides: an old failure stops counting', () => {
		const limiter = new FailureLimiter({ max: 2, windowMs: 10 * MINUTE });
		limiter.recordFailure('ali', 0);
		limiter.recordFailure('ali', 9 * MINUTE);
		expect(limiter.check('ali', 9 * MINUTE + 1).allowed).toBe(false);
		expect(limiter.check('ali', 10 * MINUTE + 1)).toEqual({ allowed: true });
		limiter.recordFailure('ali', 10 * MINUTE + 1);
		expect(limiter.check('ali', 10 * MINUTE + 2)).toEqual({ allowed: false, retryAt: 19 * MINUTE });
	});

	it('prunes keys with no recent failures', () => {
		const limiter = new FailureLimiter({ max: 1, windowMs: MINUTE });
		limiter.recordFailure('ali', 0);
		limiter.prune(2 * MINUTE);
		expect(limiter.check('ali', 2 * MINUTE)).toEqual({ allowed: true });
	});

	it('bounds memory: long keys are cut, old entries expire in sweeps, and the oldest keys go past the cap', () => {
		const limiter = new FailureLimiter({ max: 3, windowMs: MINUTE, maxKeys: 100 });
		// 500 kB keys that differ after the first 128 characters share one entry
		const long = 'x'.repeat(MAX_KEY_LENGTH);
		for (let i = 0; i < 3; i++) limiter.recordFailure(`${long}${String(i).repeat(500_000)}`, i);
		expect(limiter.size).toBe(1);
		expect(limiter.check(`${long}other`, 10).allowed).toBe(false);
		// 5,000 different keys: at most 100 stay, the newest
		for (let i = 0; i < 5000; i++) limiter.recordFailure(`user-${i}`, 100 + i);
		expect(limiter.size).toBe(100);
		expect(limiter.check('user-4999', 6000)).toEqual({ allowed: true });
		limiter.recordFailure('user-4999', 6000);
		limiter.recordFailure('user-4999', 6001);
		expect(limiter.check('user-4999', 6002).allowed).toBe(false);
		expect(limiter.check('user-0', 6002)).toEqual({ allowed: true });
		// a thousand records later, entries outside the window are swept without being met
		for (let i = 0; i < 1000; i++) limiter.recordFailure('now', 10 * MINUTE);
		expect(limiter.size).toBe(1);
	});

	it('takes an attempt before the work, and gives it back when it succeeds', () => {
		const limiter = new FailureLimiter({ max: 2, windowMs: MINUTE });
		expect(limiter.take('ali', 1)).toEqual({ allowed: true });
		expect(limiter.take('ali', 2)).toEqual({ allowed: true });
		// both are in flight: a third is refused before any finishes
		expect(limiter.take('ali', 3)).toEqual({ allowed: false, retryAt: 1 + MINUTE });
		limiter.release('ali', 2);
		expect(limiter.take('ali', 4)).toEqual({ allowed: true });
		limiter.release('nobody', 4);
	});
});

