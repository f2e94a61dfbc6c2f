import type { FailureStore, RateLimitPolicy } from '../../domain/auth/rate-limit';
import { FailureLimiter } from '../../domain/auth/rate-limit';
import type { Db } from '../db';
import { prepared } from '../db/prepared';

/*
 * The limiters' failures in SQLite (table rate_limit), so a restart of the server does not give a
 * password guesser a fresh start. One row per limiter and key: the failure times as JSON and the
 * latest of them (`touched`), which orders the keys the way the limiter's Map would.
 */
class SqliteFailureStore implements FailureStore {
	readonly #db: Db;
	readonly #limiter: string;

	constructor(db: Db, limiter: string) {
		this.#db = db;
		this.#limiter = limiter;
	}

	/** Each statement prepared once per database (a log-in runs several of them). */
	#statement(name: string, text: string) {
		return prepared(this.#db, `rate_limit.${name}`, () => this.#db.$client.prepare(text));
	}

	get(key: string): number[] | undefined {
		const row = this.#statement('get', 'SELECT failures FROM rate_limit WHERE limiter = ? AND key = ?').get(this.#limiter, key) as { failures: string } | undefined;
		return row ? (JSON.parse(row.failures) as number[]) : undefined;
	}

	set(key: string, times: number[]): void {
		this.#statement(
			'set',
			`INSERT INTO rate_limit (limiter, key, failures, touched) VALUES (?, ?, ?, ?)
			ON CONFLICT (limiter, key) DO UPDATE SET failures = excluded.failures, touched = excluded.touched`
		).run(this.#limiter, key, JSON.stringify(times), times.length > 0 ? Math.max(...times) : 0);
	}

	delete(key: string): void {
		this.#statement('delete', 'DELETE FROM rate_limit WHERE limiter = ? AND key = ?').run(this.#limiter, key);
	}

	*keys(): IterableIterator<string> {
		const rows = this.#statement('keys', 'SELECT key FROM rate_limit WHERE limiter = ? ORDER BY touched, rowid').all(this.#limiter) as { key: string }[];
		for (const row of rows) yield row.key;
	}

	get size(): number {
		return (this.#statement('size', 'SELECT count(*) AS n FROM rate_limit WHERE limiter = ?').get(this.#limiter) as { n: number }).n;
	}
}

const limiters = new WeakMap<Db, Map<string, FailureLimiter>>();

/** The named limiter of this database (one instance per database and name). */
export function limiterFor(db: Db, name: string, policy: RateLimitPolicy): FailureLimiter {
	let byName = limiters.get(db);
	if (!byName) limiters.set(db, (byName = new Map()));
	let limiter = byName.get(name);
	if (!limiter) byName.set(name, (limiter = new FailureLimiter(policy, new SqliteFailureStore(db, name))));
	return limiter;
}
