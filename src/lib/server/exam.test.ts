import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from './content/load';
import { importContent } from './content/import';
import { toSessionUser } from './auth/session';
import type { SessionUser } from './auth/session';
import { openDatabase } from './db';
import type { Db } from './db';
import * as t from './db/schema';
import { examOverview, examQuestion, examResult, handInExam, listHistory, loadAttempt, saveExamAnswer, startExam } from './exam';

const START = new Date('2026-11-10T10:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE);

describe('mock exams', () => {
	let db: Db;
	let user: SessionUser;
	let other: SessionUser;

	beforeEach(() => {
		db = openDatabase(':memory:');
		importContent(db, loadContent(), START);
		for (const id of ['u1', 'u2']) {
			db.insert(t.user).values({ id, username: id, usernameKey: id, passwordHash: 'x', role: 'learner', createdAt: START }).run();
		}
		user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!);
		other = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u2')).get()!);
	});

	/** Answers every question: right ones where `right(position)` says so, else a wrong option. */
	function answerAll(id: string, right: (position: number) => boolean, now: Date): void {
		const attempt = loadAttempt(db, user, id, now)!;
		for (const item of examOverview(db, attempt)) {
			const answer = db.select().from(t.examAnswer).where(eq(t.examAnswer.position, item.position)).all().find((a) => a.attemptId === id)!;
			const correctIndex = db.select().from(t.question).where(eq(t.question.id, answer.questionId)).get()!.correctIndex;
			const correctPosition = answer.order.indexOf(correctIndex);
			const choice = right(item.position) ? correctPosition : (correctPosition + 1) % 3;
			expect(saveExamAnswer(db, user, id, { position: String(item.position), choice: String(choice) }, now)).toMatchObject({ ok: true });
		}
	}

	it('draws 40 questions in theme blocks with a recorded seed, reproducibly', () => {
		const id = startExam(db, user, START, 12345);
		const attempt = db.select().from(t.examAttempt).where(eq(t.examAttempt.id, id)).get()!;
		expect(attempt).toMatchObject({ seed: 12345, total: 40, deadlineAt: at(45) });
		const answers = db.select().from(t.examAnswer).where(eq(t.examAnswer.attemptId, id)).all();
		expect(answers).toHaveLength(40);
		const themes = answers.map((a) => a.themeSlug);
		expect(new Set(themes).size).toBe(8);
		// Blocks: a theme never comes back after another theme started.
		const order = themes.filter((theme, i) => i === 0 || themes[i - 1] !== theme);
		expect(order).toHaveLength(8);

		const again = startExam(db, other, START, 12345);
		const otherAnswers = db.select().from(t.examAnswer).where(eq(t.examAnswer.attemptId, again)).all();
		expect(otherAnswers.map((a) => [a.questionId, a.order])).toEqual(answers.map((a) => [a.questionId, a.order]));
	});

	it('continues the running attempt instead of starting a second one', () => {
		const id = startExam(db, user, START);
		expect(startExam(db, user, at(10))).toBe(id);
		const view = examQuestion(db, loadAttempt(db, user, id, at(10))!, 0, at(10), 'en');
		expect(view).toMatchObject({ secondsLeft: 35 * 60, startsBlock: true, position: 0, total: 40 });
		expect(JSON.stringify(view)).not.toMatch(/correct/i);
	});

	it('saves, changes and flags answers; the attempt is private', () => {
		const id = startExam(db, user, START);
		expect(saveExamAnswer(db, user, id, { position: '3', choice: '1', flagged: 'on' }, at(1))).toEqual({ ok: true, position: 3 });
		expect(saveExamAnswer(db, user, id, { position: '3', choice: '2' }, at(2))).toEqual({ ok: true, position: 3 });
		const view = examQuestion(db, loadAttempt(db, user, id, at(2))!, 3, at(2), 'en')!;
		expect(view.chosenPosition).toBe(2);
		expect(view.flagged).toBe(false);
		expect(saveExamAnswer(db, other, id, { position: '3', choice: '0' }, at(2))).toEqual({ ok: false, problem: 'not_found' });
		for (const bad of [{ position: '3', choice: '3' }, { position: '40', choice: '0' }, { position: 'x', choice: '0' }, { position: '3', choice: 'één' }]) {
			expect(saveExamAnswer(db, user, id, bad, at(2))).toEqual({ ok: false, problem: 'input_invalid' });
		}
	});

	it('scores a hand-in, feeds each answered question to the scheduler once, and refuses a second hand-in', () => {
		const id = startExam(db, user, START);
		answerAll(id, (position) => position % 2 === 0, at(20));
		expect(handInExam(db, user, id, at(30))).toEqual({ ok: true });
		expect(handInExam(db, user, id, at(31))).toEqual({ ok: false, problem: 'closed' });
		expect(saveExamAnswer(db, user, id, { position: '0', choice: '0' }, at(31))).toEqual({ ok: false, problem: 'closed' });

		const attempt = loadAttempt(db, user, id, at(31))!;
		const result = examResult(db, user, attempt, 'en')!;
		expect(result).toMatchObject({ score: 20, total: 40, answered: 40, closedReason: 'handed_in', minutesUsed: 30 });
		expect(result.perTheme.reduce((n, theme) => n + theme.total, 0)).toBe(40);
		expect(result.review[0]?.guides.length).toBeGreaterThan(0);
		const logs = db.select().from(t.reviewLog).all();
		expect(logs).toHaveLength(40);
		expect(new Set(logs.map((log) => log.mode))).toEqual(new Set(['exam']));
		expect(logs.filter((log) => log.rating === 3)).toHaveLength(20);
		expect(db.select({ n: count() }).from(t.card).get()?.n).toBe(40);
		expect(listHistory(db, user, 'en')[0]).toMatchObject({ id, score: 20, total: 40 });
	});

	it('closes an attempt at the deadline and scores what was answered', () => {
		const id = startExam(db, user, START);
		answerAll(id, () => true, at(10));
		db.update(t.examAnswer).set({ chosen: null }).where(eq(t.examAnswer.position, 39)).run();
		// 46 minutes later: the next request closes it.
		expect(saveExamAnswer(db, user, id, { position: '39', choice: '0' }, at(46))).toEqual({ ok: false, problem: 'closed' });
		const attempt = loadAttempt(db, user, id, at(46))!;
		expect(attempt).toMatchObject({ closedReason: 'expired', closedAt: at(45), score: 39 });
		expect(db.select({ n: count() }).from(t.reviewLog).get()?.n).toBe(39);
	});

	it('prefers questions not seen in the last 3 attempts', () => {
		const first = startExam(db, user, START, 1);
		handInExam(db, user, first, at(1));
		const second = startExam(db, user, at(2), 2);
		const ids = (attemptId: string) =>
			db.select({ q: t.examAnswer.questionId }).from(t.examAnswer).where(eq(t.examAnswer.attemptId, attemptId)).all().map((r) => r.q);
		const overlap = ids(second).filter((q) => ids(first).includes(q));
		expect(overlap).toEqual([]);
	});
});
