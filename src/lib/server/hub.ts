import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { pickHubText, themeNameIn } from './hub-text';
import { hubTextLang, pickLocale } from '../domain/locale';
import { isTranslatedLocale } from '../domain/content/translations';
import type { Locale } from '../domain/locale';
import { buildSearchQuery } from '../domain/search';
import type { Db } from './db';
import * as t from './db/schema';

export type { Locale };
const pick = pickLocale;

export interface TopicSummary {
	slug: string;
	title: string;
	summary: string;
	sourceCount: number;
}

export interface SourceSummary {
	slug: string;
	name: string;
	url: string;
	usage: string;
	topicMentions: number;
	guideMentions: number;
}

export interface GuideSummary {
	slug: string;
	title: string;
	summary: string;
	/** the language of title and summary: the interface's, or English when not translated yet */
	lang: Locale;
}

export interface QuickAnswerItem {
	id: string;
	question: string;
	answer: string;
	/** the language of question and answer: the interface's, or English when not translated yet */
	lang: Locale;
	guide: { slug: string; title: string; lang: Locale };
}

export interface ThemeSummary {
	slug: string;
	number: number;
	name: string;
	questionCount: number;
}

const activeQuestion = and(isNull(t.question.retiredAt), eq(t.question.origin, 'bank'))!;
/** Themes that left content/themes.yaml are retired, not deleted: lists leave them out. */
const activeTheme = isNull(t.theme.retiredAt);

const guideSummaryColumns = {
	slug: t.guide.slug,
	titleEn: t.guide.titleEn,
	titleNl: t.guide.titleNl,
	summaryEn: t.guide.summaryEn,
	summaryNl: t.guide.summaryNl
};

export function listTopics(db: Db, locale: Locale): TopicSummary[] {
	return db
		.select({
			slug: t.topic.slug,
			titleEn: t.topic.titleEn,
			titleNl: t.topic.titleNl,
			summaryEn: t.topic.summaryEn,
			summaryNl: t.topic.summaryNl,
			sourceCount: count(t.topicSource.sourceSlug)
		})
		.from(t.topic)
		.leftJoin(t.topicSource, eq(t.topicSource.topicSlug, t.topic.slug))
		.groupBy(t.topic.slug)
		.orderBy(asc(t.topic.position))
		.all()
		.map((row) => ({
			slug: row.slug,
			title: pick(locale, row.titleEn, row.titleNl),
			summary: pick(locale, row.summaryEn, row.summaryNl),
			sourceCount: row.sourceCount
		}));
}

export function listSources(db: Db, locale: Locale): SourceSummary[] {
	const topicCounts = new Map(
		db
			.select({ slug: t.topicSource.sourceSlug, n: count() })
			.from(t.topicSource)
			.groupBy(t.topicSource.sourceSlug)
			.all()
			.map((row) => [row.slug, row.n])
	);
	const guideCounts = new Map(
		db
			.select({ slug: t.guideSource.sourceSlug, n: count() })
			.from(t.guideSource)
			.groupBy(t.guideSource.sourceSlug)
			.all()
			.map((row) => [row.slug, row.n])
	);
	return db
		.select()
		.from(t.source)
		.orderBy(asc(t.source.position))
		.all()
		.map((row) => ({
			slug: row.slug,
			name: row.name,
			url: row.url,
			usage: pick(locale, row.usageEn, row.usageNl),
			topicMentions: topicCounts.get(row.slug) ?? 0,
			guideMentions: guideCounts.get(row.slug) ?? 0
		}));
}

export interface SourceDetail {
	slug: string;
	name: string;
	url: string;
	owner: string;
	usage: string;
	checkedOn: string;
	topics: { slug: string; title: string; reason: string }[];
	guides: GuideSummary[];
	questionCount: number;
}

