import { sha256 } from '@oslojs/crypto/sha2';
import type { RandomReader } from '@oslojs/crypto/random';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { and, eq, ne, sql } from 'drizzle-orm';
import { checkSessionExpiry, sessionExpiresAt } from '../../domain/auth/session-policy';
import type { AidChoice } from '../../domain/aid';
import type { Locale } from '../../domain/locale';
import type { Db } from '../db';
import * as t from '../db/schema';
import { prepared } from '../db/prepared';

/*
 * Sessions written the Lucia way (lucia-auth.com, "Basic API"): a random token goes to the browser
 * in a cookie; the database stores only its SHA-256, so a leaked database holds no usable token.
 */

export const SESSION_COOKIE = 'knm_session';

/** Cryptographically secure random bytes (Web Crypto), in @oslojs's reader shape for injection. */
export const secureRandom: RandomReader = {
	read(bytes: Uint8Array): void {
		crypto.getRandomValues(bytes as Uint8Array<ArrayBuffer>);
	}
};

/** 20 random bytes (160 bits) as 32 lower-case base32 characters. */
export function generateSessionToken(random: RandomReader = secureRandom): string {
	const bytes = new Uint8Array(20);
	random.read(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export interface Session {
	id: string;
	userId: string;
	expiresAt: Date;
}

export interface SessionUser {
	id: string;
	username: string;
	role: 'learner' | 'teacher';
	displayName: string | null;
	uiLocale: Locale;
	translationLocale: AidChoice;
	/** fading aid (domain/aid.ts startsOpen) */
	aidFading: boolean;
	examDate: string | null;
	timezone: string;
	/** the local hour at which the learner's day starts (domain/learner-day.ts) */
	dayStartsHour: number;
	desiredRetention: number;
	newPerDay: number;
	/** with an exam date: the most answers a day the plan asks for */
	dailyCap: number;
}

export type SessionValidationResult =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

export function createSession(
	db: Pick<Db, 'insert'>,
	token: string,
	userId: string,
	now: Date
): Session {
	const session: Session = { id: sessionIdFromToken(token), userId, expiresAt: sessionExpiresAt(now) };
	db.insert(t.session).values({ ...session, createdAt: now }).run();
	return session;
}

const NO_SESSION = { session: null, user: null, renewed: false } as const;

/**
 * Looks the token up by its hash. Expired sessions are deleted; a session with fewer than 15 days
 * left is extended to 30 days, but never past 90 days after its log-in (the caller then refreshes
 * the cookie).
 */
export function validateSessionToken(db: Db, token: string, now: Date): SessionValidationResult {
	if (!/^[a-z2-7]{32}$/.test(token)) return NO_SESSION;
	const sessionId = sessionIdFromToken(token);
	// Every signed-in request runs this: two statements prepared once per database (a join of the
	// two rows took three times as long as both look-ups).
	const sessionRow = prepared(db, 'session.byId', () =>
		db
			.select()
			.from(t.session)
			.where(eq(t.session.id, sql.placeholder('sessionId')))
			.prepare()
	).get({ sessionId });
	if (!sessionRow) return NO_SESSION;
	const userRow = prepared(db, 'session.user', () =>
		db
			.select()
			.from(t.user)
			.where(eq(t.user.id, sql.placeholder('userId')))
			.prepare()
	).get({ userId: sessionRow.userId });
	// (a session is deleted with its user: foreign key, on delete cascade)
	if (!userRow) return NO_SESSION;
	const session: Session = { id: sessionRow.id, userId: sessionRow.userId, expiresAt: sessionRow.expiresAt };
	const state = checkSessionExpiry(session.expiresAt, sessionRow.createdAt, now);
	if (state === 'expired') {
		db.delete(t.session).where(eq(t.session.id, sessionId)).run();
		return NO_SESSION;
	}
	if (state === 'renew') {
		session.expiresAt = sessionExpiresAt(now, sessionRow.createdAt);
		db.update(t.session).set({ expiresAt: session.expiresAt }).where(eq(t.session.id, sessionId)).run();
	}
	return { session, user: toSessionUser(userRow), renewed: state === 'renew' };
}

export function toSessionUser(row: t.UserRow): SessionUser {
	return {
		id: row.id,
		username: row.username,
		role: row.role,
		displayName: row.displayName,
		uiLocale: row.uiLocale,
		translationLocale: row.translationLocale,
		aidFading: row.aidFading,
		examDate: row.examDate,
		timezone: row.timezone,
		dayStartsHour: row.dayStartsHour,
		desiredRetention: row.desiredRetention,
		newPerDay: row.newPerDay,
		dailyCap: row.dailyCap
	};
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(t.session).where(eq(t.session.id, sessionId)).run();
}

/** Ends every session of the user, except `keepSessionId` (the one that changed the password). */
export function invalidateUserSessions(
	db: Pick<Db, 'delete'>,
	userId: string,
	keepSessionId?: string
): void {
	const condition =
		keepSessionId === undefined
			? eq(t.session.userId, userId)
			: and(eq(t.session.userId, userId), ne(t.session.id, keepSessionId));
	db.delete(t.session).where(condition).run();
}

/** httpOnly, SameSite=Lax, path /, Secure outside development. */
export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
