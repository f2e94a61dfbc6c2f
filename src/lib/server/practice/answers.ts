import { z } from 'zod';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { inTransaction } from '../db/prepared';
import { loadQuestion } from '../question-links';
import { loadCard, recordReview } from './reviews';
import { decodeShowing, optionOrder } from './showings';

/*
 * Answering a practice question. The server is the judge: it re-derives the option order of the
 * showing, grades the answer, and applies it to the card with its log row in one transaction.
 */

/** Response times above this are cut to it: the learner was away, not thinking for 10 minutes. */
export const RESPONSE_CAP_MS = 60_000;

export type AnswerProblem = 'answer_invalid' | 'token_unknown' | 'token_used' | 'question_mismatch';

/** The shown position (0–2) of the chosen option, as a form sends it. */
export const choiceField = z
	.string()
	.regex(/^[0-2]$/)
	.transform(Number);

/** Milliseconds from showing to answer, measured in the browser (only with JavaScript); junk is ignored. */
export const responseMsField = z
	.string()
	.regex(/^\d{1,9}$/)
	.transform(Number)
	.optional()
	.catch(undefined);

const answerSchema = z.object({
	token: z.string().max(200),
	questionId: z.string().min(1).max(100),
	choice: choiceField,
	responseMs: responseMsField
});

/**
 * The time from showing to answer, capped: the browser's measurement when it sent one, else the
 * time since the page was made (a page without JavaScript), else null.
 */
export function measureResponse(measured: number | undefined, shownAt: Date | null, now: Date): number | null {
	if (measured !== undefined) return Math.min(measured, RESPONSE_CAP_MS);
	if (shownAt === null) return null;
	const elapsed = now.getTime() - shownAt.getTime();
	return elapsed < 0 ? null : Math.min(elapsed, RESPONSE_CAP_MS);
}

export type AnswerResult = { ok: true; answerId: number; correct: boolean } | { ok: false; problem: AnswerProblem };

/**
 * Grades an answer and schedules the card. The card must still be at the version the question was
 * shown for; the check and the writes are one transaction, so a double submit records one review.
 * A right answer counts as known; "I guessed" comes after it, on the feedback (markGuessed).
 * Returns the review-log id: the feedback is read from it (feedback.ts).
 */
export function submitAnswer(db: Db, user: SessionUser, input: Record<string, unknown>, now: Date): AnswerResult {
	const parsed = answerSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problem: 'answer_invalid' };
	const { token, questionId, choice, responseMs } = parsed.data;
	const showing = decodeShowing(db, user.id, token);
	if (!showing) return { ok: false, problem: 'token_unknown' };
	if (showing.questionId !== questionId) return { ok: false, problem: 'question_mismatch' };

	// One connection: the statements below run inside this transaction.
	return inTransaction(db, (): AnswerResult => {
		const question = loadQuestion(db, questionId);
		if (!question) return { ok: false, problem: 'question_mismatch' };
		const card = loadCard(db, user.id, questionId);
		if ((card?.reps ?? 0) !== showing.version) return { ok: false, problem: 'token_used' };

		const order = optionOrder(db, user.id, questionId, showing.version, question.options.length);
		const chosenIndex = order[choice] ?? -1;
		if (chosenIndex < 0) return { ok: false, problem: 'answer_invalid' };
		const correct = chosenIndex === question.correctIndex;
		const result = recordReview(db, {
			userId: user.id,
			questionId,
			questionVersion: question.version,
			mode: showing.kind === 'mistake' ? 'mistakes' : 'practice',
			at: now,
			correct,
			guessed: false,
			chosenIndex,
			shownOrder: order,
			responseMs: measureResponse(responseMs, showing.shownAt, now),
			learner: user
		});
		return { ok: true, answerId: result.logId, correct };
	});
}
