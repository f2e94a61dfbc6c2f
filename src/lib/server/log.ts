import { pino } from 'pino';

/*
 * The server's log: one JSON line per event on stdout (pino), for `docker logs`, journald or any
 * log shipper. Request lines carry time, method, route id, status, duration and request id; never
 * cookies, tokens, passwords, form fields or answers. LOG_LEVEL (default info) sets the level;
 * `silent` turns it off.
 */
export const log = pino({
	level: process.env.LOG_LEVEL ?? 'info',
	base: undefined,
	timestamp: pino.stdTimeFunctions.isoTime
});

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A request id from a proxy's `X-Request-Id` when it is a plain token, else a new one. */
export function requestIdFrom(header: string | null): string {
	return header !== null && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/** The path for the log when no route matched: no query string, at most 200 characters. */
export function loggedPath(pathname: string): string {
	return pathname.length > 200 ? `${pathname.slice(0, 200)}…` : pathname;
}
