import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

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
});
