import { aidLocaleFor } from '$lib/domain/aid';
import { getDb } from '$lib/server/db';
import { currentLocale } from '$lib/server/locale';
import { listWords, wordFilterSchema } from '$lib/server/words';
import type { PageServerLoad } from './$types';

/**
 * The KNM words: with words to search or a theme in the URL (a GET form, so a search can be
 * bookmarked and needs no JavaScript), the matching words; without, the themes to choose from.
 */
export const load: PageServerLoad = ({ url, locals }) => {
	const filter = wordFilterSchema.parse({ q: url.searchParams.get('q') ?? undefined, theme: url.searchParams.get('theme') ?? undefined });
	const list = listWords(getDb(), filter, currentLocale(), aidLocaleFor(locals.user?.translationLocale ?? null, currentLocale()));
	const filtered = list.filter.q !== '' || list.filter.theme !== null;
	return { themes: list.themes, filter: list.filter, words: filtered ? list.words : null };
};
