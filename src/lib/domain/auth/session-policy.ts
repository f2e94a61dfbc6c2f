import { DAY_MS } from '../learner-day';

/** Sessions live 30 days and are extended when fewer than 15 days remain (lucia-auth.com guide). */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;

export type SessionCheck = 'expired' | 'renew' | 'valid';

export function checkSessionExpiry(expiresAt: Date, now: Date): SessionCheck {
	if (now.getTime() >= expiresAt.getTime()) return 'expired';
	if (now.getTime() >= expiresAt.getTime() - SESSION_RENEW_BEFORE_MS) return 'renew';
	return 'valid';
}

export function sessionExpiresAt(now: Date): Date {
	return new Date(now.getTime() + SESSION_LIFETIME_MS);
}
