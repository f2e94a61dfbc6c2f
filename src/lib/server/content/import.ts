import { eq, inArray, isNull, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { markdownToText, renderMarkdown } from '../../domain/content';
import { hashContent as hashWith } from '../../domain/content/hash';
import type { Digest } from '../../domain/content/hash';
import type { ContentBundle, Guide, Question } from '../../domain/content';
import type { TermEntry } from '../../domain/content/term-links';
import type { Db } from '../db';
import * as t from '../db/schema';
import { rankNewQuestions } from '../db/new-order';
import { rebuildQuestionSearch } from '../db/question-search';
import { forgetWordTerms } from './word-terms';
import { forgetHubTranslations } from '../hub-text';
import { buildWordCards } from '../../domain/content/word-cards';

export interface ImportReport {
	bundleHash: string;
	/** per kind: rows inserted, updated (hash changed), deleted (hub) */
	inserted: number;
	updated: number;
	deleted: number;
	/** questions and themes that left the files and were retired, or came back and were restored */
	retired: number;
	restored: number;
	unchanged: number;
	searchIndexRebuilt: boolean;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Splits rows for multi-row inserts (SQLite limits the number of bound values per statement). */
function chunks<T>(rows: T[], size: number): T[][] {
	const result: T[][] = [];
	for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
	return result;
}

const nodeSha256: Digest = (text) => createHash('sha256').update(text).digest('hex');

/** domain/content/hash.ts's hashContent with node:crypto's digest (the same hash, much faster). */
function hashContent(value: unknown): string {
	return hashWith(value, nodeSha256);
}

/**
 * Writes a validated content bundle into the database in one transaction. Idempotent: rows are
 * upserted by id/slug and skipped when their content hash is unchanged, so a second import of the
 * same files writes nothing. Hub rows missing from the files are deleted; questions and themes
 * missing from the files are retired (never deleted), because reviews, exam answers and
 * assignments refer to them. Each new content of a question is kept as a question_version.
 */
export function importContent(db: Db, bundle: ContentBundle, now: Date): ImportReport {
	const report: ImportReport = {
		bundleHash: hashContent(bundle),
		inserted: 0,
		updated: 0,
		deleted: 0,
		retired: 0,
		restored: 0,
		unchanged: 0,
		searchIndexRebuilt: false
	};

	db.transaction((tx) => {
		let hubChanged = importThemes(tx, bundle, now, report);
		hubChanged = importSources(tx, bundle, report) || hubChanged;
		hubChanged = importTopics(tx, bundle, report) || hubChanged;
		hubChanged = importGuides(tx, bundle, report) || hubChanged;
		hubChanged = importQuickAnswers(tx, bundle, report) || hubChanged;
		if (importWords(tx, bundle, report)) forgetWordTerms(db);
		const translationsChanged = importTranslations(tx, bundle, report);
		if (translationsChanged) forgetHubTranslations(db);
		importExamPlan(tx, bundle, report);
		const questionsChanged = importQuestions(tx, bundle.questions, 'bank', now, report);
		// word cards follow the words: a changed word is a new version of its card, a removed word retires it
		const wordCardsChanged = importQuestions(tx, buildWordCards(bundle.words), 'word', now, report);
		syncBuiltInSets(tx, bundle, now, questionsChanged);
		// the order of new questions follows the files, the themes and what is retired
		rankNewQuestions(db.$client);

		const indexed = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_index`);
		if (hubChanged || !indexed || indexed.n === 0) {
			rebuildSearchIndex(tx, bundle);
			report.searchIndexRebuilt = true;
		}
		const translationsIndexed = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM search_translation`);
		if (translationsChanged || !translationsIndexed || (translationsIndexed.n === 0 && bundle.translations.length > 0)) rebuildTranslationSearch(tx, bundle);
		const questionsIndexed = tx.get<{ n: number }>(sql`SELECT count(*) AS n FROM question_search`);
		if (questionsChanged || wordCardsChanged || !questionsIndexed || questionsIndexed.n === 0) rebuildQuestionSearch(tx);
		const changed =
			report.inserted + report.updated + report.deleted + report.retired + report.restored;
		if (changed > 0) {
			tx.insert(t.contentImport)
				.values({ importedAt: now, bundleHash: report.bundleHash, summary: report })
				.run();
		}
	});
	return report;
}

/** Compares stored hashes with new ones; returns the slugs to insert, update and delete. */
function diffByHash(
	existing: { key: string; contentHash: string }[],
	incoming: { key: string; hash: string }[]
): { insert: Set<string>; update: Set<string>; remove: string[]; unchanged: number } {
	const stored = new Map(existing.map((row) => [row.key, row.contentHash]));
	const incomingKeys = new Set(incoming.map((item) => item.key));
	const insert = new Set<string>();
	const update = new Set<string>();
	let unchanged = 0;
	for (const item of incoming) {
		const hash = stored.get(item.key);
		if (hash === undefined) insert.add(item.key);
		else if (hash !== item.hash) update.add(item.key);
		else unchanged += 1;
	}
	const remove = existing.map((row) => row.key).filter((key) => !incomingKeys.has(key));
	return { insert, update, remove, unchanged };
}

function count(report: ImportReport, diff: ReturnType<typeof diffByHash>): boolean {
	report.inserted += diff.insert.size;
	report.updated += diff.update.size;
	report.deleted += diff.remove.length;
	report.unchanged += diff.unchanged;
	return diff.insert.size + diff.update.size + diff.remove.length > 0;
}

/**
 * Rows kept by key and content hash (sources, topics, quick answers, words): writes each item that
 * is new or changed, deletes the rows whose key left the files, counts, and says whether any row
 * changed.
 */
function syncByHash<Item extends { key: string; hash: string }>(
	report: ImportReport,
	existing: { key: string; contentHash: string }[],
	items: Item[],
	write: (item: Item) => void,
	remove: (keys: string[]) => void
): boolean {
	const diff = diffByHash(existing, items);
	for (const item of items) if (diff.insert.has(item.key) || diff.update.has(item.key)) write(item);
	if (diff.remove.length > 0) remove(diff.remove);
	return count(report, diff);
}

/**
 * Themes and eindtermen are small reference data: compared as a whole, rewritten when changed.
 * A theme that left themes.yaml is always retired (`retired_at`), never deleted: its retired
 * questions, its built-in question set and past exam answers still point at it. A theme that comes
 * back is restored. Eindtermen are rewritten from the files, so a retired theme keeps none.
 */
function importThemes(tx: Tx, bundle: ContentBundle, now: Date, report: ImportReport): boolean {
	const hash = hashContent(bundle.themes);
	const last = tx.get<{ hash: string } | undefined>(
		sql`SELECT value AS hash FROM content_meta WHERE key = 'themes_hash'`
	);
	if (last?.hash === hash) {
		report.unchanged += bundle.themes.length;
		return false;
	}
	tx.delete(t.eindterm).run();
	const stored = new Map(
		tx
			.select({ slug: t.theme.slug, retiredAt: t.theme.retiredAt })
			.from(t.theme)
			.all()
			.map((row) => [row.slug, row.retiredAt])
	);
	for (const theme of bundle.themes) {
		const values = {
			slug: theme.slug,
			number: theme.number,
			nameNl: theme.name.nl,
			nameEn: theme.name.en,
			everyday: theme.everyday,
			retiredAt: null
		};
		const retiredAt = stored.get(theme.slug);
		if (retiredAt === undefined) {
			tx.insert(t.theme).values(values).run();
			report.inserted += 1;
		} else {
			tx.update(t.theme).set(values).where(eq(t.theme.slug, theme.slug)).run();
			report.updated += 1;
			if (retiredAt !== null) report.restored += 1;
		}
		let position = 0;
		for (const eindterm of theme.eindtermen) {
			tx.insert(t.eindterm)
				.values({
					code: eindterm.code,
					themeSlug: theme.slug,
					parentCode: null,
					descriptionNl: eindterm.description.nl,
					descriptionEn: eindterm.description.en,
					position: position++
				})
				.run();
			for (const indicator of eindterm.indicators) {
				tx.insert(t.eindterm)
					.values({
						code: indicator.code,
						themeSlug: theme.slug,
						parentCode: eindterm.code,
						descriptionNl: indicator.description.nl,
						descriptionEn: indicator.description.en,
						position: position++
					})
					.run();
			}
		}
	}
	const incoming = new Set(bundle.themes.map((theme) => theme.slug));
	const toRetire = [...stored].filter(([slug, retiredAt]) => !incoming.has(slug) && retiredAt === null);
	if (toRetire.length > 0) {
		tx.update(t.theme)
			.set({ retiredAt: now })
			.where(inArray(t.theme.slug, toRetire.map(([slug]) => slug)))
			.run();
		report.retired += toRetire.length;
	}
	tx.run(
		sql`INSERT INTO content_meta (key, value) VALUES ('themes_hash', ${hash})
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`
	);
	return true;
}

function importSources(tx: Tx, bundle: ContentBundle, report: ImportReport): boolean {
	const existing = tx
		.select({ key: t.source.slug, contentHash: t.source.contentHash })
		.from(t.source)
		.all();
	const items = bundle.sources.map((source) => ({ source, key: source.slug, hash: hashContent(source) }));
	const write = ({ source, hash }: (typeof items)[number]) => {
		const values = {
			slug: source.slug,
			name: source.name,
			url: source.url,
			ownerEn: source.owner.en,
			ownerNl: source.owner.nl,
			usageEn: source.usage.en,
			usageNl: source.usage.nl,
			checkedOn: source.checked,
			position: source.position,
			contentHash: hash
		};
		tx.insert(t.source)
			.values(values)
			.onConflictDoUpdate({ target: t.source.slug, set: values })
			.run();
	};
	return syncByHash(report, existing, items, write, (keys) => tx.delete(t.source).where(inArray(t.source.slug, keys)).run());
}

function importTopics(tx: Tx, bundle: ContentBundle, report: ImportReport): boolean {
	const existing = tx.select({ key: t.topic.slug, contentHash: t.topic.contentHash }).from(t.topic).all();
	const items = bundle.topics.map((topic) => ({ topic, key: topic.slug, hash: hashContent(topic) }));
	const write = ({ topic, hash }: (typeof items)[number]) => {
		const values = {
			slug: topic.slug,
			titleEn: topic.title.en,
			titleNl: topic.title.nl,
			summaryEn: topic.summary.en,
			summaryNl: topic.summary.nl,
			position: topic.position,
			contentHash: hash
		};
		tx.insert(t.topic).values(values).onConflictDoUpdate({ target: t.topic.slug, set: values }).run();
		tx.delete(t.topicSource).where(eq(t.topicSource.topicSlug, topic.slug)).run();
		topic.sources.forEach((entry, position) => {
			tx.insert(t.topicSource)
				.values({
					topicSlug: topic.slug,
					sourceSlug: entry.slug,
					reasonEn: entry.reason.en,
					reasonNl: entry.reason.nl,
					position
				})
				.run();
		});
	};
	return syncByHash(report, existing, items, write, (keys) => tx.delete(t.topic).where(inArray(t.topic.slug, keys)).run());
}

/**
 * A guide's row with its HTML rendered now. The hash covers the source and the rendered HTML, so a
 * change of the markdown renderer (an upgrade of markdown-it, a new link rule) re-renders every
 * guide whose output changed, not only guides whose files changed.
 */
function buildGuideRow(guide: Guide, terms: readonly TermEntry[]) {
	const bodyHtmlEn = renderMarkdown(guide.body.en, terms);
	const bodyHtmlNl = guide.body.nl === null ? null : renderMarkdown(guide.body.nl, terms);
	return {
		slug: guide.slug,
		titleEn: guide.title.en,
		titleNl: guide.title.nl,
		summaryEn: guide.summary.en,
		summaryNl: guide.summary.nl,
		bodyHtmlEn,
		bodyHtmlNl,
		updatedOn: guide.updated,
		checkedOn: guide.checked,
		volatile: guide.volatile,
		position: guide.position,
		contentHash: hashContent({ guide, html: { en: bodyHtmlEn, nl: bodyHtmlNl } })
	};
}

function importGuides(tx: Tx, bundle: ContentBundle, report: ImportReport): boolean {
	const existing = tx.select({ key: t.guide.slug, contentHash: t.guide.contentHash }).from(t.guide).all();
	// the guides' KNM words link to /words; a changed word list re-renders the guides it changes
	const terms = bundle.words.filter((word) => word.link).map((word) => ({ id: word.id, term: word.term }));
	const items = bundle.guides.map((guide) => {
		const values = buildGuideRow(guide, terms);
		return { guide, values, key: guide.slug, hash: values.contentHash };
	});
	const diff = diffByHash(existing, items);
	const changed = items.filter(({ key }) => diff.insert.has(key) || diff.update.has(key));
	// Rows first, links second: a guide's `related` list may point at a guide inserted later.
	for (const { values } of changed) {
		tx.insert(t.guide).values(values).onConflictDoUpdate({ target: t.guide.slug, set: values }).run();
	}
	for (const { guide } of changed) {
		tx.delete(t.guideSource).where(eq(t.guideSource.guideSlug, guide.slug)).run();
		tx.delete(t.guideTopic).where(eq(t.guideTopic.guideSlug, guide.slug)).run();
		tx.delete(t.guideTheme).where(eq(t.guideTheme.guideSlug, guide.slug)).run();
		tx.delete(t.guideRelated).where(eq(t.guideRelated.guideSlug, guide.slug)).run();
		guide.sources.forEach((sourceSlug, position) =>
			tx.insert(t.guideSource).values({ guideSlug: guide.slug, sourceSlug, position }).run()
		);
		for (const topicSlug of guide.topics) {
			tx.insert(t.guideTopic).values({ guideSlug: guide.slug, topicSlug }).run();
		}
		for (const themeSlug of guide.themes) {
			tx.insert(t.guideTheme).values({ guideSlug: guide.slug, themeSlug }).run();
		}
		guide.related.forEach((relatedSlug, position) =>
			tx.insert(t.guideRelated).values({ guideSlug: guide.slug, relatedSlug, position }).run()
		);
	}
	if (diff.remove.length > 0) tx.delete(t.guide).where(inArray(t.guide.slug, diff.remove)).run();
	return count(report, diff);
}

function importQuickAnswers(tx: Tx, bundle: ContentBundle, report: ImportReport): boolean {
	const existing = tx
		.select({ key: t.quickAnswer.id, contentHash: t.quickAnswer.contentHash })
		.from(t.quickAnswer)
		.all();
	const items = bundle.quickAnswers.map((answer) => ({ answer, key: answer.id, hash: hashContent(answer) }));
	const write = ({ answer, hash }: (typeof items)[number]) => {
		const values = {
			id: answer.id,
			questionEn: answer.question.en,
			questionNl: answer.question.nl,
			answerEn: answer.answer.en,
			answerNl: answer.answer.nl,
			guideSlug: answer.guide,
			position: answer.position,
			contentHash: hash
		};
		tx.insert(t.quickAnswer)
			.values(values)
			.onConflictDoUpdate({ target: t.quickAnswer.id, set: values })
			.run();
	};
	return syncByHash(report, existing, items, write, (keys) => tx.delete(t.quickAnswer).where(inArray(t.quickAnswer.id, keys)).run());
}

/** content/words: upserted by id when the content changed, deleted when they left the files. */
function importWords(tx: Tx, bundle: ContentBundle, report: ImportReport): boolean {
	const existing = tx.select({ key: t.word.id, contentHash: t.word.contentHash }).from(t.word).all();
	const items = bundle.words.map((word) => ({ word, key: word.id, hash: hashContent(word) }));
	const write = ({ word, hash }: (typeof items)[number]) => {
		const values = {
			id: word.id,
			term: word.term,
			article: word.article,
			definitionNl: word.definition,
			translationEn: word.translation,
			exampleNl: word.example,
			themes: word.themes,
			guideSlug: word.guide,
			linked: word.link,
			position: word.position,
			contentHash: hash
		};
		tx.insert(t.word).values(values).onConflictDoUpdate({ target: t.word.id, set: values }).run();
	};
	return syncByHash(report, existing, items, write, (keys) => tx.delete(t.word).where(inArray(t.word.id, keys)).run());
}

/**
 * The translations into the learners' languages, keyed kind/locale/id. Staleness was decided by the
 * validator (the hash of the Dutch the translation was made from); it is part of the row's hash, so
 * a Dutch change that makes a translation stale rewrites that row.
 */
function importTranslations(tx: Tx, bundle: ContentBundle, report: ImportReport): boolean {
	const existing = tx.select({ key: t.contentTranslation.key, contentHash: t.contentTranslation.contentHash }).from(t.contentTranslation).all();
	const items = bundle.translations.map((translation) => ({
		translation,
		key: `${translation.kind}/${translation.locale}/${translation.id}`,
		hash: hashContent({ fields: translation.fields, stale: translation.stale })
	}));
	const write = ({ translation, key, hash }: (typeof items)[number]) => {
		const values = {
			key,
			kind: translation.kind,
			itemId: translation.id,
			locale: translation.locale,
			fields: translation.fields as Record<string, string | string[]>,
			stale: translation.stale,
			contentHash: hash
		};
		tx.insert(t.contentTranslation).values(values).onConflictDoUpdate({ target: t.contentTranslation.key, set: values }).run();
	};
	return syncByHash(report, existing, items, write, (keys) => {
		for (const part of chunks(keys, 500)) tx.delete(t.contentTranslation).where(inArray(t.contentTranslation.key, part)).run();
	});
}

/** content/exam-plan.yaml, kept whole as one JSON document (it is small and read as a whole). */
function importExamPlan(tx: Tx, bundle: ContentBundle, report: ImportReport): void {
	const hash = hashContent(bundle.examPlan);
	const existing = tx.select({ hash: t.contentDocument.contentHash }).from(t.contentDocument).where(eq(t.contentDocument.name, 'exam-plan')).get();
	if (existing?.hash === hash) return;
	const values = { name: 'exam-plan', body: bundle.examPlan, contentHash: hash };
	tx.insert(t.contentDocument).values(values).onConflictDoUpdate({ target: t.contentDocument.name, set: values }).run();
	if (existing) report.updated++;
	else report.inserted++;
}

/** The hash covers what a learner sees and what the question links to, not its position. */
function hashQuestion(question: Question): string {
	const { position: _position, file: _file, ...content } = question;
	return hashContent(content);
}

/**
 * Writes the questions of one origin: the bank's (questions/*.yaml) or the word cards (built from
 * content/words). Returns true when any of its rows changed (inserted, updated, retired or restored).
 *
 * Versions: a new question is version 1; each change of its content hash (also when a retired
 * question comes back changed) makes the next version. Every version is kept in question_version,
 * never edited or deleted, because answers record the version they answered.
 */
function importQuestions(tx: Tx, questions: Question[], origin: 'bank' | 'word', now: Date, report: ImportReport): boolean {
	const changesBefore = report.inserted + report.updated + report.retired + report.restored;
	const existing = tx
		.select({
			id: t.question.id,
			contentHash: t.question.contentHash,
			version: t.question.version,
			position: t.question.position,
			retiredAt: t.question.retiredAt
		})
		.from(t.question)
		// teachers' own questions are not in the files and never retired by them
		.where(eq(t.question.origin, origin))
		.all();
	const stored = new Map(existing.map((row) => [row.id, row]));
	const incoming = new Set<string>();
	const sourceLinks: { questionId: string; sourceSlug: string }[] = [];
	const guideLinks: { questionId: string; guideSlug: string }[] = [];
	const newQuestions: (typeof t.question.$inferInsert)[] = [];
	const versions: (typeof t.questionVersion.$inferInsert)[] = [];

	for (const question of questions) {
		incoming.add(question.id);
		const hash = hashQuestion(question);
		const row = stored.get(question.id);
		const values = {
			id: question.id,
			themeSlug: question.theme,
			eindterm: question.eindterm,
			questionNl: question.question.nl,
			questionEn: question.question.en,
			options: question.options.map((option) => ({ nl: option.nl, en: option.en })),
			correctIndex: question.correctIndex,
			explanationNl: question.explanation.nl,
			explanationEn: question.explanation.en,
			sourceUrl: question.sourceUrl,
			checkedOn: question.checked,
			volatile: question.volatile,
			image: question.image,
			position: question.position,
			contentHash: hash,
			origin
		};
		const restoring = row !== undefined && row.retiredAt !== null;
		if (!row) {
			newQuestions.push({ ...values, version: 1, createdAt: now, updatedAt: now, retiredAt: null });
			versions.push(buildVersionRow(values, 1, now));
			report.inserted += 1;
		} else if (row.contentHash !== hash) {
			const version = row.version + 1;
			tx.update(t.question)
				.set({ ...values, version, updatedAt: now, retiredAt: null })
				.where(eq(t.question.id, question.id))
				.run();
			versions.push(buildVersionRow(values, version, now));
			report.updated += 1;
			if (restoring) report.restored += 1;
		} else {
			if (restoring || row.position !== question.position) {
				tx.update(t.question)
					.set({ retiredAt: null, position: question.position })
					.where(eq(t.question.id, question.id))
					.run();
				if (restoring) report.restored += 1;
			}
			report.unchanged += 1;
			// A retired question may have lost links while it was away: deleting a hub source or
			// guide cascades to question_source / question_guide, and the validator does not stop
			// that because the question was not in the files. So a restored question always gets its
			// links written again; an active unchanged one keeps them.
			if (!restoring) continue;
		}
		if (row) {
			tx.delete(t.questionSource).where(eq(t.questionSource.questionId, question.id)).run();
			tx.delete(t.questionGuide).where(eq(t.questionGuide.questionId, question.id)).run();
		}
		for (const sourceSlug of question.sources) sourceLinks.push({ questionId: question.id, sourceSlug });
		for (const guideSlug of question.guides) guideLinks.push({ questionId: question.id, guideSlug });
	}
	// One multi-row insert per table instead of one statement per row (questions before their links).
	for (const chunk of chunks(newQuestions, 50)) tx.insert(t.question).values(chunk).run();
	for (const chunk of chunks(versions, 50)) tx.insert(t.questionVersion).values(chunk).run();
	for (const chunk of chunks(sourceLinks, 400)) tx.insert(t.questionSource).values(chunk).run();
	for (const chunk of chunks(guideLinks, 400)) tx.insert(t.questionGuide).values(chunk).run();

	const toRetire = existing.filter((row) => !incoming.has(row.id) && row.retiredAt === null);
	if (toRetire.length > 0) {
		tx.update(t.question)
			.set({ retiredAt: now })
			.where(
				sql`${t.question.id} IN (${sql.join(
					toRetire.map((row) => sql`${row.id}`),
					sql`, `
				)}) AND ${isNull(t.question.retiredAt)}`
			)
			.run();
		report.retired += toRetire.length;
	}
	return report.inserted + report.updated + report.retired + report.restored > changesBefore;
}

/** The question_version row of a question's content as learners see it in this version. */
function buildVersionRow(
	values: Omit<typeof t.questionVersion.$inferInsert, 'questionId' | 'version' | 'createdAt'> & { id: string },
	version: number,
	now: Date
): typeof t.questionVersion.$inferInsert {
	return {
		questionId: values.id,
		version,
		contentHash: values.contentHash,
		questionNl: values.questionNl,
		questionEn: values.questionEn,
		options: values.options,
		correctIndex: values.correctIndex,
		explanationNl: values.explanationNl,
		explanationEn: values.explanationEn,
		sourceUrl: values.sourceUrl,
		createdAt: now
	};
}

/** The id of the built-in question set of a theme. */
export const themeSetId = (themeSlug: string): string => `theme-${themeSlug}`;

/**
 * One built-in question set per theme (owner null) holding its active questions in bank order.
 * Rewritten when questions changed; teachers' own sets are never touched here. The set of a retired
 * theme is kept as it was, like the theme (its questions are retired with it); lists of sets should
 * leave it out.
 */
function syncBuiltInSets(tx: Tx, bundle: ContentBundle, now: Date, questionsChanged: boolean): void {
	const existing = new Set(
		tx
			.select({ id: t.questionSet.id })
			.from(t.questionSet)
			.where(isNull(t.questionSet.ownerId))
			.all()
			.map((row) => row.id)
	);
	if (!questionsChanged && bundle.themes.every((theme) => existing.has(themeSetId(theme.slug)))) return;
	for (const theme of bundle.themes) {
		const id = themeSetId(theme.slug);
		const values = { id, titleEn: theme.name.en, titleNl: theme.name.nl, ownerId: null, themeSlug: theme.slug, position: theme.number, createdAt: now };
		tx.insert(t.questionSet)
			.values(values)
			.onConflictDoUpdate({ target: t.questionSet.id, set: { titleEn: values.titleEn, titleNl: values.titleNl, position: values.position } })
			.run();
		tx.delete(t.questionSetItem).where(eq(t.questionSetItem.setId, id)).run();
		const items = bundle.questions
			.filter((question) => question.theme === theme.slug)
			.map((question, position) => ({ setId: id, questionId: question.id, position }));
		for (const chunk of chunks(items, 400)) tx.insert(t.questionSetItem).values(chunk).run();
	}
}

function rebuildSearchIndex(tx: Tx, bundle: ContentBundle): void {
	tx.run(sql`DELETE FROM search_index`);
	const add = (
		kind: string,
		slug: string,
		titleEn: string,
		titleNl: string,
		bodyEn: string,
		bodyNl: string
	): void => {
		tx.run(
			sql`INSERT INTO search_index (kind, slug, title_en, title_nl, body_en, body_nl)
				VALUES (${kind}, ${slug}, ${titleEn}, ${titleNl}, ${bodyEn}, ${bodyNl})`
		);
	};
	for (const source of bundle.sources) {
		add(
			'source',
			source.slug,
			source.name,
			source.name,
			`${source.owner.en} ${source.usage.en} ${source.url}`,
			`${source.owner.nl} ${source.usage.nl} ${source.url}`
		);
	}
	for (const topic of bundle.topics) {
		add(
			'topic',
			topic.slug,
			topic.title.en,
			topic.title.nl,
			`${topic.summary.en} ${topic.sources.map((s) => s.reason.en).join(' ')}`,
			`${topic.summary.nl} ${topic.sources.map((s) => s.reason.nl).join(' ')}`
		);
	}
	for (const guide of bundle.guides) {
		add(
			'guide',
			guide.slug,
			guide.title.en,
			guide.title.nl,
			`${guide.summary.en} ${markdownToText(guide.body.en)}`,
			`${guide.summary.nl} ${markdownToText(guide.body.nl ?? '')}`
		);
	}
	for (const answer of bundle.quickAnswers) {
		add('quick-answer', answer.id, answer.question.en, answer.question.nl, answer.answer.en, answer.answer.nl);
	}
}

/**
 * The hub's current translations (guide titles and summaries, quick answers) for search in the
 * learners' languages; a stale one is left out, as pages show English instead.
 */
function rebuildTranslationSearch(tx: Tx, bundle: ContentBundle): void {
	tx.run(sql`DELETE FROM search_translation`);
	for (const translation of bundle.translations) {
		if (translation.stale) continue;
		const fields = translation.fields as Record<string, string>;
		const row =
			translation.kind === 'guide'
				? { kind: 'guide', title: fields.title, body: fields.summary }
				: translation.kind === 'quick-answer'
					? { kind: 'quick-answer', title: fields.question, body: fields.answer }
					: null;
		if (!row) continue;
		tx.run(sql`INSERT INTO search_translation (kind, slug, locale, title, body) VALUES (${row.kind}, ${translation.id}, ${translation.locale}, ${row.title}, ${row.body})`);
	}
}
