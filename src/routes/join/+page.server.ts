import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { normalizeJoinCode } from '$lib/domain/teach/join-code';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * The code form (GET, so it works without JavaScript and writes nothing): a code that can be one
 * goes on to its join screen, where joining is an action; anything else is refused here.
 */
export const load: PageServerLoad = ({ url }) => {
	requireUser();
	const typed = url.searchParams.get('code');
	if (typed === null) return { typed: '', problem: null };
	const code = normalizeJoinCode(typed);
	if (code) redirect(303, `/join/${code}`);
	return { typed: typed.slice(0, 40), problem: m.join_problem_invalid() };
};
