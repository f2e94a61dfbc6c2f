import type { LayoutServerLoad } from './$types';

/** What the header needs to know about the visitor; nothing private beyond the name. */
export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.user
		? {
				username: locals.user.username,
				displayName: locals.user.displayName,
				role: locals.user.role,
				// dates on every page are shown in the learner's time zone (lib/format.ts)
				timezone: locals.user.timezone
			}
		: null
});
