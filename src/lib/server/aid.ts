import { and, eq, inArray, sql } from 'drizzle-orm';
import { directionOf } from '../domain/locale';
import { pickTranslation, startsOpen } from '../domain/aid';
import type { AidChoice, AidLocale } from '../domain/aid';
import { isTranslatedLocale } from '../domain/content/translations';
import type { TranslationFields, TranslationKind } from '../domain/content/translations';
import type { Db } from './db';
import * as t from './db/schema';
import { prepared } from './db/prepared';
import type { AidInfo } from '../types/practice';
import { termWithArticle, wordIdOfCard } from '../domain/content/word-cards';
import { m } from '../paraglide/messages';

/*
 * Reading translations (domain/content/translations.ts) for pages: the translation aid under a
 * Dutch question, and hub texts in the interface language. Only current translations count: a
 * stale one (its Dutch changed) is skipped, so the chain falls back to English.
 */

/** The current translations of some items of one kind into one language, by item id. */
export function readTranslations<K extends TranslationKind>(db: Db, kind: K, locale: string, ids: readonly string[]): Map<string, TranslationFields[K]> {
	if (!isTranslatedLocale(locale) || ids.length === 0) return new Map();
	const rows = db
		.select({ itemId: t.contentTranslation.itemId, fields: t.contentTranslation.fields })
		.from(t.contentTranslation)
		.where(and(eq(t.contentTranslation.kind, kind), eq(t.contentTranslation.locale, locale), eq(t.contentTranslation.stale, false), inArray(t.contentTranslation.itemId, [...ids])))
		.all();
	return new Map(rows.map((row) => [row.itemId, row.fields as unknown as TranslationFields[K]]));
}

function readOne<K extends TranslationKind>(db: Db, kind: K, locale: string, id: string): TranslationFields[K] | undefined {
	if (!isTranslatedLocale(locale)) return undefined;
	const row = prepared(db, 'aid.one', () =>
		db
			.select({ fields: t.contentTranslation.fields })
			.from(t.contentTranslation)
			.where(
				and(
					eq(t.contentTranslation.kind, sql.placeholder('kind')),
					eq(t.contentTranslation.locale, sql.placeholder('locale')),
					eq(t.contentTranslation.itemId, sql.placeholder('id')),
					eq(t.contentTranslation.stale, false)
				)
			)
			.prepare()
	).get({ kind, locale, id });
	return row ? (row.fields as unknown as TranslationFields[K]) : undefined;
}

/** How many times the learner answered the question right (practice and exams). */
function countRightAnswers(db: Db, userId: string, questionId: string): number {
	const row = prepared(db, 'aid.right', () =>
		db
			.select({ n: sql<number>`count(*)` })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, sql.placeholder('userId')), eq(t.reviewLog.questionId, sql.placeholder('questionId')), eq(t.reviewLog.correct, true)))
			.prepare()
	).get({ userId, questionId });
	return row?.n ?? 0;
}

/**
 * A word card in another language, made from the words' translations as the card itself is made
 * from their English (domain/content/word-cards.ts): each option is a word's definition, so its
 * translation is that word's. Undefined unless all three words have a current translation.
 */
function wordCardAid(db: Db, question: AidQuestionRow, locale: AidLocale): TranslationFields['question'] | undefined {
	const wordId = wordIdOfCard(question.id);
	if (wordId === null || !isTranslatedLocale(locale)) return undefined;
	const rows = db
		.select({ id: t.word.id, term: t.word.term, article: t.word.article, definition: t.word.definitionNl })
		.from(t.word)
		.where(inArray(t.word.definitionNl, question.options.map((option) => option.nl)))
		.all();
	const byDefinition = new Map(rows.map((row) => [row.definition, row]));
	const word = rows.find((row) => row.id === wordId);
	const translations = readTranslations(db, 'word', locale, rows.map((row) => row.id));
	const options = question.options.map((option) => translations.get(byDefinition.get(option.nl)?.id ?? '')?.translation);
	const own = translations.get(wordId)?.translation;
	if (!word || own === undefined || options.some((option) => option === undefined)) return undefined;
	const term = termWithArticle(word);
	return { question: m.word_card_question({ term }, { locale }), options: options as string[], explanation: `${term}: ${own}.` };
}

/** A question's texts in the aid language, options in the file's order. */
export interface QuestionAid {
	info: AidInfo;
	question: string;
	options: string[];
	explanation: string;
}

interface AidQuestionRow {
	id: string;
	questionEn: string;
	options: { nl: string; en: string }[];
	explanationEn: string;
}

/** What the aid needs of a learner: the aid language and fading. */
export type AidUser = { id: string; translationLocale: AidChoice; aidFading: boolean };

/**
 * The translation aid for one question: the learner's aid language when it has a current
 * translation, else English (`fallback`). Null with the aid off, or when there is no text to show
 * (a teacher's own question written in Dutch only). `fade`: a practice question, which starts
 * folded once the learner knows it (domain/aid.ts startsOpen); feedback and the exam show it open
 * and need not count the learner's right answers.
 */
export function loadQuestionAid(db: Db, user: AidUser, question: AidQuestionRow, { fade }: { fade: boolean }): QuestionAid | null {
	if (user.translationLocale === 'none') return null;
	const english = { question: question.questionEn, options: question.options.map((option) => option.en), explanation: question.explanationEn };
	const picked = pickTranslation(user.translationLocale, (locale: AidLocale) =>
		locale === 'en' ? (english.question ? english : undefined) : wordIdOfCard(question.id) !== null ? wordCardAid(db, question, locale) : readOne(db, 'question', locale, question.id)
	);
	if (!picked) return null;
	const open = !fade || startsOpen(user.aidFading, countRightAnswers(db, user.id, question.id));
	return {
		info: { locale: picked.locale, dir: directionOf(picked.locale), fallback: picked.fallback, asked: user.translationLocale, open },
		question: picked.value.question,
		options: picked.value.options,
		explanation: picked.value.explanation
	};
}
