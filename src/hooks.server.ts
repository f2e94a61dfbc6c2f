import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building, dev, version } from '$app/environment';
import { baseLocale, extractLocaleFromRequest, overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Locale } from '$lib/paraglide/runtime';
import { directionOf } from '$lib/domain/locale';
import {
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { assertTestClockAllowed, requestNow } from '$lib/server/clock';
import { ContentInvalidError } from '$lib/server/content/load';
import { closeDb, getDb } from '$lib/server/db';
import { isActionName } from '$lib/server/http';
import { log, loggedPath, requestIdFrom } from '$lib/server/log';
import { prepareServer } from '$lib/server/startup';
import { replaceScriptHashes, useLocaleBundle, useLocaleBundleLinks } from '$lib/server/locale-bundle';

/**
 * Start-up: migrate the database and import the content before the first request. Broken content
 * stops the server with the validator's message (file, id, problem), never a stack trace.
 */
export const init: ServerInit = () => {
	if (building) return;
	try {
		assertTestClockAllowed();
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	// adapter-node and scripts/start.js emit this once the server has stopped taking requests and
	// the ones in flight are done: the database is checkpointed and closed last.
	process.once('sveltekit:shutdown', (reason: unknown) => {
		closeDb();
		log.info({ reason }, 'database closed');
	});
	try {
		const started = performance.now();
		const report = prepareServer(new Date(), version);
		const ms = Math.round(performance.now() - started);
		log.info(
			report.skipped
				? `Content unchanged since the last import (checked in ${ms} ms).`
				: `Content imported in ${ms} ms: ${report.inserted} new, ${report.updated} changed, ` +
						`${report.deleted} removed, ${report.retired} questions retired, ${report.unchanged} unchanged.`
		);
	} catch (error) {
		if (error instanceof ContentInvalidError) {
			console.error(error.message);
			console.error('The server did not start. Fix the content files and start again.');
			process.exit(1);
		}
		throw error;
	}
};

/**
 * One log line per request (time, method, route id, status, duration, request id), the request
 * id in `X-Request-Id`, and a Server-Timing header with the handling time. /healthz is not logged.
 */
const handleRequestLog: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	event.locals.requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	const response = await resolve(event);
	const ms = performance.now() - started;
	// Time spent handling the request, for benchmarks and browser dev tools (no other detail).
	response.headers.set('Server-Timing', `app;dur=${ms.toFixed(2)}`);
	response.headers.set('X-Request-Id', event.locals.requestId);
	if (event.url.pathname !== '/healthz') {
		log.info({
			id: event.locals.requestId,
			method: event.request.method,
			route: event.route.id ?? loggedPath(event.url.pathname),
			status: response.status,
			ms: Math.round(ms * 100) / 100
		});
	}
	return response;
};

/**
 * Security headers (the Content-Security-Policy itself comes from kit.csp in svelte.config.js).
 * HSTS only over HTTPS (ORIGIN https://…, or a proxy's header named by PROTOCOL_HEADER), so a
 * school trying KNM Hub on plain http is not locked out of its own server.
 */
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
	if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
};

/**
 * The interface language of the request, by Paraglide's strategies (its cookie, then the browser's
 * languages, then English), for every message function called while the request is handled.
 * Paraglide's own middleware does the same but copies every request, body included, for URL
 * strategies this site does not use: 7% of the server's time on the answer path (bench:practice).
 */
const requestLocale = new AsyncLocalStorage<Locale>();
overwriteGetLocale(() => requestLocale.getStore() ?? baseLocale);

const handleLocale: Handle = ({ event, resolve }) => {
	const locale = extractLocaleFromRequest(event.request);
	return requestLocale.run(locale, async () => {
		const hashes: { from: string; to: string }[] = [];
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => {
				const page = html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', directionOf(locale));
				// the page's JavaScript from its language's own build (only that language's messages)
				if (dev) return page;
				const bundled = useLocaleBundle(page, locale);
				hashes.push(...bundled.hashes);
				return bundled.html;
			}
		});
		const policy = response.headers.get('content-security-policy');
		if (policy && hashes.length > 0) response.headers.set('content-security-policy', replaceScriptHashes(policy, hashes));
		const links = response.headers.get('link');
		if (links && !dev) response.headers.set('link', useLocaleBundleLinks(links, locale));
		return response;
	});
};

/** Always sets locals.user and locals.session (null when signed out); refreshes a renewed cookie. */
const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE) ?? null;
	event.locals.now = requestNow(event.cookies);
	event.locals.user = null;
	event.locals.session = null;
	if (token === null) return resolve(event);
	const result = validateSessionToken(getDb(), token, event.locals.now);
	if (result.session === null) {
		// Forged, replayed after logout, or expired: forget the cookie, treat as signed out.
		deleteSessionCookie(event.cookies, !dev);
		return resolve(event);
	}
	if (result.renewed) setSessionCookie(event.cookies, token, result.session.expiresAt, !dev);
	event.locals.user = result.user;
	event.locals.session = result.session;
	const response = await resolve(event);
	// A page made for a signed-in user must not be kept by the browser: on a shared computer, Back
	// after logging out would show the previous user's page.
	if (!response.headers.has('cache-control') || /text\/html/.test(response.headers.get('content-type') ?? '')) {
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

/**
 * Form-action names are looked up on the route's actions object, so a name like `__proto__`,
 * `constructor` or `valueOf` reached framework code that answered 500 (sveltejs/kit#15525). Only
 * plain names the routes can have get through; anything else, and an explicit `?/default`, is 404.
 */
const handleActionNames: Handle = ({ event, resolve }) => {
	if (event.request.method === 'POST') {
		const key = [...event.url.searchParams.keys()].find((name) => name.startsWith('/'));
		if (key !== undefined && !isActionName(key.slice(1))) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

export const handle = sequence(handleRequestLog, handleSecurityHeaders, handleActionNames, handleAuth, handleLocale);

/**
 * Unexpected errors (5xx) are logged with their stack; a client error (404, 405, 413, 415) is only
 * its request line. The visitor sees a plain message only.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status >= 500) {
		log.error({ id: event.locals.requestId, method: event.request.method, route: event.route.id ?? loggedPath(event.url.pathname), status, err: error }, 'unexpected error');
	}
	return { message: status === 404 ? 'Not found' : status < 500 ? 'Bad request' : 'Internal error' };
};
