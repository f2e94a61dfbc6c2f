import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { getGuide } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import { slugParam } from '$lib/server/params';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
	const slug = slugParam(params.slug);
	const guide = slug === null ? null : getGuide(getDb(), slug, currentLocale());
	if (!guide) error(404, 'Not found');
	return { guide };
};