/** A source and everywhere it appears in the hub: topic mentions, guide mentions, questions. */
export function getSource(db: Db, slug: string, locale: Locale): SourceDetail | null {
	const row = db.select().from(t.source).where(eq(t.source.slug, slug)).get();
	if (!row) return null;
	const topics = db
		.select({
			slug: t.topic.slug,
			titleEn: t.topic.titleEn,
			titleNl: t.topic.titleNl,
			reasonEn: t.topicSource.reasonEn,
			reasonNl: t.topicSource.reasonNl
		})
		.from(t.topicSource)
		.innerJoin(t.topic, eq(t.topic.slug, t.topicSource.topicSlug))
		.where(eq(t.topicSource.sourceSlug, slug))
		.orderBy(asc(t.topic.position))
		.all()
		.map((topic) => ({
			slug: topic.slug,
			title: pick(locale, topic.titleEn, topic.titleNl),
			reason: pick(locale, topic.reasonEn, topic.reasonNl)
		}));
	const guides = db
		.select(guideSummaryColumns)
		.from(t.guideSource)
		.innerJoin(t.guide, eq(t.guide.slug, t.guideSource.guideSlug))
		.where(eq(t.guideSource.sourceSlug, slug))
		.orderBy(asc(t.guide.position))
		.all()
		.map((guide) => toGuideSummary(db, guide, locale));
	const questions = db
		.select({ n: count() })
		.from(t.questionSource)
		.innerJoin(t.question, eq(t.question.id, t.questionSource.questionId))
		.where(and(eq(t.questionSource.sourceSlug, slug), activeQuestion))
		.get();
	return {
		slug: row.slug,
		name: row.name,
		url: row.url,
		owner: pick(locale, row.ownerEn, row.ownerNl),
		usage: pick(locale, row.usageEn, row.usageNl),
		checkedOn: row.checkedOn,
		topics,
		guides,
		questionCount: questions?.n ?? 0
	};
}

function toGuideSummary(
	db: Db,
	row: { slug: string; titleEn: string; titleNl: string; summaryEn: string; summaryNl: string },
	locale: Locale
): GuideSummary {
	const title = pickHubText(db, locale, 'guide', row.slug, 'title', { en: row.titleEn, nl: row.titleNl });
	return {
		slug: row.slug,
		title: title.value,
		// a guide's title and summary are translated together (one translation item)
		summary: pickHubText(db, locale, 'guide', row.slug, 'summary', { en: row.summaryEn, nl: row.summaryNl }).value,
		lang: title.lang
	};
}

export interface TopicDetail {
	slug: string;
	title: string;
	summary: string;
	sources: { slug: string; name: string; url: string; reason: string }[];
	guides: GuideSummary[];
}

export function getTopic(db: Db, slug: string, locale: Locale): TopicDetail | null {
	const row = db.select().from(t.topic).where(eq(t.topic.slug, slug)).get();
	if (!row) return null;
	const sources = db
		.select({
			slug: t.source.slug,
			name: t.source.name,
			url: t.source.url,
			reasonEn: t.topicSource.reasonEn,
			reasonNl: t.topicSource.reasonNl
		})
		.from(t.topicSource)
		.innerJoin(t.source, eq(t.source.slug, t.topicSource.sourceSlug))
		.where(eq(t.topicSource.topicSlug, slug))
		.orderBy(asc(t.topicSource.position))
		.all()
		.map((source) => ({
			slug: source.slug,
			name: source.name,
			url: source.url,
			reason: pick(locale, source.reasonEn, source.reasonNl)
		}));
	const guides = db
		.select(guideSummaryColumns)
		.from(t.guideTopic)
		.innerJoin(t.guide, eq(t.guide.slug, t.guideTopic.guideSlug))
		.where(eq(t.guideTopic.topicSlug, slug))
		.orderBy(asc(t.guide.position))
		.all()
		.map((guide) => toGuideSummary(db, guide, locale));
	return {
		slug: row.slug,
		title: pick(locale, row.titleEn, row.titleNl),
		summary: pick(locale, row.summaryEn, row.summaryNl),
		sources,
		guides
	};
}

