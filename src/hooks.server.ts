import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { ContentInvalidError } from '$lib/server/content/load';
import { prepareServer } from '$lib/server/startup';

/**
 * Start-up: migrate the database and import the content before the first request. Broken content
 * stops the server with the validator's message (file, id, problem), never a stack trace.
 */
export const init: ServerInit = () => {
	if (building) return;
	try {
		const started = performance.now();
		const report = prepareServer(new Date());
		const ms = Math.round(performance.now() - started);
		console.log(
			`Content imported in ${ms} ms: ${report.inserted} new, ${report.updated} changed, ` +
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

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

export const handle = sequence(handleLocale);

/** Unexpected errors are logged on the server; the visitor sees a plain message only. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) console.error(`Error on ${event.request.method} ${event.url.pathname}:`, error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
