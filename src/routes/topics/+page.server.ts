import { getDb } from '$lib/server/db';
import { listTopics } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ topics: listTopics(getDb(), currentLocale()) });