export function listGuides(db: Db, locale: Locale): GuideSummary[] {
	return db
		.select(guideSummaryColumns)
		.from(t.guide)
		.orderBy(asc(t.guide.position))
		.all()
		.map((guide) => toGuideSummary(db, guide, locale));
}

export interface GuideDetail {
	slug: string;
	title: string;
	summary: string;
	/** the language of title and summary */
	lang: Locale;
	/** HTML rendered from markdown at import time; raw HTML in content is escaped. */
	html: string;
	/** false when the page shows the English text: no Dutch version yet, or a learner language (guides are written in English and Dutch; other languages have the title and summary) */
	inRequestedLocale: boolean;
	updatedOn: string;
	checkedOn: string | null;
	volatile: boolean;
	sources: { slug: string; name: string; url: string }[];
	topics: { slug: string; title: string }[];
	themes: ThemeSummary[];
	related: GuideSummary[];
}

export function getGuide(db: Db, slug: string, locale: Locale): GuideDetail | null {
	const row = db.select().from(t.guide).where(eq(t.guide.slug, slug)).get();
	if (!row) return null;
	const sources = db
		.select({ slug: t.source.slug, name: t.source.name, url: t.source.url })
		.from(t.guideSource)
		.innerJoin(t.source, eq(t.source.slug, t.guideSource.sourceSlug))
		.where(eq(t.guideSource.guideSlug, slug))
		.orderBy(asc(t.guideSource.position))
		.all();
	const topics = db
		.select({ slug: t.topic.slug, titleEn: t.topic.titleEn, titleNl: t.topic.titleNl })
		.from(t.guideTopic)
		.innerJoin(t.topic, eq(t.topic.slug, t.guideTopic.topicSlug))
		.where(eq(t.guideTopic.guideSlug, slug))
		.orderBy(asc(t.topic.position))
		.all()
		.map((topic) => ({ slug: topic.slug, title: pick(locale, topic.titleEn, topic.titleNl) }));
	const themes = db
		.select({
			slug: t.theme.slug,
			number: t.theme.number,
			nameEn: t.theme.nameEn,
			nameNl: t.theme.nameNl
		})
		.from(t.guideTheme)
		.innerJoin(t.theme, eq(t.theme.slug, t.guideTheme.themeSlug))
		.where(and(eq(t.guideTheme.guideSlug, slug), activeTheme))
		.orderBy(asc(t.theme.number))
		.all()
		.map((theme) => ({
			slug: theme.slug,
			number: theme.number,
			name: themeNameIn(db, locale, theme),
			questionCount: countThemeQuestions(db, theme.slug)
		}));
	const related = relatedGuides(db, slug).map((guide) => toGuideSummary(db, guide, locale));
	const inDutch = locale === 'nl' && row.bodyHtmlNl !== null;
	const { title, summary, lang } = toGuideSummary(db, row, locale);
	return {
		slug: row.slug,
		title,
		summary,
		lang,
		html: inDutch ? row.bodyHtmlNl! : row.bodyHtmlEn,
		inRequestedLocale: locale === 'en' || inDutch,
		updatedOn: row.updatedOn,
		checkedOn: row.checkedOn,
		volatile: row.volatile,
		sources,
		topics,
		themes,
		related
	};
}

/** The guide's own `related` list first, then guides that share a topic with it (at most 5). */
function relatedGuides(db: Db, slug: string) {
	const explicit = db
		.select(guideSummaryColumns)
		.from(t.guideRelated)
		.innerJoin(t.guide, eq(t.guide.slug, t.guideRelated.relatedSlug))
		.where(eq(t.guideRelated.guideSlug, slug))
		.orderBy(asc(t.guideRelated.position))
		.all();
	const sameTopic = db.all<{
		slug: string;
		titleEn: string;
		titleNl: string;
		summaryEn: string;
		summaryNl: string;
	}>(sql`
		SELECT DISTINCT g.slug, g.title_en AS titleEn, g.title_nl AS titleNl,
			g.summary_en AS summaryEn, g.summary_nl AS summaryNl, g.position
		FROM guide_topic mine
		JOIN guide_topic other ON other.topic_slug = mine.topic_slug AND other.guide_slug <> mine.guide_slug
		JOIN guide g ON g.slug = other.guide_slug
		WHERE mine.guide_slug = ${slug}
		ORDER BY g.position`);
	const seen = new Set<string>();
	return [...explicit, ...sameTopic]
		.filter((guide) => guide.slug !== slug && !seen.has(guide.slug) && seen.add(guide.slug))
		.slice(0, 5);
}

