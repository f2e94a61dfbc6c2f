import { listTranslatableItems, summarizeCoverage, TRANSLATED_LOCALES } from './translations';
import type { ContentBundle } from './types';

export interface ContentSummary {
	ok: true;
	themes: number;
	eindtermen: number;
	indicators: number;
	questions: number;
	/** questions without a checked date: their fact is not verified against source_url yet */
	questionsUnverified: number;
	questionsVolatile: number;
	questionsPerTheme: Record<string, number>;
	questionsPerEindterm: Record<string, number>;
	/** indicators (x.y.z) with at least one question, and the fewest questions any indicator has */
	indicatorsCovered: number;
	fewestPerIndicator: number;
	sources: number;
	topics: number;
	guides: number;
	guidesInDutch: number;
	quickAnswers: number;
	words: number;
	wordsPerTheme: Record<string, number>;
	/** per translation language: the share of items with a current translation, and the counts */
	translations: Record<string, { coverage: string; translated: number; stale: number; missing: number }>;
}

/**
 * Counts per theme and per eindterm. A question tagged with an indicator (x.y.z) counts for that
 * indicator and for its eindterm (x.y), so every code of the 2025 eindtermen shows its coverage.
 */
export function summarizeContent(bundle: ContentBundle): ContentSummary {
	const perTheme: Record<string, number> = {};
	const perEindterm: Record<string, number> = {};
	for (const theme of bundle.themes) {
		perTheme[theme.slug] = 0;
		for (const eindterm of theme.eindtermen) {
			perEindterm[eindterm.code] = 0;
			for (const indicator of eindterm.indicators) perEindterm[indicator.code] = 0;
		}
	}
	for (const question of bundle.questions) {
		perTheme[question.theme] = (perTheme[question.theme] ?? 0) + 1;
		const parts = question.eindterm.split('.');
		const eindterm = parts.slice(0, 2).join('.');
		perEindterm[eindterm] = (perEindterm[eindterm] ?? 0) + 1;
		if (parts.length === 3) {
			perEindterm[question.eindterm] = (perEindterm[question.eindterm] ?? 0) + 1;
		}
	}
	const indicatorCounts = bundle.themes.flatMap((theme) => theme.eindtermen.flatMap((eindterm) => eindterm.indicators.map((indicator) => perEindterm[indicator.code] ?? 0)));
	return {
		ok: true,
		themes: bundle.themes.length,
		eindtermen: bundle.themes.reduce((n, t) => n + t.eindtermen.length, 0),
		indicators: bundle.themes.reduce(
			(n, t) => n + t.eindtermen.reduce((m, e) => m + e.indicators.length, 0),
			0
		),
		questions: bundle.questions.length,
		questionsUnverified: bundle.questions.filter((q) => q.checked === null).length,
		questionsVolatile: bundle.questions.filter((q) => q.volatile).length,
		questionsPerTheme: perTheme,
		questionsPerEindterm: perEindterm,
		indicatorsCovered: indicatorCounts.filter((n) => n > 0).length,
		fewestPerIndicator: indicatorCounts.length > 0 ? Math.min(...indicatorCounts) : 0,
		sources: bundle.sources.length,
		topics: bundle.topics.length,
		guides: bundle.guides.length,
		guidesInDutch: bundle.guides.filter((guide) => guide.body.nl !== null).length,
		quickAnswers: bundle.quickAnswers.length,
		words: bundle.words.length,
		wordsPerTheme: Object.fromEntries(bundle.themes.map((theme) => [theme.slug, bundle.words.filter((word) => word.themes.includes(theme.slug)).length])),
		translations: summarizeTranslations(bundle)
	};
}

function summarizeTranslations(bundle: ContentBundle): ContentSummary['translations'] {
	const coverage = summarizeCoverage(listTranslatableItems(bundle), bundle.translations);
	return Object.fromEntries(
		TRANSLATED_LOCALES.map((locale) => {
			const rows = Object.values(coverage[locale]);
			const total = rows.reduce((n, row) => n + row.total, 0);
			const translated = rows.reduce((n, row) => n + row.translated, 0);
			const stale = rows.reduce((n, row) => n + row.stale, 0);
			const percent = total === 0 ? 100 : Math.floor((translated / total) * 1000) / 10;
			return [locale, { coverage: `${percent}%`, translated, stale, missing: total - translated - stale }];
		})
	);
}
