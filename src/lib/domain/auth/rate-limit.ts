/**
 * A sliding-window failure counter: at most `max` failures per key within `windowMs`. The caller
 * passes the time; the failures live in a FailureStore: a Map by default, a SQLite table on the
 * server (lib/server/auth/limiter-store.ts), so a restart is not a reset.
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

/**
 * Where the failure times of each key are kept: the part of Map the limiter uses. `keys()` gives
 * the least recently failed key first (a Map's insertion order, as the limiter re-inserts a key
 * on each failure).
 */
export interface FailureStore {
	get(key: string): number[] | undefined;
	set(key: string, times: number[]): void;
	delete(key: string): void;
	keys(): IterableIterator<string>;
	readonly size: number;
}

export const MAX_KEY_LENGTH = 128;
const SWEEP_EVERY = 1000;

export class FailureLimiter {
	readonly #policy: Required<RateLimitPolicy>;
	readonly #failures: FailureStore;
	#records = 0;

	constructor(policy: RateLimitPolicy, store: FailureStore = new Map<string, number[]>()) {
		this.#policy = { maxKeys: 10_000, ...policy };
		this.#failures = store;
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
		if (index < 0) return;
		list.splice(index, 1);
		// written back: a store may hand out copies (the SQLite one does)
		if (list.length === 0) this.#failures.delete(bounded);
		else this.#failures.set(bounded, list);
	}

	reset(key: string): void {
		this.#failures.delete(bound(key));
	}

	/** The failures of every key whose window is still open (for a store test). */
	activeKeys(now: number): string[] {
		this.prune(now);
		return [...this.#failures.keys()];
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
