import { prefersSupportedLanguage } from '$lib/domain/locale';
import { cookieName } from '$lib/paraglide/runtime';
import type { LayoutServerLoad } from './$types';

/** What the header needs to know about the visitor; nothing private beyond the name. */
export const load: LayoutServerLoad = ({ locals, cookies, request }) => ({
	viewer: locals.user
		? {
				username: locals.user.username,
				displayName: locals.user.displayName,
				role: locals.user.role,
				// dates on every page are shown in the learner's time zone (lib/format.ts)
				timezone: locals.user.timezone
			}
		: null,
	// A first visit from a browser in another language is asked to choose (no choice made yet).
	askLanguage: cookies.get(cookieName) === undefined && !prefersSupportedLanguage(request.headers.get('accept-language'))
});
