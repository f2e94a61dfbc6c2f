/**
 * A sliding-window failure counter: at most `max` failures per key within `windowMs`. Pure (the
 * caller passes the time); the server keeps one instance per concern in memory.
 */
export interface RateLimitPolicy {
	max: number;
	windowMs: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAt: number };

export class FailureLimiter {
	readonly #policy: RateLimitPolicy;
	readonly #failures = new Map<string, number[]>();

	constructor(policy: RateLimitPolicy) {
		this.#policy = policy;
	}

	/** Whether another attempt is allowed now; when not, the time (ms) the next one is. */
	check(key: string, now: number): RateLimitDecision {
		const recent = this.#recent(key, now);
		if (recent.length < this.#policy.max) return { allowed: true };
		const oldest = recent[recent.length - this.#policy.max] ?? now;
		return { allowed: false, retryAt: oldest + this.#policy.windowMs };
	}

	recordFailure(key: string, now: number): void {
		const recent = this.#recent(key, now);
		recent.push(now);
		this.#failures.set(key, recent);
	}

	reset(key: string): void {
		this.#failures.delete(key);
	}

	/** Drops keys whose failures are all outside the window; call now and then to bound memory. */
	prune(now: number): void {
		for (const key of [...this.#failures.keys()]) {
			if (this.#recent(key, now).length === 0) this.#failures.delete(key);
		}
	}

	#recent(key: string, now: number): number[] {
		const since = now - this.#policy.windowMs;
		const recent = (this.#failures.get(key) ?? []).filter((time) => time > since);
		if (recent.length === 0) this.#failures.delete(key);
		else this.#failures.set(key, recent);
		return recent;
	}
}
