import { DAY_MS } from '../learner-day';

/**
 * Sessions live 30 days and are extended when fewer than 15 days remain (lucia-auth.com guide),
 * but never past SESSION_ABSOLUTE_MS after the log-in: a session found on a shared computer
 * months later is over, however often it was used.
 */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;
export const SESSION_ABSOLUTE_MS = 90 * DAY_MS;

export type SessionCheck = 'expired' | 'renew' | 'valid';

export function checkSessionExpiry(expiresAt: Date, createdAt: Date, now: Date): SessionCheck {
	if (now.getTime() >= expiresAt.getTime() || now.getTime() >= createdAt.getTime() + SESSION_ABSOLUTE_MS) return 'expired';
	if (now.getTime() >= expiresAt.getTime() - SESSION_RENEW_BEFORE_MS && sessionExpiresAt(now, createdAt).getTime() > expiresAt.getTime()) return 'renew';
	return 'valid';
}

/** A new or renewed session's end: 30 days from now, at most 90 days after the log-in. */
export function sessionExpiresAt(now: Date, createdAt: Date = now): Date {
	return new Date(Math.min(now.getTime() + SESSION_LIFETIME_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));
}
