import { eq, sql } from 'drizzle-orm';
import { eindtermAnchor } from '../domain/content/markdown';
import { pickHubText } from './hub-text';
import type { Locale } from '../domain/locale';
import type { Db } from './db';
import * as t from './db/schema';
import { prepared } from './db/prepared';
import type { QuestionLinks } from '../types/practice';

/** A question row by id (the current version), or undefined. */
export function loadQuestion(db: Db, questionId: string): t.QuestionRow | undefined {
	return prepared(db, 'question.load', () =>
		db
			.select()
			.from(t.question)
			.where(eq(t.question.id, sql.placeholder('questionId')))
			.prepare()
	).get({ questionId });
}

/**
 * The hub guides and sources a question links to, for practice feedback and exam review. A guide
 * link carries the anchor of the question's eindterm when the guide has it (the indicator's
 * paragraph, else the eindterm's heading; domain/content/markdown.ts), so it opens at the fact.
 */
export function loadQuestionLinks(db: Db, questionId: string, eindterm: string, locale: Locale): QuestionLinks {
	const indicator = eindtermAnchor(eindterm);
	const section = eindtermAnchor(eindterm.split('.').slice(0, 2).join('.'));
	const guides = prepared(db, 'question.guides', () =>
		db
			.select({
				slug: t.guide.slug,
				titleEn: t.guide.titleEn,
				titleNl: t.guide.titleNl,
				anchor: sql<string | null>`CASE
					WHEN instr(${t.guide.bodyHtmlEn}, 'id="' || ${sql.placeholder('indicator')} || '"') > 0 THEN ${sql.placeholder('indicator')}
					WHEN instr(${t.guide.bodyHtmlEn}, 'id="' || ${sql.placeholder('section')} || '"') > 0 THEN ${sql.placeholder('section')}
				END`
			})
			.from(t.questionGuide)
			.innerJoin(t.guide, eq(t.guide.slug, t.questionGuide.guideSlug))
			.where(eq(t.questionGuide.questionId, sql.placeholder('questionId')))
			.prepare()
	)
		.all({ questionId, indicator, section })
		.map((guide) => ({ slug: guide.slug, title: pickHubText(db, locale, 'guide', guide.slug, 'title', { en: guide.titleEn, nl: guide.titleNl }).value, anchor: guide.anchor }));
	const sources = prepared(db, 'question.sources', () =>
		db
			.select({ slug: t.source.slug, name: t.source.name })
			.from(t.questionSource)
			.innerJoin(t.source, eq(t.source.slug, t.questionSource.sourceSlug))
			.where(eq(t.questionSource.questionId, sql.placeholder('questionId')))
			.prepare()
	).all({ questionId });
	return { guides, sources };
}
