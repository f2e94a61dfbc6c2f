import { listLanguagesExamFirst, prefersSupportedLanguage } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages';
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
	// A first visit from a browser in another language is asked to choose (no choice made yet),
	// in each language: the question in every language is made here, as the page's own code holds
	// only the messages of its language.
	askLanguage:
		cookies.get(cookieName) === undefined && !prefersSupportedLanguage(request.headers.get('accept-language'))
			? listLanguagesExamFirst().map((language) => ({ locale: language.code, dir: language.dir, label: language.name, question: m.language_choose({}, { locale: language.code }) }))
			: null
});
