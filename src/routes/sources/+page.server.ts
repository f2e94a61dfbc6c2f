import { getDb } from '$lib/server/db';
import { listSources } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ sources: listSources(getDb(), currentLocale()) });
