import { isScalar, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { findSourceSiteProblem, isOfficialUrl } from './official-domains';
import { checkOptionShape, checkSourceUrl, compareQuestions, countSentences, countWords, describeQuestionProblem, isHomepage, meaningWords, normalizeText } from './question-rules';
import { KNM_EXAM_ID, PLAN_FACTS, PLAN_FACTS_WITH_WEEKS } from '../exam-plan/checklist';
import {
	guideFrontmatterSchema,
	examPlanFileSchema,
	guideTranslationFrontmatterSchema,
	questionSchema,
	questionsFileSchema,
	quickAnswersFileSchema,
	sourcesFileSchema,
	themesFileSchema,
	topicsFileSchema,
	wordsFileSchema
} from './schemas';
import type { Localized } from './schemas';
import { classifyTranslationPath, isTranslatedLocale, isTranslationPath, listTranslatableItems, TRANSLATED_LOCALES, translationHash, translationItemSchemas } from './translations';
import type { Translation } from './translations';
import type {
	ContentBundle,
	ContentError,
	ContentFile,
	ExamPlanContent,
	Guide,
	Question,
	QuickAnswer,
	Source,
	Theme,
	Topic,
	Word
} from './types';

export type ValidationResult =
	| { ok: true; bundle: ContentBundle }
	| { ok: false; errors: ContentError[] };

/** The paths validateContent expects, relative to the project root. */
export const CONTENT_PATHS = {
	themes: 'content/themes.yaml',
	sources: 'content/sources.yaml',
	topics: 'content/topics.yaml',
	quickAnswers: 'content/quick-answers.yaml',
	examPlan: 'content/exam-plan.yaml',
	guidesDir: 'content/guides/',
	guideTranslationsDir: 'content/guides/nl/',
	questionsDir: 'questions/',
	wordsDir: 'content/words/'
} as const;

/**
 * Validates every content file and the references between them. Pure: the caller reads the
 * files. Returns all errors found, each naming the file, the id and the problem.
 */
export function validateContent(files: readonly ContentFile[]): ValidationResult {
	const errors: ContentError[] = [];
	const byPath = new Map(files.map((file) => [file.path, file]));
	const report = (file: string, id: string | null, message: string): void => {
		errors.push({ file, id, message });
	};

	const themes = readThemes(byPath, report);
	const sources = readSources(byPath, report);
	const topics = readTopics(byPath, report);
	const quickAnswers = readQuickAnswers(byPath, report);
	const examPlan = readExamPlan(byPath, report);
	const guides = readGuides(files, report);
	const questions = readQuestions(files, themes, report);
	const words = readWords(files, themes, report);
	const translations = readTranslations(files, { questions, quickAnswers, guides, themes, words }, report);

	const themeSlugs = new Set(themes.map((theme) => theme.slug));
	const sourceSlugs = new Set(sources.map((source) => source.slug));
	const topicSlugs = new Set(topics.map((topic) => topic.slug));
	const guideSlugs = new Set(guides.map((guide) => guide.slug));

	for (const topic of topics) {
		for (const entry of topic.sources) {
			if (!sourceSlugs.has(entry.slug)) {
				report(CONTENT_PATHS.topics, topic.slug, `unknown source slug "${entry.slug}"`);
			}
		}
	}
	for (const guide of guides) {
		const check = (slugs: string[], known: Set<string>, kind: string): void => {
			for (const slug of slugs) {
				if (!known.has(slug)) report(guide.file, guide.slug, `unknown ${kind} slug "${slug}"`);
			}
		};
		check(guide.sources, sourceSlugs, 'source');
		check(guide.topics, topicSlugs, 'topic');
		check(guide.themes, themeSlugs, 'theme');
		check(guide.related, guideSlugs, 'guide');
	}
	for (const answer of quickAnswers) {
		if (!guideSlugs.has(answer.guide)) {
			report(CONTENT_PATHS.quickAnswers, answer.id, `unknown guide slug "${answer.guide}"`);
		}
	}
	const sourcesBySlug = new Map(sources.map((source) => [source.slug, source]));
	for (const fact of examPlan.facts) {
		if (!guideSlugs.has(fact.guide)) report(CONTENT_PATHS.examPlan, fact.id, `unknown guide slug "${fact.guide}"`);
		if (!sourceSlugs.has(fact.source)) report(CONTENT_PATHS.examPlan, fact.id, `unknown source slug "${fact.source}"`);
		// the same rule as a question's: the page is on the site of the source the fact names
		else if (isOfficialUrl(fact.sourceUrl)) {
			const site = findSourceSiteProblem({ sourceUrl: fact.sourceUrl, sources: [fact.source] }, sourcesBySlug);
			if (site) report(CONTENT_PATHS.examPlan, fact.id, site);
		}
	}
	for (const question of questions) {
		for (const slug of question.sources) {
			if (!sourceSlugs.has(slug)) {
				report(question.file, question.id, `unknown source slug "${slug}"`);
			}
		}
		// the page that states the fact, on the site of a source the question names
		if (isHomepage(question.sourceUrl)) report(question.file, question.id, `source_url "${question.sourceUrl}" is a homepage; cite the page that states the fact`);
		else if (question.sources.every((slug) => sourceSlugs.has(slug))) {
			const site = findSourceSiteProblem(question, sourcesBySlug);
			if (site) report(question.file, question.id, site);
		}
		for (const slug of question.guides) {
			if (!guideSlugs.has(slug)) report(question.file, question.id, `unknown guide slug "${slug}"`);
		}
	}

	for (const word of words) {
		if (word.guide !== null && !guideSlugs.has(word.guide)) report(word.file, word.id, `unknown guide slug "${word.guide}"`);
	}

	if (errors.length > 0) return { ok: false, errors };
	return { ok: true, bundle: { themes, sources, topics, guides, quickAnswers, examPlan, questions, words, translations } };
}

/** One line per error: `file: id: message`. */
export function formatContentError(error: ContentError): string {
	return error.id ? `${error.file}: ${error.id}: ${error.message}` : `${error.file}: ${error.message}`;
}

type Report = (file: string, id: string | null, message: string) => void;

/**
 * Keys whose values are eindterm or indicator codes, or a translation's hash. YAML reads an
 * unquoted `3.10` as the number 3.1 (and a hash such as `4e12…` as a number), so these values keep
 * the text written in the file instead.
 */
const CODE_KEYS = new Set(['code', 'eindterm', 'hash']);

/** Replaces each plain number under a code key by its source text, so `code: 3.10` is "3.10". */
function keepCodesAsWritten(doc: Document.Parsed): void {
	visit(doc, {
		Pair(_, pair) {
			const { key, value } = pair;
			if (!isScalar(key) || !CODE_KEYS.has(String(key.value))) return;
			if (isScalar(value) && typeof value.value === 'number' && value.source !== undefined) {
				value.value = value.source;
			}
		}
	});
}

function parseYamlFile(file: ContentFile, report: Report): unknown {
	// Fast path without pretty errors (no line counting); a failing file is parsed again for a
	// readable message.
	let doc = parseDocument(file.text, { prettyErrors: false });
	if (doc.errors.length > 0) doc = parseDocument(file.text, { prettyErrors: true });
	const first = doc.errors[0];
	if (first) {
		report(file.path, null, `malformed YAML: ${first.message.split('\n')[0]}`);
		return undefined;
	}
	keepCodesAsWritten(doc);
	try {
		return doc.toJS();
	} catch (cause) {
		// e.g. too many aliases: toJS throws instead of adding to doc.errors
		report(file.path, null, `malformed YAML: ${cause instanceof Error ? cause.message : String(cause)}`);
		return undefined;
	}
}

function describeIssues(error: z.ZodError): string {
	return error.issues
		.map((issue) => {
			const path = issue.path.map(String).join('.');
			return path ? `${path} ${issue.message}` : issue.message;
		})
		.join('; ');
}

/** Reads a required YAML file and checks its shape; returns null when absent or invalid. */
function readYamlFile<T>(
	byPath: Map<string, ContentFile>,
	path: string,
	schema: z.ZodType<T>,
	report: Report
): T | null {
	const file = byPath.get(path);
	if (!file) {
		report(path, null, 'file is missing');
		return null;
	}
	const raw = parseYamlFile(file, report);
	if (raw === undefined) return null;
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		const id = first ? idAt(raw, first.path) : null;
		report(path, id, describeIssues(parsed.error));
		return null;
	}
	return parsed.data;
}

