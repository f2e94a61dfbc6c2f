import { error, fail, redirect } from '@sveltejs/kit';
import { readForm, readFormWithList } from '$lib/server/auth/forms';
import { requireTeacher } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listBankCoverage } from '$lib/server/hub';
import { currentLocale } from '$lib/server/locale';
import {
	addItems,
	bankFilterSchema,
	changeItem,
	deleteSet,
	describeSetProblem,
	duplicateSet,
	listSetUses,
	loadOwnSet,
	PICKER_LIMIT,
	renameSet,
	searchBank,
	SET_MAX_QUESTIONS
} from '$lib/server/teach';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/** The teacher's own set, else 404 (another teacher's set ids cannot be probed). */
function ownSet(id: string) {
	const { user } = requireTeacher();
	const set = loadOwnSet(getDb(), user.id, id);
	if (!set) error(404, m.teach_set_not_found());
	return { user, set };
}

/**
 * The set editor: its titles, its questions in order, and a picker over the bank filtered by the
 * URL (`theme`, `eindterm`, `text`: a GET form, so filters can be bookmarked and need no
 * JavaScript). Picked questions are added by an action; the set is saved after every step.
 */
export const load: PageServerLoad = ({ params, url }) => {
	const { user, set } = ownSet(params.id);
	const filter = bankFilterSchema.parse({
		theme: url.searchParams.get('theme') ?? undefined,
		eindterm: url.searchParams.get('eindterm') ?? undefined,
		text: url.searchParams.get('text') ?? undefined,
		own: url.searchParams.get('own') ?? undefined
	});
	const filtered = Boolean(filter.theme || filter.eindterm || filter.text || filter.own);
	const db = getDb();
	return {
		set,
		uses: listSetUses(getDb(), user.id, set.id),
		filter: { theme: filter.theme ?? '', eindterm: filter.eindterm ?? '', text: filter.text ?? '', own: filter.own === '1' },
		themes: listBankCoverage(db, currentLocale()).map((theme) => ({ slug: theme.slug, number: theme.number, name: theme.name })),
		results: filtered ? searchBank(db, user.id, filter) : null,
		limit: PICKER_LIMIT
	};
};

function itemAction(change: 'remove' | 'up' | 'down') {
	return async ({ params, request }: { params: { id: string }; request: Request }) => {
		const { user } = ownSet(params.id);
		const form = await readForm(request);
		if (!changeItem(getDb(), user.id, params.id, form.questionId, change)) error(404, m.teach_set_not_found());
		return { changed: true };
	};
}

export const actions: Actions = {
	rename: async ({ params, request }) => {
		const { user } = ownSet(params.id);
		const result = renameSet(getDb(), user.id, params.id, await readForm(request));
		if (!result.ok) return fail(400, { form: 'rename', problem: describeSetProblem(result.problem) });
		return { form: 'rename', saved: m.teach_set_saved() };
	},
	add: async ({ params, request }) => {
		const { user } = ownSet(params.id);
		const { list } = await readFormWithList(request, 'question', SET_MAX_QUESTIONS);
		const result = addItems(getDb(), user.id, params.id, list);
		if (!result.ok) return fail(result.problem === 'not_found' ? 404 : 400, { form: 'add', problem: describeSetProblem(result.problem) });
		return { form: 'add', saved: m.teach_set_added({ count: result.added }) };
	},
	remove: itemAction('remove'),
	up: itemAction('up'),
	down: itemAction('down'),
	duplicate: ({ params, locals }) => {
		const { user } = ownSet(params.id);
		const id = duplicateSet(getDb(), user.id, params.id, (title) => m.teach_set_copy_title({ title }), locals.now);
		if (!id) error(404, m.teach_set_not_found());
		redirect(303, `/teach/sets/${id}`);
	},
	delete: ({ params }) => {
		const { user } = ownSet(params.id);
		const result = deleteSet(getDb(), user.id, params.id);
		if (!result.ok) return fail(409, { form: 'delete', problem: m.teach_set_in_use() });
		redirect(303, '/teach/sets?deleted=1');
	}
};
