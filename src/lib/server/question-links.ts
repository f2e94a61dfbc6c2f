import { eq, sql } from 'drizzle-orm';
import { pickLocale } from '../domain/locale';
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

/** The hub guides and sources a question links to, for practice feedback and exam review. */
export function loadQuestionLinks(db: Db, questionId: string, locale: Locale): QuestionLinks {
	const guides = prepared(db, 'question.guides', () =>
		db
			.select({ slug: t.guide.slug, titleEn: t.guide.titleEn, titleNl: t.guide.titleNl })
			.from(t.questionGuide)
			.innerJoin(t.guide, eq(t.guide.slug, t.questionGuide.guideSlug))
			.where(eq(t.questionGuide.questionId, sql.placeholder('questionId')))
			.prepare()
	)
		.all({ questionId })
		.map((guide) => ({ slug: guide.slug, title: pickLocale(locale, guide.titleEn, guide.titleNl) }));
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
