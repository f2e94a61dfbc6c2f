import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { attachmentHeader } from '$lib/server/http';
import { currentLocale } from '$lib/server/locale';
import { buildPlanCalendar } from '$lib/server/plan';
import type { RequestHandler } from './$types';

/** The dates of "My exam plan" as an iCalendar file for a phone's calendar. Reads only. */
export const GET: RequestHandler = ({ locals }) => {
	const { user } = requireUser();
	return new Response(buildPlanCalendar(getDb(), user, locals.now, currentLocale()), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': attachmentHeader('knm-exam-plan.ics'),
			'cache-control': 'private, no-store'
		}
	});
};
