/*
 * A learner's paper answers as the teacher types them back in: one row of letters, one per
 * question in the paper's order. A, B or C (either case) is the option chosen; a dash or a dot is
 * a question left open. Spaces and commas between letters are allowed and ignored.
 */

export type PaperAnswer = 0 | 1 | 2 | null;

export type PaperAnswersProblem = 'length' | 'letters';

export const PAPER_ANSWERS_MAX = 400;

/** The answers of one row, or the problem: not one letter per question, or a letter outside A–C. */
export function parsePaperAnswers(row: string, questions: number): { ok: true; answers: PaperAnswer[] } | { ok: false; problem: PaperAnswersProblem } {
	const compact = row.slice(0, PAPER_ANSWERS_MAX * 2).replace(/[\s,;]+/g, '').toUpperCase();
	if (!/^[ABC.-]*$/.test(compact)) return { ok: false, problem: 'letters' };
	if (compact.length !== questions) return { ok: false, problem: 'length' };
	return { ok: true, answers: [...compact].map((letter) => (letter === 'A' ? 0 : letter === 'B' ? 1 : letter === 'C' ? 2 : null)) };
}
