import { checkDatabaseHealth, getDb } from '$lib/server/db';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * Health for a load balancer or container: 200 when the database answers and its migrations are
 * current, else 503. No session, no page, nothing cached; the request log leaves it out.
 */
export const GET: RequestHandler = () => {
	const health = checkDatabaseHealth(getDb());
	if (!health.ok) log.warn({ problem: health.problem }, 'health check failed');
	return new Response(health.ok ? 'ok\n' : 'unavailable\n', {
		status: health.ok ? 200 : 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