function countThemeQuestions(db: Db, themeSlug: string): number {
	return (
		db
			.select({ n: count() })
			.from(t.question)
			.where(and(eq(t.question.themeSlug, themeSlug), activeQuestion))
			.get()?.n ?? 0
	);
}

export function listThemes(db: Db, locale: Locale): ThemeSummary[] {
	const counts = new Map(
		db
			.select({ slug: t.question.themeSlug, n: count() })
			.from(t.question)
			.where(activeQuestion)
			.groupBy(t.question.themeSlug)
			.all()
			.map((row) => [row.slug, row.n])
	);
	return db
		.select()
		.from(t.theme)
		.where(activeTheme)
		.orderBy(asc(t.theme.number))
		.all()
		.map((theme) => ({
			slug: theme.slug,
			number: theme.number,
			name: themeNameIn(db, locale, theme),
			questionCount: counts.get(theme.slug) ?? 0
		}));
}

export function listQuickAnswers(db: Db, locale: Locale, limit?: number): QuickAnswerItem[] {
	const query = db
		.select({
			id: t.quickAnswer.id,
			questionEn: t.quickAnswer.questionEn,
			questionNl: t.quickAnswer.questionNl,
			answerEn: t.quickAnswer.answerEn,
			answerNl: t.quickAnswer.answerNl,
			guideSlug: t.guide.slug,
			guideTitleEn: t.guide.titleEn,
			guideTitleNl: t.guide.titleNl
		})
		.from(t.quickAnswer)
		.innerJoin(t.guide, eq(t.guide.slug, t.quickAnswer.guideSlug))
		.orderBy(asc(t.quickAnswer.position));
	const rows = limit === undefined ? query.all() : query.limit(limit).all();
	return rows.map((row) => {
		const question = pickHubText(db, locale, 'quick-answer', row.id, 'question', { en: row.questionEn, nl: row.questionNl });
		const guideTitle = pickHubText(db, locale, 'guide', row.guideSlug, 'title', { en: row.guideTitleEn, nl: row.guideTitleNl });
		return {
			id: row.id,
			question: question.value,
			answer: pickHubText(db, locale, 'quick-answer', row.id, 'answer', { en: row.answerEn, nl: row.answerNl }).value,
			lang: question.lang,
			guide: { slug: row.guideSlug, title: guideTitle.value, lang: guideTitle.lang }
		};
	});
}

export type SearchKind = 'source' | 'topic' | 'guide' | 'quick-answer';

export interface SearchHit {
	kind: SearchKind;
	slug: string;
	title: string;
	/** the language of the title, and of the snippet (an English text in a learner language is marked so) */
	titleLang: Locale;
	snippet: string;
	snippetLang: Locale;
	href: string;
}

const hrefFor = (kind: SearchKind, slug: string): string =>
	kind === 'source'
		? `/sources/${slug}`
		: kind === 'topic'
			? `/topics/${slug}`
			: kind === 'guide'
				? `/guides/${slug}`
				: `/quick-answers#${slug}`;

/**
 * Full-text search (SQLite FTS5) over both languages; titles count more than bodies. The user's
 * words are turned into quoted prefix terms, so FTS5 syntax in the input cannot cause an error.
 */