/** Finds the slug or id of the list item an issue path points into, for the error message. */
function idAt(raw: unknown, path: readonly PropertyKey[]): string | null {
	if (path.length < 2) return null;
	const list = (raw as Record<string, unknown>)[String(path[0])];
	if (!Array.isArray(list)) return null;
	const item: unknown = list[Number(path[1])];
	if (item && typeof item === 'object') {
		const record = item as Record<string, unknown>;
		const id = record.slug ?? record.id;
		if (typeof id === 'string') return id;
	}
	return `#${Number(path[1]) + 1}`;
}

function reportDuplicates(items: { key: string; file: string }[], kind: string, report: Report) {
	const seen = new Map<string, string>();
	for (const item of items) {
		const first = seen.get(item.key);
		if (first !== undefined) {
			report(item.file, item.key, `duplicate ${kind} (first defined in ${first})`);
		} else {
			seen.set(item.key, item.file);
		}
	}
}

function readThemes(byPath: Map<string, ContentFile>, report: Report): Theme[] {
	const data = readYamlFile(byPath, CONTENT_PATHS.themes, themesFileSchema, report);
	if (!data) return [];
	const themes: Theme[] = data.themes.map((theme) => ({
		slug: theme.slug,
		number: theme.number,
		name: theme.name,
		everyday: theme.everyday ?? false,
		eindtermen: theme.eindtermen.map((eindterm) => ({
			code: eindterm.code,
			description: eindterm.description,
			indicators: eindterm.indicators
		}))
	}));
	reportDuplicates(
		themes.map((theme) => ({ key: theme.slug, file: CONTENT_PATHS.themes })),
		'theme slug',
		report
	);
	const codes: { key: string; file: string }[] = [];
	for (const theme of themes) {
		for (const eindterm of theme.eindtermen) {
			if (!eindterm.code.startsWith(`${theme.number}.`) || eindterm.code.split('.').length !== 2) {
				report(CONTENT_PATHS.themes, eindterm.code, `eindterm code does not belong to theme ${theme.number}`);
			}
			codes.push({ key: eindterm.code, file: CONTENT_PATHS.themes });
			for (const indicator of eindterm.indicators) {
				if (!indicator.code.startsWith(`${eindterm.code}.`)) {
					report(CONTENT_PATHS.themes, indicator.code, `indicator code does not belong to eindterm ${eindterm.code}`);
				}
				codes.push({ key: indicator.code, file: CONTENT_PATHS.themes });
			}
		}
	}
	reportDuplicates(codes, 'eindterm code', report);
	return themes;
}

