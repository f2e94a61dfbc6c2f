import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../domain/learner-day';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	validateSessionToken
} from './session';

const NOW = new Date('2026-11-01T12:00:00Z');
const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

function insertUser(db: Db, id: string): void {
	db.insert(t.user)
		.values({ id, username: id, usernameKey: id, passwordHash: 'x', role: 'learner', createdAt: NOW })
		.run();
}

describe('session tokens', () => {
	it('are 32 lower-case base32 characters from 20 random bytes', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(generateSessionToken()).not.toBe(token);
	});

	it('use the injected random source', () => {
		const zeros = { read: (bytes: Uint8Array) => bytes.fill(0) };
		expect(generateSessionToken(zeros)).toBe('a'.repeat(32));
	});

	it('are stored only as their SHA-256', () => {
		// SHA-256 of "abc", a standard test vector.
		expect(sessionIdFromToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('session validation', () => {
	let db: Db;
	let token: string;

	beforeEach(() => {
		db = openDatabase(':memory:');
		insertUser(db, 'ali');
		token = generateSessionToken();
		createSession(db, token, 'ali', NOW);
	});

	it('stores the hash, not the token', () => {
		const rows = db.select().from(t.session).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.id).toBe(sessionIdFromToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(rows[0]?.expiresAt).toEqual(later(30));
	});

	it('finds the user for a valid token', () => {
		const result = validateSessionToken(db, token, later(1));
		expect(result.user?.id).toBe('ali');
		expect(result.renewed).toBe(false);
		expect(result.session?.expiresAt).toEqual(later(30));
	});

	it('extends the session when fewer than 15 days remain', () => {
		const result = validateSessionToken(db, token, later(16));
		expect(result.renewed).toBe(true);
		expect(result.session?.expiresAt).toEqual(later(46));
		expect(db.select().from(t.session).get()?.expiresAt).toEqual(later(46));
	});

	it('does not extend while 15 or more days remain', () => {
		expect(validateSessionToken(db, token, later(14)).renewed).toBe(false);
	});

	it('rejects and deletes an expired session', () => {
		const result = validateSessionToken(db, token, later(30));
		expect(result.session).toBeNull();
		expect(db.select({ n: count() }).from(t.session).get()?.n).toBe(0);
	});

	it('ends 90 days after the log-in however often it is used: renewals stop at that day', () => {
		// used every 16 days: renewed at day 16 (to 46), 32 (to 62), 48 (to 78), 64 (to 90, not 94)
		for (const day of [16, 32, 48]) expect(validateSessionToken(db, token, later(day)).session?.expiresAt).toEqual(later(day + 30));
		expect(validateSessionToken(db, token, later(64)).session?.expiresAt).toEqual(later(90));
		// nothing left to extend: still valid, not renewed again
		expect(validateSessionToken(db, token, later(80))).toMatchObject({ renewed: false, session: { expiresAt: later(90) } });
		expect(validateSessionToken(db, token, later(89)).user?.id).toBe('ali');
		expect(validateSessionToken(db, token, later(90)).session).toBeNull();
		expect(db.select({ n: count() }).from(t.session).get()?.n).toBe(0);
	});

	it('rejects a forged or malformed token', () => {
		expect(validateSessionToken(db, generateSessionToken(), NOW).user).toBeNull();
		expect(validateSessionToken(db, `${token}x`, NOW).user).toBeNull();
		expect(validateSessionToken(db, "' OR 1=1 --", NOW).user).toBeNull();
	});

	it('rejects a token after logout', () => {
		invalidateSession(db, sessionIdFromToken(token));
		expect(validateSessionToken(db, token, NOW).user).toBeNull();
	});

	it('ends the other sessions of a user but keeps the current one', () => {
		const other = generateSessionToken();
		createSession(db, other, 'ali', NOW);
		insertUser(db, 'sara');
		const hers = generateSessionToken();
		createSession(db, hers, 'sara', NOW);

		invalidateUserSessions(db, 'ali', sessionIdFromToken(token));

		expect(validateSessionToken(db, token, NOW).user?.id).toBe('ali');
		expect(validateSessionToken(db, other, NOW).user).toBeNull();
		expect(validateSessionToken(db, hers, NOW).user?.id).toBe('sara');
	});

	it('disappears with its user (delete my account)', () => {
		db.delete(t.user).run();
		expect(db.select({ n: count() }).from(t.session).get()?.n).toBe(0);
	});
});
