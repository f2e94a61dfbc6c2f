import { seededRandom } from '../../domain/random';
import { shuffleOrder } from '../../domain/srs/queue';
import type { Db } from '../db';
import { deriveSeed, sign, verify } from '../signing';
import type { ShownQuestion } from '../../types/practice';

/*
 * A showing is one question put in front of a learner. Nothing is stored when a question is shown
 * (page views and link preloading write nothing): the page carries a signed token naming the
 * question, the card version it was drawn for (the card's review count), the time it was shown
 * and why it was chosen. The option order is derived from the secret, the learner, the question
 * and the card version, so it is stable across reloads, new after each answer, and unknown to the
 * page. Answering checks that the card is still at that version: a replay or a second tab finds
 * it moved on (409), and nothing is written twice.
 */

export type ShowingKind = ShownQuestion['kind'];
const KINDS: readonly ShowingKind[] = ['learning', 'due', 'new', 'mistake'];

export interface Showing {
	questionId: string;
	/** the card's review count when shown (0: no card yet) */
	version: number;
	shownAt: Date;
	kind: ShowingKind;
}

const TOKEN_PATTERN = /^([a-z0-9-]{1,90})\.(\d{1,6})\.(\d{13})\.(learning|due|new|mistake)\.([A-Za-z0-9_-]{22})$/;

const message = (userId: string, showing: Showing): string =>
	`showing|${userId}|${showing.questionId}|${showing.version}|${showing.shownAt.getTime()}|${showing.kind}`;

export function encodeShowing(db: Db, userId: string, showing: Showing): string {
	const mac = sign(db, message(userId, showing));
	return `${showing.questionId}.${showing.version}.${showing.shownAt.getTime()}.${showing.kind}.${mac}`;
}

/** The showing a token stands for, or null when it is malformed or not signed for this learner. */
export function decodeShowing(db: Db, userId: string, token: string): Showing | null {
	const match = TOKEN_PATTERN.exec(token);
	if (!match) return null;
	const [, questionId, version, shownAt, kind, mac] = match;
	const showing: Showing = {
		questionId: questionId!,
		version: Number(version),
		shownAt: new Date(Number(shownAt)),
		kind: KINDS.find((k) => k === kind)!
	};
	return verify(db, message(userId, showing), mac!) ? showing : null;
}

/** The option order (file-order indexes) of a showing: secret, stable, new for each card version. */
export function optionOrder(db: Db, userId: string, questionId: string, version: number, count = 3): number[] {
	return shuffleOrder(count, seededRandom(deriveSeed(db, `order|${userId}|${questionId}|${version}`)));
}