/** Reads one of the list files (sources, topics, quick answers) and numbers its items. */
function readList<Item, Key extends string>(
	byPath: Map<string, ContentFile>,
	path: string,
	schema: z.ZodType<Record<Key, Item[]>>,
	listKey: Key,
	idOf: (item: Item) => string,
	kind: string,
	report: Report
): (Item & { position: number })[] {
	const data = readYamlFile(byPath, path, schema, report);
	if (!data) return [];
	const items = data[listKey].map((item, position) => ({ ...item, position }));
	reportDuplicates(
		items.map((item) => ({ key: idOf(item), file: path })),
		kind,
		report
	);
	return items;
}

function readSources(byPath: Map<string, ContentFile>, report: Report): Source[] {
	return readList(byPath, CONTENT_PATHS.sources, sourcesFileSchema, 'sources', (s) => s.slug, 'source slug', report);
}

function readTopics(byPath: Map<string, ContentFile>, report: Report): Topic[] {
	return readList(byPath, CONTENT_PATHS.topics, topicsFileSchema, 'topics', (t) => t.slug, 'topic slug', report);
}

function readQuickAnswers(byPath: Map<string, ContentFile>, report: Report): QuickAnswer[] {
	return readList(
		byPath,
		CONTENT_PATHS.quickAnswers,
		quickAnswersFileSchema,
		'quick_answers',
		(a) => a.id,
		'quick answer id',
		report
	);
}

