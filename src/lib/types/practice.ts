/*
 * What practice pages and components receive from the server. Plain data, shared by
 * lib/server/practice and the components, so no component imports from $lib/server.
 */
import type { TextSegment } from '$lib/domain/content/term-links';
import type { QueueKind, Wait } from '$lib/domain/srs/queue';

/** Dutch exam text with its translation in the learner's aid language (empty without the aid). */
export interface AidedText {
	nl: string;
	aid: string;
}

/** Which translation the aid shows (domain/aid.ts). */
export interface AidInfo {
	/** the language shown; `asked` the learner's setting (they differ when `fallback`) */
	locale: string;
	asked: string;
	dir: 'ltr' | 'rtl';
	/** the asked language has no current translation of this text: English is shown */
	fallback: boolean;
	/** the translation starts open (fading: folded once the learner knows the question) */
	open: boolean;
}

export interface QuestionLinks {
	/** `anchor`: the id of the question's eindterm in the guide, when it has one */
	guides: { slug: string; title: string; anchor: string | null }[];
	sources: { slug: string; name: string }[];
}

export interface ShownQuestion {
	/** signed: question, card version, time shown and kind; the server checks it on answer */
	token: string;
	questionId: string;
	themeSlug: string;
	question: AidedText;
	/** in the order of this showing; which one is right is not included */
	options: AidedText[];
	/** null: no translation shown */
	aid: AidInfo | null;
	kind: QueueKind | 'mistake';
	/** a teacher's own question: learners see "written by your teacher" */
	byTeacher: boolean;
}

export type NextResult =
	| { done: false; shown: ShownQuestion }
	/** `planCap`: the exam plan's answers for today are done (the daily cap) */
	| { done: true; nextDueAt: string | null; planCap?: number };

export interface Feedback extends QuestionLinks {
	/** the review-log id of the answer: the feedback's URL names it */
	answerId: number;
	questionId: string;
	correct: boolean;
	guessed: boolean;
	/** a right answer that is the card's newest can still be marked "I guessed" */
	canMarkGuessed: boolean;
	question: AidedText;
	/** in the order they were shown */
	options: AidedText[];
	chosenPosition: number;
	correctPosition: number;
	explanation: AidedText;
	/** "Remember:": the explanation's first sentence, and the rest of it */
	takeaway: AidedText;
	explanationRest: AidedText;
	/** null: no translation shown */
	aid: AidInfo | null;
	/** the Dutch takeaway and rest in pieces: a KNM word links to /words at its first place */
	terms: { takeaway: TextSegment[]; rest: TextSegment[] };
	/** empty when a teacher's own question names no source */
	sourceUrl: string;
	/** a teacher's own question: its source is the teacher's, not an official page */
	byTeacher: boolean;
	/** a word card: the word's place in the word list */
	word: { id: string; theme: string } | null;
	dueAt: string;
	wait: Wait;
}
