import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { drawExam } from '../../domain/exam/draw';
import { pickTitle } from '../../domain/locale';
import type { Locale } from '../../domain/locale';
import { parsePaperAnswers } from '../../domain/teach/paper-answers';
import type { PaperAnswer, PaperAnswersProblem } from '../../domain/teach/paper-answers';
import type { Db } from '../db';
import * as t from '../db/schema';
import { toSessionUser } from '../auth/session';
import { loadExamBank } from '../exam';
import { recordReview } from '../practice/reviews';
import { loadQuestion } from '../question-links';

/*
 * Paper tests, for classes without devices: a question set, or a practice exam drawn like the
 * real one, as numbered questions with options A, B and C in the question file's order, and an
 * answer key. Reads only; the page prints itself with a print stylesheet.
 */

export const PAPER_LETTERS = ['A', 'B', 'C'] as const;

/** `?set=<id>` (the teacher's own or a built-in set) or `?exam=<seed>`; `exam=new` asks for a fresh draw. */
export const paperQuerySchema = z.union([
	z.object({ set: z.string().regex(/^[A-Za-z0-9_:-]{1,100}$/) }),
	z.object({ exam: z.union([z.literal('new'), z.string().regex(/^\d{1,9}$/).transform(Number)]) })
]);

export interface PaperQuestion {
	number: number;
	questionId: string;
	question: string;
	options: string[];
	/** the right option's letter */
	answer: string;
}

export interface Paper {
	title: string;
	questions: PaperQuestion[];
}

function loadQuestions(db: Db, ids: string[]): PaperQuestion[] {
	if (ids.length === 0) return [];
	const rows = db
		.select({ id: t.question.id, question: t.question.questionNl, options: t.question.options, correctIndex: t.question.correctIndex })
		.from(t.question)
		.where(and(inArray(t.question.id, ids), isNull(t.question.retiredAt)))
		.all();
	const byId = new Map(rows.map((row) => [row.id, row]));
	return ids
		.map((id) => byId.get(id))
		.filter((row) => row !== undefined)
		.map((row, index) => ({
			number: index + 1,
			questionId: row.id,
			question: row.question,
			options: row.options.map((option) => option.nl),
			answer: PAPER_LETTERS[row.correctIndex] ?? '?'
		}));
}

/** A set the teacher may print (their own, or a built-in one) as a paper test; null when not theirs. */
export function loadSetPaper(db: Db, teacherId: string, setId: string, locale: Locale): Paper | null {
	const set = db
		.select()
		.from(t.questionSet)
		.where(and(eq(t.questionSet.id, setId), or(eq(t.questionSet.ownerId, teacherId), isNull(t.questionSet.ownerId))))
		.get();
	if (!set) return null;
	const ids = db
		.select({ id: t.questionSetItem.questionId })
		.from(t.questionSetItem)
		.where(eq(t.questionSetItem.setId, setId))
		.orderBy(asc(t.questionSetItem.position))
		.all()
		.map((row) => row.id);
	return { title: pickTitle(locale, set), questions: loadQuestions(db, ids) };
}

/** A practice exam on paper, drawn from `seed` as the mock exam draws (40 questions in theme blocks). */
export function loadExamPaper(db: Db, seed: number): PaperQuestion[] {
	const { bank, themeOrder } = loadExamBank(db);
	return loadQuestions(
		db,
		drawExam(bank, themeOrder, new Set(), seed).flatMap((block) => block.questionIds)
	);
}

export type PaperRowsResult =
	| { ok: true; answers: number; learners: number }
	| { ok: false; problems: Record<string, PaperAnswersProblem>; empty: boolean };

/**
 * Records a class's paper answers as practice at `now`: `rows` holds each learner's row of
 * letters by learner id (an empty row: did not take the test). Every row is checked first; one
 * bad row, an unknown learner or no row at all saves nothing. One transaction.
 */
export function recordPaperAnswers(db: Db, classId: string, questions: readonly PaperQuestion[], rows: Record<string, string>, now: Date): PaperRowsResult {
	const members = new Map(
		db
			.select({ user: t.user })
			.from(t.classMember)
			.innerJoin(t.user, eq(t.user.id, t.classMember.userId))
			.where(eq(t.classMember.classId, classId))
			.all()
			.map((row) => [row.user.id, toSessionUser(row.user)])
	);
	const problems: Record<string, PaperAnswersProblem> = {};
	const parsed: { userId: string; answers: PaperAnswer[] }[] = [];
	for (const [userId, row] of Object.entries(rows)) {
		if (!members.has(userId)) return { ok: false, problems: {}, empty: true };
		if (row.trim() === '') continue;
		const result = parsePaperAnswers(row, questions.length);
		if (result.ok) parsed.push({ userId, answers: result.answers });
		else problems[userId] = result.problem;
	}
	if (Object.keys(problems).length > 0 || parsed.length === 0) return { ok: false, problems, empty: parsed.length === 0 && Object.keys(problems).length === 0 };
	let answers = 0;
	db.transaction(() => {
		for (const { userId, answers: letters } of parsed) {
			const learner = members.get(userId)!;
			for (const [index, chosen] of letters.entries()) {
				const question = questions[index];
				if (chosen === null || !question) continue;
				const row = loadQuestion(db, question.questionId);
				if (!row || row.retiredAt !== null) continue;
				recordReview(db, {
					userId,
					questionId: row.id,
					questionVersion: row.version,
					mode: 'practice',
					at: now,
					correct: chosen === row.correctIndex,
					guessed: false,
					chosenIndex: chosen,
					// on paper the options stand in the file's order, A B C
					shownOrder: row.options.map((_, position) => position),
					responseMs: null,
					learner
				});
				answers += 1;
			}
		}
	});
	return { ok: true, answers, learners: parsed.length };
}