/**
 * content/exam-plan.yaml: unique ids, every fact the checklist needs (with its weeks where it
 * counts with them), official https pages, and the KNM exam (its date is the scheduler's).
 */
function readExamPlan(byPath: Map<string, ContentFile>, report: Report): ExamPlanContent {
	const path = CONTENT_PATHS.examPlan;
	const data = readYamlFile(byPath, path, examPlanFileSchema, report);
	if (!data) return { facts: [], exams: [] };
	reportDuplicates(data.facts.map((fact) => ({ key: fact.id, file: path })), 'plan fact id', report);
	reportDuplicates(data.exams.map((exam) => ({ key: exam.id, file: path })), 'plan exam id', report);
	const facts = data.facts.map((fact) => ({
		id: fact.id,
		weeks: fact.weeks ?? null,
		text: fact.text,
		guide: fact.guide,
		source: fact.source,
		sourceUrl: fact.source_url,
		checked: fact.checked,
		volatile: fact.volatile
	}));
	for (const fact of facts) {
		if (!isOfficialUrl(fact.sourceUrl)) report(path, fact.id, `source_url must be an https page on an official domain, not "${fact.sourceUrl}"`);
	}
	for (const [key, id] of Object.entries(PLAN_FACTS) as [keyof typeof PLAN_FACTS, string][]) {
		const fact = facts.find((item) => item.id === id);
		if (!fact) report(path, id, 'this fact is missing (the exam plan needs it)');
		else if (PLAN_FACTS_WITH_WEEKS.includes(key) && fact.weeks === null) report(path, id, 'this fact needs weeks (the exam plan counts with it)');
	}
	const exams = data.exams.map((exam) => ({ id: exam.id, name: exam.name, booking: exam.booking }));
	for (const exam of exams) {
		if (Object.keys(exam.booking).length === 0) report(path, exam.id, 'booking must name at least one law (2013 or 2021)');
	}
	if (!exams.some((exam) => exam.id === KNM_EXAM_ID)) report(path, KNM_EXAM_ID, 'the KNM exam is missing (its date is the one practice plans for)');
	return { facts, exams };
}

