import { getDb } from '$lib/server/db';
import { listQuickAnswers } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	quickAnswers: listQuickAnswers(getDb(), currentLocale())
});