export function searchHub(db: Db, input: string, locale: Locale, limit = 20): SearchHit[] {
	const match = buildSearchQuery(input, locale);
	if (match === null) return [];
	// Columns: kind 0, slug 1, title_en 2, title_nl 3, body_en 4, body_nl 5.
	const bodyColumn = locale === 'nl' ? 5 : 4;
	const rows = db.all<{ kind: SearchKind; slug: string; titleEn: string; titleNl: string; snippet: string; rank: number }>(sql`
		SELECT kind, slug, title_en AS titleEn, title_nl AS titleNl,
			snippet(search_index, ${bodyColumn}, '', '', ' … ', 16) AS snippet,
			bm25(search_index, 0, 0, 10, 10, 1, 1) AS rank
		FROM search_index
		WHERE search_index MATCH ${match}
		ORDER BY rank
		LIMIT ${limit}`);
	const hits = rows.map((row) => {
		const title =
			row.kind === 'guide' || row.kind === 'quick-answer'
				? pickHubText(db, locale, row.kind, row.slug, row.kind === 'guide' ? 'title' : 'question', { en: row.titleEn, nl: row.titleNl })
				: { value: pick(locale, row.titleEn, row.titleNl), lang: hubTextLang(locale) as Locale };
		return { kind: row.kind, slug: row.slug, title: title.value, titleLang: title.lang, snippet: row.snippet, snippetLang: hubTextLang(locale) as Locale, href: hrefFor(row.kind, row.slug), rank: row.rank };
	});
	// In a learner language, its translations are searched too (guides, quick answers); a page
	// found both ways is listed once, with the translation's snippet.
	if (isTranslatedLocale(locale)) {
		const translated = db.all<{ kind: SearchKind; slug: string; title: string; snippet: string; rank: number }>(sql`
			SELECT kind, slug, title, snippet(search_translation, 4, '', '', ' … ', 16) AS snippet,
				bm25(search_translation, 0, 0, 0, 10, 1) AS rank
			FROM search_translation
			WHERE search_translation MATCH ${match} AND locale = ${locale}
			ORDER BY rank
			LIMIT ${limit}`);
		for (const row of translated) {
			const hit = { kind: row.kind, slug: row.slug, title: row.title, titleLang: locale, snippet: row.snippet, snippetLang: locale, href: hrefFor(row.kind, row.slug), rank: row.rank };
			const same = hits.findIndex((other) => other.kind === row.kind && other.slug === row.slug);
			if (same >= 0) hits[same] = { ...hit, rank: Math.min(hit.rank, hits[same]!.rank) };
			else hits.push(hit);
		}
		hits.sort((a, b) => a.rank - b.rank);
	}
	return hits.slice(0, limit).map(({ rank: _rank, ...hit }) => hit);
}

export interface CoverageTheme extends ThemeSummary {
	eindtermen: { code: string; description: string; questionCount: number; indicators: { code: string; description: string; questionCount: number }[] }[];
}

/**
 * The 2025 eindtermen of every active theme with the number of active questions tagged with each
 * (retired themes have no eindtermen left: the importer rewrites them from the files).
 */
export function listBankCoverage(db: Db, locale: Locale): CoverageTheme[] {
	const counts = new Map(
		db
			.select({ code: t.question.eindterm, n: count() })
			.from(t.question)
			.where(activeQuestion)
			.groupBy(t.question.eindterm)
			.all()
			.map((row) => [row.code, row.n])
	);
	const codes = db.select().from(t.eindterm).orderBy(asc(t.eindterm.position)).all();
	return listThemes(db, locale).map((theme) => {
		const rows = codes.filter((row) => row.themeSlug === theme.slug);
		return {
			...theme,
			eindtermen: rows
				.filter((row) => row.parentCode === null)
				.map((eindterm) => {
					const indicators = rows
						.filter((row) => row.parentCode === eindterm.code)
						.map((indicator) => ({
							code: indicator.code,
							description: pick(locale, indicator.descriptionEn, indicator.descriptionNl),
							questionCount: counts.get(indicator.code) ?? 0
						}));
					return {
						code: eindterm.code,
						description: pick(locale, eindterm.descriptionEn, eindterm.descriptionNl),
						questionCount:
							(counts.get(eindterm.code) ?? 0) + indicators.reduce((n, i) => n + i.questionCount, 0),
						indicators
					};
				})
		};
	});
}
