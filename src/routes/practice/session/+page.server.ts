import { error, fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/auth/forms';
import { requireUser } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { closeExpiredAttempts } from '$lib/server/exam';
import { currentLocale } from '$lib/server/locale';
import { parseRoundStart } from '$lib/domain/srs/round';
import { loadRound, nextQuestion, parseScope, practiceStreak, scopeExists, scopeKey, submitAnswer } from '$lib/server/practice';
import { m } from '$lib/paraglide/messages';
import type { AnswerProblem } from '$lib/server/practice';
import type { Actions, PageServerLoad } from './$types';

function readScope(url: URL) {
	const { user } = requireUser();
	const scope = parseScope(url.searchParams.get('scope'));
	if (!scope || !scopeExists(getDb(), user, scope)) error(404, m.practice_scope_invalid());
	return { user, scope };
}

/**
 * Reads only: the next question comes as a signed showing, so a preload or reload writes nothing.
 * After the answer action (a POST without JavaScript) the action has already worked out what comes
 * next and returned it, so the load does not do it twice.
 */
export const load: PageServerLoad = ({ url, locals, request }) => {
	const { user, scope } = readScope(url);
	const db = getDb();
	if (request.method === 'POST') return { scope: scopeKey(scope), next: null, round: null, streak: 0, translation: user.translationLocale };
	// A round of 10 is named by its start in the URL (`round`); its answers come from the log.
	const round = loadRound(db, user.id, parseRoundStart(url.searchParams.get('round'), locals.now), locals.now);
	return {
		scope: scopeKey(scope),
		next: nextQuestion(db, user, scope, locals.now),
		round,
		streak: round.summary ? practiceStreak(db, user, locals.now) : 0,
		translation: user.translationLocale
	};
};

const problemMessage: Record<AnswerProblem, () => string> = {
	answer_invalid: () => m.practice_problem_answer_invalid(),
	token_unknown: () => m.practice_problem_token_unknown(),
	token_used: () => m.practice_problem_token_used(),
	question_mismatch: () => m.practice_problem_question_mismatch()
};

const problemStatus: Record<AnswerProblem, 400 | 404 | 409> = {
	answer_invalid: 400,
	token_unknown: 404,
	token_used: 409,
	question_mismatch: 400
};

export const actions: Actions = {
	/** Grades the answer; returns the feedback and the question that comes next. */
	answer: async ({ request, url, locals }) => {
		const { user, scope } = readScope(url);
		const db = getDb();
		// The first answer of a round starts it.
		const roundStart = parseRoundStart(url.searchParams.get('round'), locals.now) ?? locals.now;
		const result = submitAnswer(db, user, await readForm(request), locals.now, currentLocale());
		if (!result.ok) {
			return fail(problemStatus[result.problem], {
				problem: problemMessage[result.problem](),
				next: nextQuestion(db, user, scope, locals.now),
				round: loadRound(db, user.id, parseRoundStart(url.searchParams.get('round'), locals.now), locals.now),
				streak: 0
			});
		}
		// A mock exam left to run out is closed here too, so its answers reach the scheduler.
		closeExpiredAttempts(db, user, locals.now);
		const round = loadRound(db, user.id, roundStart, locals.now);
		return {
			feedback: result.feedback,
			next: nextQuestion(db, user, scope, locals.now),
			round,
			streak: round.summary ? practiceStreak(db, user, locals.now) : 0
		};
	}
};
