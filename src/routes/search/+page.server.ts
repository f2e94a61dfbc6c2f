import { getDb } from '$lib/server/db';
import { searchHub } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import { searchQuerySchema } from '$lib/server/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const parsed = searchQuerySchema.safeParse(url.searchParams.get('q') ?? '');
	// An over-long query is cut rather than refused: the search box must never show an error page.
	const query = parsed.success ? parsed.data : '';
	return { query, hits: query === '' ? [] : searchHub(getDb(), query, currentLocale()) };
};
