import { and, desc, eq, sql } from 'drizzle-orm';
import { splitTakeaway } from '../../domain/content/takeaway';
import { linkTerms } from '../../domain/content/term-links';
import { wordIdOfCard } from '../../domain/content/word-cards';
import { loadWordTerms } from '../content/word-terms';
import { learnerDay } from '../../domain/learner-day';
import type { DayModel } from '../../domain/learner-day';
import type { Locale } from '../../domain/locale';
import { describeWait } from '../../domain/srs/queue';
import { loadQuestionAid } from '../aid';
import type { AidUser } from '../aid';
import type { Db } from '../db';
import * as t from '../db/schema';
import { prepared } from '../db/prepared';
import { loadQuestion, loadQuestionLinks } from '../question-links';
import type { Feedback } from '../../types/practice';

/*
 * The feedback on one practice answer, read from its review-log row. The answer action redirects to
 * a URL that names the row (`?answer=<id>`), so the feedback is a page of its own: reloading it,
 * or coming Back from a guide it links to, shows the same feedback and writes nothing.
 */

/** A review-log id as a URL or form carries it; anything else is null. */
export function parseAnswerId(value: string | null | undefined): number | null {
	if (!value || !/^[1-9]\d{0,15}$/.test(value)) return null;
	const id = Number(value);
	return Number.isSafeInteger(id) ? id : null;
}

/** The learner's own practice answer `answerId` as feedback, or null (someone else's, an exam's, none). */
export function loadFeedback(db: Db, user: AidUser, day: DayModel, answerId: number, locale: Locale): Feedback | null {
	const userId = user.id;
	const row = prepared(db, 'feedback.answer', () =>
		db
			.select({
				questionId: t.reviewLog.questionId,
				mode: t.reviewLog.mode,
				reviewedAt: t.reviewLog.reviewedAt,
				chosen: t.reviewLog.chosenOption,
				order: t.reviewLog.shownOrder,
				correct: t.reviewLog.correct,
				guessed: t.reviewLog.guessed,
				stateAfter: t.reviewLog.stateAfter,
				dueAfter: t.reviewLog.dueAfter
			})
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.id, sql.placeholder('answerId')), eq(t.reviewLog.userId, sql.placeholder('userId'))))
			.prepare()
	).get({ answerId, userId });
	if (!row || row.mode === 'exam') return null;
	const question = loadQuestion(db, row.questionId);
	if (!question) return null;
	const order = readOrder(row.order, question.options.length);
	// Only the newest answer of a card can still become "I guessed" (reviews.ts, markGuessed).
	const newest = prepared(db, 'feedback.newest', () =>
		db
			.select({ id: t.reviewLog.id })
			.from(t.reviewLog)
			.where(and(eq(t.reviewLog.userId, sql.placeholder('userId')), eq(t.reviewLog.questionId, sql.placeholder('questionId'))))
			.orderBy(desc(t.reviewLog.reviewedAt), desc(t.reviewLog.id))
			.limit(1)
			.prepare()
	).get({ userId, questionId: row.questionId });
	const nl = splitTakeaway(question.explanationNl);
	const aid = loadQuestionAid(db, user, question, { fade: false });
	const aided = splitTakeaway(aid?.explanation ?? '');
	return {
		answerId,
		questionId: row.questionId,
		correct: row.correct,
		guessed: row.guessed,
		canMarkGuessed: row.correct && !row.guessed && newest?.id === answerId,
		question: { nl: question.questionNl, aid: aid?.question ?? '' },
		options: order.map((index) => ({ nl: question.options[index]?.nl ?? '', aid: aid?.options[index] ?? '' })),
		chosenPosition: order.indexOf(row.chosen),
		correctPosition: order.indexOf(question.correctIndex),
		explanation: { nl: question.explanationNl, aid: aid?.explanation ?? '' },
		takeaway: { nl: nl.takeaway, aid: aided.takeaway },
		explanationRest: { nl: nl.rest, aid: aided.rest },
		aid: aid?.info ?? null,
		terms: linkExplanationTerms(db, nl.takeaway, nl.rest),
		...loadQuestionLinks(db, row.questionId, question.eindterm, locale),
		sourceUrl: question.sourceUrl,
		byTeacher: question.origin === 'teacher',
		word: wordOf(question),
		dueAt: row.dueAfter.toISOString(),
		// A review card comes back after whole learner days (the scheduler's own count).
		wait: describeWait(row.reviewedAt, {
			due: row.dueAfter,
			state: row.stateAfter,
			scheduledDays: learnerDay(row.dueAfter, day) - learnerDay(row.reviewedAt, day)
		})
	};
}

/** The shown order as logged, or the file order if the row does not fit the question any more. */
function readOrder(order: number[], length: number): number[] {
	const fits = order.length === length && order.every((index) => Number.isInteger(index) && index >= 0 && index < length);
	return fits ? order : Array.from({ length }, (_, index) => index);
}

/** How many KNM words one feedback links at most (the takeaway's first, then the rest's). */
const MAX_TERM_LINKS = 3;

/** The explanation's KNM words, each linked at its first place only (the takeaway before the rest). */
function linkExplanationTerms(db: Db, takeaway: string, rest: string): Feedback['terms'] {
	const terms = loadWordTerms(db);
	const first = linkTerms(takeaway, terms, MAX_TERM_LINKS);
	const used = new Set(first.flatMap((segment) => (segment.wordId ? [segment.wordId] : [])));
	const second = linkTerms(rest, terms, MAX_TERM_LINKS - used.size, used);
	return { takeaway: first, rest: second };
}

/** A word card's word (its id and theme, for the link to the word list), or null for a question. */
function wordOf(question: Pick<t.QuestionRow, 'id' | 'origin' | 'themeSlug'>): Feedback['word'] {
	const id = question.origin === 'word' ? wordIdOfCard(question.id) : null;
	return id === null ? null : { id, theme: question.themeSlug };
}
