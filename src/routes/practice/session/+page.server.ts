import { error, fail, redirect } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { closeExpiredAttempts } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import { parseRoundStart } from '$lib/domain/srs/round';
import {
	dayModelOf,
	loadFeedback,
	loadRound,
	markGuessed,
	nextQuestion,
	parseAnswerId,
	parseScope,
	practiceStreak,
	scopeExists,
	scopeKey,
	submitAnswer
} from '$lib/server/practice';
import { m } from '$lib/paraglide/messages';
import type { AnswerProblem, MarkGuessedProblem } from '$lib/server/practice';
import type { Feedback } from '$lib/types/practice';
import type { Actions, PageServerLoad } from './$types';

function readScope(url: URL) {
	const { user } = requireUser();
	const scope = parseScope(url.searchParams.get('scope'));
	if (!scope || !scopeExists(getDb(), user, scope)) error(404, m.practice_scope_invalid());
	return { user, scope };
}

/** The session's URL: its scope, its round (ms) and, for feedback, the answer it shows. */
function sessionUrl(scope: string, round: number | null, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams({ scope });
	if (round !== null) params.set('round', String(round));
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	return `/practice/session?${params.toString()}`;
}

/**
 * Reads only: the next question comes as a signed showing, so a preload or reload writes nothing.
 * `answer=<id>` shows the feedback on that answer (read from the review log) above the question
 * that comes next, so Back from a guide returns to the feedback.
 */
export const load: PageServerLoad = ({ url, locals }) => {
	const { user, scope } = readScope(url);
	const db = getDb();
	const answerParam = url.searchParams.get('answer');
	let feedback: Feedback | null = null;
	if (answerParam !== null) {
		const answerId = parseAnswerId(answerParam);
		feedback = answerId === null ? null : loadFeedback(db, user, dayModelOf(user), answerId, currentLocale());
		if (!feedback) error(404, m.practice_answer_unknown());
	}
	// A round of 10 is named by its start in the URL (`round`); its answers come from the log.
	const round = loadRound(db, user.id, parseRoundStart(url.searchParams.get('round'), locals.now), locals.now);
	return {
		scope: scopeKey(scope),
		feedback,
		next: nextQuestion(db, user, scope, locals.now),
		round,
		streak: round.summary ? practiceStreak(db, user, locals.now) : 0,
		noted: url.searchParams.get('noted') === 'guessed'
	};
};

const problemMessage: Record<AnswerProblem | MarkGuessedProblem, () => string> = {
	answer_invalid: () => m.practice_problem_answer_invalid(),
	token_unknown: () => m.practice_problem_token_unknown(),
	token_used: () => m.practice_problem_token_used(),
	question_mismatch: () => m.practice_problem_question_mismatch(),
	not_found: () => m.practice_answer_unknown(),
	not_right: () => m.practice_problem_guess_not_right(),
	already_guessed: () => m.practice_problem_guess_done(),
	not_latest: () => m.practice_problem_guess_late()
};

const problemStatus: Record<AnswerProblem | MarkGuessedProblem, 400 | 404 | 409> = {
	answer_invalid: 400,
	token_unknown: 404,
	token_used: 409,
	question_mismatch: 400,
	not_found: 404,
	not_right: 409,
	already_guessed: 409,
	not_latest: 409
};

export const actions: Actions = {
	/** Grades the answer, then shows its feedback at a URL of its own (POST, redirect, GET). */
	answer: async ({ request, url, locals }) => {
		const { user, scope } = readScope(url);
		const db = getDb();
		// The first answer of a round starts it.
		const roundStart = parseRoundStart(url.searchParams.get('round'), locals.now) ?? locals.now;
		const result = submitAnswer(db, user, await readForm(request), locals.now);
		if (!result.ok) return fail(problemStatus[result.problem], { problem: problemMessage[result.problem]() });
		// A mock exam left to run out is closed here too, so its answers reach the scheduler.
		closeExpiredAttempts(db, user, locals.now);
		redirect(303, sessionUrl(scopeKey(scope), roundStart.getTime(), { answer: String(result.answerId) }));
	},

	/** "I guessed", after a right answer: it counts as Again, so the question comes back soon. */
	guessed: async ({ request, url, locals }) => {
		const { user, scope } = readScope(url);
		const form = await readForm(request);
		const answerId = parseAnswerId(typeof form.answer === 'string' ? form.answer : null);
		if (answerId === null) return fail(400, { problem: m.practice_answer_unknown() });
		const result = markGuessed(getDb(), user, answerId);
		if (!result.ok) return fail(problemStatus[result.problem], { problem: problemMessage[result.problem]() });
		const round = parseRoundStart(url.searchParams.get('round'), locals.now);
		redirect(303, sessionUrl(scopeKey(scope), round?.getTime() ?? null, { noted: 'guessed' }));
	}
};