/** Splits `---\nyaml\n---\nbody` into its parts; null when there is no frontmatter. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } | null {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	if (!match) return null;
	return { frontmatter: match[1] ?? '', body: match[2] ?? '' };
}

function isGuideFile(path: string, dir: string): boolean {
	return path.startsWith(dir) && path.endsWith('.md') && !path.slice(dir.length).includes('/');
}

function readGuides(files: readonly ContentFile[], report: Report): Guide[] {
	const guides: Guide[] = [];
	for (const file of files.filter((f) => isGuideFile(f.path, CONTENT_PATHS.guidesDir))) {
		const parts = splitFrontmatter(file.text);
		if (!parts) {
			report(file.path, null, 'missing frontmatter (a block between --- lines at the top)');
			continue;
		}
		const raw = parseYamlFile({ path: file.path, text: parts.frontmatter }, report);
		if (raw === undefined) continue;
		const parsed = guideFrontmatterSchema.safeParse(raw);
		if (!parsed.success) {
			const slug = (raw as { slug?: unknown } | null)?.slug;
			report(file.path, typeof slug === 'string' ? slug : null, describeIssues(parsed.error));
			continue;
		}
		const meta = parsed.data;
		const expected = file.path.slice(CONTENT_PATHS.guidesDir.length, -'.md'.length);
		if (meta.slug !== expected) {
			report(file.path, meta.slug, `slug must match the file name "${expected}"`);
			continue;
		}
		if (parts.body.trim() === '') {
			report(file.path, meta.slug, 'guide body is empty');
			continue;
		}
		guides.push({
			slug: meta.slug,
			file: file.path,
			title: { en: meta.title, nl: meta.title_nl },
			summary: { en: meta.summary, nl: meta.summary_nl },
			sources: meta.sources,
			topics: meta.topics,
			themes: meta.themes,
			related: meta.related,
			updated: meta.updated,
			checked: meta.checked ?? null,
			volatile: meta.volatile,
			body: { en: parts.body.trim(), nl: null },
			position: 0
		});
	}
	guides.sort((a, b) => a.slug.localeCompare(b.slug));
	guides.forEach((guide, index) => (guide.position = index));
	reportDuplicates(
		guides.map((guide) => ({ key: guide.slug, file: guide.file })),
		'guide slug',
		report
	);

	const bySlug = new Map(guides.map((guide) => [guide.slug, guide]));
	for (const file of files.filter((f) => isGuideFile(f.path, CONTENT_PATHS.guideTranslationsDir))) {
		const parts = splitFrontmatter(file.text);
		if (!parts) {
			report(file.path, null, 'missing frontmatter (a block between --- lines at the top)');
			continue;
		}
		const raw = parseYamlFile({ path: file.path, text: parts.frontmatter }, report);
		if (raw === undefined) continue;
		const parsed = guideTranslationFrontmatterSchema.safeParse(raw);
		if (!parsed.success) {
			report(file.path, null, describeIssues(parsed.error));
			continue;
		}
		const guide = bySlug.get(parsed.data.slug);
		if (!guide) {
			report(file.path, parsed.data.slug, `unknown guide slug "${parsed.data.slug}" (no English guide)`);
			continue;
		}
		if (parts.body.trim() !== '') guide.body.nl = parts.body.trim();
	}
	return guides;
}

function readQuestions(files: readonly ContentFile[], themes: Theme[], report: Report): Question[] {
	const themeBySlug = new Map(themes.map((theme) => [theme.slug, theme]));
	const questions: Question[] = [];
	const questionFiles = files
		.filter((f) => f.path.startsWith(CONTENT_PATHS.questionsDir) && !isTranslationPath(f.path) && /\.ya?ml$/.test(f.path))
		.sort((a, b) => a.path.localeCompare(b.path));

	for (const file of questionFiles) {
		const raw = parseYamlFile(file, report);
		if (raw === undefined) continue;
		const shape = questionsFileSchema.safeParse(raw);
		if (!shape.success) {
			report(file.path, null, describeIssues(shape.error));
			continue;
		}
		const theme = themeBySlug.get(shape.data.theme);
		if (!theme) {
			report(file.path, null, `unknown theme "${shape.data.theme}"`);
			continue;
		}
		const fileSlug = file.path.slice(CONTENT_PATHS.questionsDir.length).replace(/\.ya?ml$/, '');
		if (fileSlug !== theme.slug) {
			report(file.path, null, `file name must be the theme slug "${theme.slug}"`);
			continue;
		}
		const codes = new Set(
			theme.eindtermen.flatMap((e) => [e.code, ...e.indicators.map((i) => i.code)])
		);
		shape.data.questions.forEach((item, index) => {
			const question = readQuestion(item, index, file.path, theme, codes, report);
			if (question) questions.push(question);
		});
	}
	reportDuplicates(
		questions.map((question) => ({ key: question.id, file: question.file })),
		'question id',
		report
	);
	reportNearDuplicates(questions, report);
	questions.forEach((question, index) => (question.position = index));
	return questions;
}

/** The longest definition of a word, in words (A2: one short sentence). */
export const MAX_DEFINITION_WORDS = 20;

/**
 * content/words/<theme>.yaml: the file names its theme; ids and terms are unique over all files;
 * the themes a word names exist; the definition is one sentence of at most MAX_DEFINITION_WORDS
 * words that does not use the term; the example is one sentence that does (a form of it: its
 * first four letters).
 */
