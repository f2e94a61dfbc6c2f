import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listBankCoverage } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireTeacher();
	return { themes: listBankCoverage(getDb(), currentLocale()) };
};
