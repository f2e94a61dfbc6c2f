import { eq } from 'drizzle-orm';
import { pickLocale } from '../domain/locale';
import type { Locale } from '../domain/locale';
import type { Db } from './db';
import * as t from './db/schema';
import type { QuestionLinks } from '../types/practice';

/** The hub guides and sources a question links to, for practice feedback and exam review. */
export function loadQuestionLinks(db: Pick<Db, 'select'>, questionId: string, locale: Locale): QuestionLinks {
	const guides = db
		.select({ slug: t.guide.slug, titleEn: t.guide.titleEn, titleNl: t.guide.titleNl })
		.from(t.questionGuide)
		.innerJoin(t.guide, eq(t.guide.slug, t.questionGuide.guideSlug))
		.where(eq(t.questionGuide.questionId, questionId))
		.all()
		.map((guide) => ({ slug: guide.slug, title: pickLocale(locale, guide.titleEn, guide.titleNl) }));
	const sources = db
		.select({ slug: t.source.slug, name: t.source.name })
		.from(t.questionSource)
		.innerJoin(t.source, eq(t.source.slug, t.questionSource.sourceSlug))
		.where(eq(t.questionSource.questionId, questionId))
		.all();
	return { guides, sources };
}