function readWords(files: readonly ContentFile[], themes: Theme[], report: Report): Word[] {
	const themeSlugs = new Set(themes.map((theme) => theme.slug));
	const words: Word[] = [];
	const wordFiles = files.filter((f) => f.path.startsWith(CONTENT_PATHS.wordsDir) && /\.ya?ml$/.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
	for (const file of wordFiles) {
		const raw = parseYamlFile(file, report);
		if (raw === undefined) continue;
		const shape = wordsFileSchema.safeParse(raw);
		if (!shape.success) {
			report(file.path, idAt(raw, shape.error.issues[0]?.path ?? []), describeIssues(shape.error));
			continue;
		}
		const fileSlug = file.path.slice(CONTENT_PATHS.wordsDir.length).replace(/\.ya?ml$/, '');
		if (!themeSlugs.has(shape.data.theme) || fileSlug !== shape.data.theme) {
			report(file.path, null, `the file must be named after its theme, and "${shape.data.theme}" must be a theme slug`);
			continue;
		}
		for (const item of shape.data.words) {
			const fail = (message: string) => report(file.path, item.id, message);
			for (const theme of item.themes) if (!themeSlugs.has(theme)) fail(`unknown theme "${theme}"`);
			const definitionWords = countWords(item.definition);
			if (countSentences(item.definition) !== 1 || definitionWords > MAX_DEFINITION_WORDS) {
				fail(`the definition must be one sentence of at most ${MAX_DEFINITION_WORDS} words (it has ${definitionWords})`);
			}
			const term = normalizeText(item.term);
			if (` ${normalizeText(item.definition)} `.includes(` ${term} `)) fail(`the definition uses the term "${item.term}" itself`);
			if (countSentences(item.example) !== 1) fail('the example must be one sentence');
			const stem = term.split(' ')[0]!.slice(0, 4);
			if (!normalizeText(item.example).includes(stem)) fail(`the example does not use the term "${item.term}"`);
			words.push({
				id: item.id,
				file: file.path,
				term: item.term,
				article: item.article ?? null,
				definition: item.definition,
				translation: item.translation,
				example: item.example,
				themes: [shape.data.theme, ...item.themes.filter((theme) => theme !== shape.data.theme)],
				guide: item.guide ?? null,
				link: item.link,
				position: words.length
			});
		}
	}
	reportDuplicates(words.map((word) => ({ key: word.id, file: word.file })), 'word id', report);
	reportDuplicates(words.map((word) => ({ key: normalizeText(word.term), file: word.file })), 'word term', report);
	return words;
}

/**
 * Two questions that test the same fact (question-rules.ts compareQuestions) are an error, unless
 * one names the other in `variants`. Only pairs that share a question word are compared.
 */
function reportNearDuplicates(questions: Question[], report: Report): void {
	const ids = new Set(questions.map((question) => question.id));
	const byWord = new Map<string, number[]>();
	questions.forEach((question, index) => {
		for (const variant of question.variants) {
			if (!ids.has(variant) || variant === question.id) report(question.file, question.id, `variants names unknown question "${variant}"`);
		}
		for (const word of meaningWords(question.question.nl)) {
			const list = byWord.get(word);
			if (list) list.push(index);
			else byWord.set(word, [index]);
		}
	});
	const compared = new Set<number>();
	questions.forEach((question, index) => {
		for (const word of meaningWords(question.question.nl)) {
			for (const other of byWord.get(word) ?? []) {
				if (other <= index || compared.has(index * questions.length + other)) continue;
				compared.add(index * questions.length + other);
				const second = questions[other]!;
				if (question.variants.includes(second.id) || second.variants.includes(question.id)) continue;
				const overlap = compareQuestions(question, second);
				if (overlap) {
					const percent = (share: number) => `${Math.round(share * 100)}%`;
					report(
						second.file,
						second.id,
						`near-duplicate of ${question.id} (question words ${percent(overlap.question)} the same, right answers ${percent(overlap.answer)}): merge them, make them test different facts, or name the other in variants`
					);
				}
			}
		}
	});
}

function readQuestion(
	item: unknown,
	index: number,
	file: string,
	theme: Theme,
	codes: Set<string>,
	report: Report
): Question | null {
	const rawId = (item as { id?: unknown } | null)?.id;
	const id = typeof rawId === 'string' ? rawId : `question #${index + 1}`;
	const parsed = questionSchema.safeParse(item);
	if (!parsed.success) {
		report(file, id, describeIssues(parsed.error));
		return null;
	}
	const q = parsed.data;
	let valid = true;
	const fail = (message: string): void => {
		report(file, q.id, message);
		valid = false;
	};
	for (const problem of checkOptionShape(q.options)) fail(describeQuestionProblem(problem));
	if (!codes.has(q.eindterm)) {
		fail(`unknown eindterm "${q.eindterm}" for theme ${theme.number} (${theme.slug})`);
	}
	for (const problem of checkSourceUrl(q.source_url ?? null, { required: true, officialOnly: true })) fail(describeQuestionProblem(problem));
	if (q.sources.length === 0 && q.guides.length === 0) {
		fail('missing source: name at least one hub source or guide');
	}
	if (!valid) return null;
	const options = q.options.map(({ correct: _correct, ...text }) => text as Localized);
	return {
		id: q.id,
		file,
		theme: theme.slug,
		eindterm: q.eindterm,
		question: q.question,
		options,
		correctIndex: q.options.findIndex((option) => option.correct === true),
		explanation: q.explanation,
		sources: q.sources,
		guides: q.guides,
		variants: q.variants,
		sourceUrl: q.source_url as string,
		checked: q.checked ?? null,
		volatile: q.volatile,
		image: q.image ?? null,
		position: 0
	};
}

/**
 * The translation files (translations.ts): each in a known language folder, each item the id of a
 * Dutch item of its kind (and of the file's theme), once per language. A hash that no longer
 * matches the Dutch marks the translation stale; that is reported by content:check, not an error.
 */
function readTranslations(
	files: readonly ContentFile[],
	bundle: Pick<ContentBundle, 'questions' | 'quickAnswers' | 'guides' | 'themes' | 'words'>,
	report: Report
): Translation[] {
	const items = new Map(listTranslatableItems(bundle).map((item) => [`${item.kind}:${item.id}`, item]));
	const translations: Translation[] = [];
	const seen = new Map<string, string>();
	const translationFiles = files
		.filter((file) => isTranslationPath(file.path))
		.sort((a, b) => a.path.localeCompare(b.path));
	for (const file of translationFiles) {
		const place = classifyTranslationPath(file.path);
		if (!place) {
			report(file.path, null, 'is not a translation file: use questions/translations/<lang>/<theme>.yaml or content/translations/<lang>/{quick-answers,guides,themes}.yaml or words/<theme>.yaml');
			continue;
		}
		if (!isTranslatedLocale(place.locale)) {
			report(file.path, null, `unknown language "${place.locale}": translation folders are ${TRANSLATED_LOCALES.join(', ')} (the languages in src/lib/domain/locale.ts, without nl and en)`);
			continue;
		}
		const raw = parseYamlFile(file, report);
		if (raw === undefined) continue;
		const list = (raw as { translations?: unknown } | null)?.translations;
		if (!Array.isArray(list)) {
			report(file.path, null, 'must have a list `translations:`');
			continue;
		}
		const schema = translationItemSchemas[place.kind];
		for (const [index, entry] of list.entries()) {
			const parsed = schema.safeParse(entry);
			if (!parsed.success) {
				const rawId = (entry as { id?: unknown } | null)?.id;
				report(file.path, typeof rawId === 'string' ? rawId : `#${index + 1}`, describeIssues(parsed.error));
				continue;
			}
			const { id, hash, ...fields } = parsed.data;
			const item = items.get(`${place.kind}:${id}`);
			if (!item) {
				report(file.path, id, `unknown ${place.kind} id "${id}": there is no Dutch ${place.kind} with this id`);
				continue;
			}
			if (place.theme !== null && item.theme !== place.theme) {
				report(file.path, id, `belongs in the file of its theme "${item.theme}"`);
				continue;
			}
			const key = `${place.locale}:${place.kind}:${id}`;
			const first = seen.get(key);
			if (first !== undefined) {
				report(file.path, id, `duplicate ${place.kind} translation (first in ${first})`);
				continue;
			}
			seen.set(key, file.path);
			translations.push({
				kind: place.kind,
				id,
				locale: place.locale,
				file: file.path,
				fields: fields as Translation['fields'],
				hash,
				stale: hash !== translationHash(item.dutch)
			});
		}
	}
	return translations;
}
