import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { SIGNING_KEY_NAME } from './db';
import type { Db } from './db';

/*
 * Signing with a per-database secret (table server_secret, made when the database is opened). Practice pages carry
 * a signed token instead of a stored "showing" row, so rendering a question writes nothing; the
 * same secret derives each showing's option order, so the page never carries the right answer.
 */

const keys = new WeakMap<Db, Buffer>();

function signingKey(db: Db): Buffer {
	let key = keys.get(db);
	if (!key) {
		const row = db.get<{ value: string } | undefined>(sql`SELECT value FROM server_secret WHERE name = ${SIGNING_KEY_NAME}`);
		if (!row) throw new Error('The signing key is missing: open the database with openDatabase().');
		key = Buffer.from(row.value, 'base64url');
		keys.set(db, key);
	}
	return key;
}

/** HMAC-SHA256 of `message`, base64url, cut to 128 bits. */
export function sign(db: Db, message: string): string {
	return createHmac('sha256', signingKey(db)).update(message).digest('base64url').slice(0, 22);
}

/** Whether `mac` is sign(message), compared in constant time. */
export function verify(db: Db, message: string, mac: string): boolean {
	const expected = Buffer.from(sign(db, message));
	const given = Buffer.from(mac);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A 32-bit seed derived from `message` with the secret: unpredictable without it, stable with it. */
export function deriveSeed(db: Db, message: string): number {
	return createHmac('sha256', signingKey(db)).update(message).digest().readUInt32BE(0);
}
