import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import * as t from '../db/schema';
import { pickLocale } from '../../domain/locale';
import type { Locale } from '../../domain/locale';

/*
 * Practice scopes: what a session draws from (all due work, a theme's questions, a theme's KNM
 * words, a question set, mistakes). Due word cards also come in the `due` scope: one queue.
 */

export type Scope =
	| { kind: 'due' }
	| { kind: 'theme'; theme: string }
	| { kind: 'words'; theme: string }
	| { kind: 'set'; setId: string }
	| { kind: 'mistakes' };

const scopeSchema = z.union([
	z.literal('due').transform((): Scope => ({ kind: 'due' })),
	z.literal('mistakes').transform((): Scope => ({ kind: 'mistakes' })),
	z
		.string()
		.regex(/^theme:[a-z0-9-]{1,80}$/)
		.transform((value): Scope => ({ kind: 'theme', theme: value.slice('theme:'.length) })),
	z
		.string()
		.regex(/^words:[a-z0-9-]{1,80}$/)
		.transform((value): Scope => ({ kind: 'words', theme: value.slice('words:'.length) })),
	z
		.string()
		.regex(/^set:[a-z0-9:-]{1,100}$/)
		.transform((value): Scope => ({ kind: 'set', setId: value.slice('set:'.length) }))
]);

export function parseScope(value: string | null): Scope | null {
	const parsed = scopeSchema.safeParse(value ?? 'due');
	return parsed.success ? parsed.data : null;
}

export function scopeKey(scope: Scope): string {
	switch (scope.kind) {
		case 'due':
		case 'mistakes':
			return scope.kind;
		case 'theme':
			return `theme:${scope.theme}`;
		case 'words':
			return `words:${scope.theme}`;
		case 'set':
			return `set:${scope.setId}`;
	}
}

/** Whether a scope names something that exists and that this learner may practise. */
export function scopeExists(db: Db, user: SessionUser, scope: Scope): boolean {
	if (scope.kind === 'theme' || scope.kind === 'words') {
		return (
			db
				.select({ slug: t.theme.slug })
				.from(t.theme)
				.where(and(eq(t.theme.slug, scope.theme), isNull(t.theme.retiredAt)))
				.get() !== undefined
		);
	}
	if (scope.kind === 'set') {
		const set = db.select().from(t.questionSet).where(eq(t.questionSet.id, scope.setId)).get();
		// Built-in, the user's own, or given to a class the learner is in (an assignment).
		if (set === undefined) return false;
		if (set.ownerId === null || set.ownerId === user.id) return true;
		return (
			db
				.select({ id: t.assignment.id })
				.from(t.assignment)
				.innerJoin(t.classMember, eq(t.classMember.classId, t.assignment.classId))
				.where(and(eq(t.assignment.setId, scope.setId), eq(t.classMember.userId, user.id)))
				.get() !== undefined
		);
	}
	return true;
}

/**
 * SQL condition restricting `question` rows to a scope (mistakes are handled separately), with
 * placeholders (`theme`, `setId`) for prepared statements: one statement per kind of scope, the
 * values from scopeParams.
 */
export function scopeFilter(kind: Scope['kind']) {
	if (kind === 'theme') return and(eq(t.question.themeSlug, sql.placeholder('theme')), ne(t.question.origin, 'word'));
	if (kind === 'words') return and(eq(t.question.themeSlug, sql.placeholder('theme')), eq(t.question.origin, 'word'));
	if (kind === 'set') {
		return sql`${t.question.id} IN (SELECT ${t.questionSetItem.questionId} FROM ${t.questionSetItem} WHERE ${t.questionSetItem.setId} = ${sql.placeholder('setId')})`;
	}
	return undefined;
}

export function scopeParams(scope: Scope): Record<string, string> {
	if (scope.kind === 'theme' || scope.kind === 'words') return { theme: scope.theme };
	if (scope.kind === 'set') return { setId: scope.setId };
	return {};
}

export interface PracticeSet {
	id: string;
	title: string;
	themeSlug: string | null;
	size: number;
}

/** Built-in sets (one per theme) and the learner's own sets. */
export function listSets(db: Db, userId: string, locale: Locale): PracticeSet[] {
	return db
		.all<{ id: string; titleEn: string; titleNl: string; themeSlug: string | null; size: number }>(sql`
			SELECT s.id, s.title_en AS titleEn, s.title_nl AS titleNl, s.theme_slug AS themeSlug,
				COUNT(q.id) AS size
			FROM question_set s
			LEFT JOIN question_set_item i ON i.set_id = s.id
			LEFT JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
			WHERE (s.owner_id IS NULL OR s.owner_id = ${userId})
				AND NOT EXISTS (SELECT 1 FROM theme th WHERE th.slug = s.theme_slug AND th.retired_at IS NOT NULL)
			GROUP BY s.id
			ORDER BY s.owner_id IS NOT NULL, s.position, s.title_en`)
		.map((row) => ({ id: row.id, title: pickLocale(locale, row.titleEn, row.titleNl), themeSlug: row.themeSlug, size: row.size }));
}
