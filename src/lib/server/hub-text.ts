import { pickInterfaceText } from '../domain/aid';
import type { Locale } from '../domain/locale';
import type { Db } from './db';

/*
 * Hub texts in the interface language: theme names, guide titles and summaries, quick answers.
 * Dutch and English come from the content rows; Arabic, Turkish, Persian and Ukrainian from their
 * current translations, else English. These translations are few (a row per theme, guide and
 * quick answer and language) and read on many pages, so they are read once per connection and
 * forgotten when an import changes them.
 */

type HubKind = 'theme' | 'guide' | 'quick-answer';
const cache = new WeakMap<object, Map<string, Record<string, string>>>();

function loadHubTranslations(db: Pick<Db, '$client'>): Map<string, Record<string, string>> {
	let map = cache.get(db.$client);
	if (!map) {
		const rows = db.$client
			.prepare(`SELECT kind, locale, item_id AS id, fields FROM content_translation WHERE stale = 0 AND kind IN ('theme', 'guide', 'quick-answer')`)
			.all() as { kind: string; locale: string; id: string; fields: string }[];
		map = new Map(rows.map((row) => [`${row.kind}/${row.locale}/${row.id}`, JSON.parse(row.fields) as Record<string, string>]));
		cache.set(db.$client, map);
	}
	return map;
}

/** After an import that changed the translations. */
export function forgetHubTranslations(db: Pick<Db, '$client'>): void {
	cache.delete(db.$client);
}

/** A hub text in the interface language, and the language it is in (English when no current translation exists). */
export function pickHubText(db: Pick<Db, '$client'>, locale: Locale, kind: HubKind, id: string, field: string, text: { en: string; nl: string }): { value: string; lang: Locale } {
	const map = loadHubTranslations(db);
	const picked = pickInterfaceText(locale, text, (candidate) => map.get(`${kind}/${candidate}/${id}`)?.[field]);
	return { value: picked.value, lang: picked.locale };
}

/** A theme's name in the interface language. */
export function themeNameIn(db: Pick<Db, '$client'>, locale: Locale, theme: { slug: string; nameEn: string; nameNl: string }): string {
	return pickHubText(db, locale, 'theme', theme.slug, 'name', { en: theme.nameEn, nl: theme.nameNl }).value;
}
