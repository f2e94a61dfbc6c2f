import type { LayoutServerLoad } from './$types';

/** What the header needs to know about the visitor; nothing private beyond the name. */
export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.user
		? { username: locals.user.username, displayName: locals.user.displayName, role: locals.user.role }
		: null
});
