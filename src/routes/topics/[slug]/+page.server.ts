import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getTopic } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import { slugParam } from '$lib/server/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const slug = slugParam(params.slug);
	const topic = slug === null ? null : getTopic(getDb(), slug, currentLocale());
	if (!topic) error(404, 'Not found');
	return { topic };
};
