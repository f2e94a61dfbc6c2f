import { fail, redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { changePassword, deleteAccount, updateSettings } from '$lib/server/accounts';
import { readForm } from '$lib/server/auth/forms';
import { setLocaleCookie } from '$lib/server/locale';
import { requireUser } from '$lib/server/auth/guards';
import { describeProblem, statusFor } from '$lib/server/auth/messages';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { leaveClass, listMemberships } from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const { user } = requireUser();
	return {
		learning: { desiredRetention: user.desiredRetention, newPerDay: user.newPerDay, dayStartsHour: user.dayStartsHour, dailyCap: user.dailyCap },
		savedSettings: url.searchParams.get('saved') === 'settings',
		account: {
			username: user.username,
			role: user.role,
			displayName: user.displayName,
			uiLocale: user.uiLocale,
			translationLocale: user.translationLocale,
			aidFading: user.aidFading,
			examDate: user.examDate,
			timezone: user.timezone
		},
		classes: user.role === 'learner' ? listMemberships(getDb(), user.id) : [],
		timezones: Intl.supportedValuesOf('timeZone')
	};
};

export const actions: Actions = {
	settings: async ({ request, cookies, locals }) => {
		const { user } = requireUser();
		const result = updateSettings(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) return fail(400, { form: 'settings', message: describeProblem(result.problem) });
		setLocaleCookie(cookies, result.value.uiLocale);
		// A new page load, so that a new interface language applies at once.
		redirect(303, '/account?saved=settings');
	},
	password: async ({ request, locals, cookies }) => {
		const { user } = requireUser();
		const result = await changePassword(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) {
			return fail(statusFor(result.problem), { form: 'password', message: describeProblem(result.problem, result.retryAt, locals.now) });
		}
		// every session ended with the change; this browser goes on with a new one
		setSessionCookie(cookies, result.value.token, result.value.session.expiresAt, !dev);
		return { form: 'password', saved: true };
	},
	/** Leaves a class: the membership goes, the learner's own practice stays. */
	leaveClass: async ({ request }) => {
		const { user } = requireUser();
		const form = await readForm(request);
		if (typeof form.classId !== 'string' || !leaveClass(getDb(), user.id, form.classId)) {
			return fail(404, { form: 'classes', message: m.teach_class_not_found() });
		}
		return { form: 'classes', left: true };
	},
	delete: async ({ request, cookies, locals }) => {
		const { user } = requireUser();
		const result = await deleteAccount(getDb(), user, await readForm(request), locals.now);
		if (!result.ok) {
			return fail(statusFor(result.problem), { form: 'delete', message: describeProblem(result.problem, result.retryAt, locals.now) });
		}
		deleteSessionCookie(cookies, !dev);
		redirect(303, '/?deleted=1');
	}
};
