/**
 * A sliding-window failure counter: at most `max` failures per key within `windowMs`. Pure (the
 * caller passes the time); the server keeps one instance per concern in memory.
 *
 * Memory stays bounded whatever visitors send: keys are cut to MAX_KEY_LENGTH characters, entries
 * outside the window are dropped as they are met and in a sweep every SWEEP_EVERY records, and
 * when more than `maxKeys` keys remain the oldest are forgotten.
 */
export interface RateLimitPolicy {
	max: number;
	windowMs: number;
	/** keys kept at most (default 10,000) */
	maxKeys?: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAt: number };

export const MAX_KEY_LENGTH = 128;
const SWEEP_EVERY = 1000;

export class FailureLimiter {
	readonly #policy: Required<RateLimitPolicy>;
	readonly #failures = new Map<string, number[]>();
	#records = 0;

	constructor(policy: RateLimitPolicy) {
		this.#policy = { maxKeys: 10_000, ...policy };
	}

	get size(): number {
		return this.#failures.size;
	}

	/** Whether another attempt is allowed now; when not, the time (ms) the next one is. */
	check(key: string, now: number): RateLimitDecision {
		const recent = this.#recent(bound(key), now);
		if (recent.length < this.#policy.max) return { allowed: true };
		const oldest = recent[recent.length - this.#policy.max] ?? now;
		return { allowed: false, retryAt: oldest + this.#policy.windowMs };
	}

	recordFailure(key: string, now: number): void {
		const bounded = bound(key);
		const recent = this.#recent(bounded, now);
		recent.push(now);
		// re-inserted last, so the oldest keys are first in the map
		this.#failures.delete(bounded);
		this.#failures.set(bounded, recent);
		this.#records += 1;
		if (this.#records % SWEEP_EVERY === 0) this.prune(now);
		while (this.#failures.size > this.#policy.maxKeys) {
			const oldest = this.#failures.keys().next().value;
			if (oldest === undefined) break;
			this.#failures.delete(oldest);
		}
	}

	/**
	 * Takes an attempt before the expensive work (a password hash): refused when over the limit,
	 * otherwise counted at once, so attempts sent in parallel cannot all get through. Call
	 * `release` with the same time when the attempt succeeds.
	 */
	take(key: string, now: number): RateLimitDecision {
		const decision = this.check(key, now);
		if (decision.allowed) this.recordFailure(key, now);
		return decision;
	}

	/** Forgets one attempt taken at `at` (it succeeded). */
	release(key: string, at: number): void {
		const bounded = bound(key);
		const list = this.#failures.get(bounded);
		if (!list) return;
		const index = list.lastIndexOf(at);
		if (index >= 0) list.splice(index, 1);
		if (list.length === 0) this.#failures.delete(bounded);
	}

	reset(key: string): void {
		this.#failures.delete(bound(key));
	}

	/** Drops keys whose failures are all outside the window. */
	prune(now: number): void {
		for (const key of [...this.#failures.keys()]) this.#recent(key, now);
	}

	#recent(key: string, now: number): number[] {
		const since = now - this.#policy.windowMs;
		const recent = (this.#failures.get(key) ?? []).filter((time) => time > since);
		if (recent.length === 0) this.#failures.delete(key);
		else this.#failures.set(key, recent);
		return recent;
	}
}

function bound(key: string): string {
	return key.length > MAX_KEY_LENGTH ? key.slice(0, MAX_KEY_LENGTH) : key;
}
