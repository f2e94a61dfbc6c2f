import { getDb } from '$lib/server/db';
import { listGuides } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ guides: listGuides(getDb(), currentLocale()) });
