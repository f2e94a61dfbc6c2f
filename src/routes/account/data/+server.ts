import { error, json } from '@sveltejs/kit';
import { exportUserData } from '$lib/server/accounts';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { attachmentHeader } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** "Download my data": everything stored about the signed-in user, as a JSON file. */
export const GET: RequestHandler = () => {
	const { user } = requireUser();
	const data = exportUserData(getDb(), user, new Date());
	if (!data) error(404, 'Not found');
	return json(data, {
		headers: {
			'Content-Disposition': attachmentHeader(`knm-hub-${user.username}.json`),
			'Cache-Control': 'no-store'
		}
	});
};
