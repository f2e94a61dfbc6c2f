/*
 * What practice pages and components receive from the server. Plain data, shared by
 * lib/server/practice and the components, so no component imports from $lib/server.
 */
import type { QueueKind, Wait } from '$lib/domain/srs/queue';

export interface LocalText {
	nl: string;
	en: string;
}

export interface QuestionLinks {
	guides: { slug: string; title: string }[];
	sources: { slug: string; name: string }[];
}

export interface ShownQuestion {
	/** signed: question, card version, time shown and kind; the server checks it on answer */
	token: string;
	questionId: string;
	themeSlug: string;
	question: LocalText;
	/** in the order of this showing; which one is right is not included */
	options: LocalText[];
	kind: QueueKind | 'mistake';
}

export type NextResult = { done: false; shown: ShownQuestion } | { done: true; nextDueAt: string | null };

export interface Feedback extends QuestionLinks {
	questionId: string;
	correct: boolean;
	guessed: boolean;
	question: LocalText;
	/** in the order they were shown */
	options: LocalText[];
	chosenPosition: number;
	correctPosition: number;
	explanation: LocalText;
	sourceUrl: string;
	dueAt: string;
	wait: Wait;
}
