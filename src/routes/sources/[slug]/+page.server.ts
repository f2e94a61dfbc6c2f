import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getSource } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import { slugParam } from '$lib/server/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const slug = slugParam(params.slug);
	const source = slug === null ? null : getSource(getDb(), slug, currentLocale());
	if (!source) error(404, 'Not found');
	return { source };
};
