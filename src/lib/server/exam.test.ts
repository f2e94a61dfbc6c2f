import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from './content/load';
import { importContent } from './content/import';
import { toSessionUser } from './auth/session';
import type { SessionUser } from './auth/session';
import { openDatabase } from './db';
import type { Db } from './db';
import * as t from './db/schema';
import { closeExpiredAttempts, examOverview, examQuestion, examResult, handInExam, listHistory, loadAttempt, runningAttemptId, saveExamAnswer, startExam } from './exam';
import { countNewToday, loadCard, recordReview } from './practice';
import type { ContentBundle } from '../domain/content';

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
		const attempt = loadAttempt(db, user, id)!;
		for (const item of examOverview(db, attempt)) {
			const answer = db.select().from(t.examAnswer).where(eq(t.examAnswer.position, item.position)).all().find((a) => a.attemptId === id)!;
			const correctIndex = db.select().from(t.question).where(eq(t.question.id, answer.questionId)).get()!.correctIndex;
			const correctPosition = answer.order.indexOf(correctIndex);
			const choice = right(item.position) ? correctPosition : (correctPosition + 1) % 3;
			expect(saveExamAnswer(db, user, id, { position: String(item.position), choice: String(choice) }, now)).toMatchObject({ ok: true });
		}
	}

	it('is Dutch only, unless the learner allows the translation for this practice exam; then it is in their language, also in the review', () => {
		db.update(t.user).set({ translationLocale: 'ar' }).where(eq(t.user.id, 'u1')).run();
		const arabic = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!);
		const plain = startExam(db, arabic, START, { seed: 5 });
		const view = examQuestion(db, arabic, loadAttempt(db, arabic, plain)!, 0, START, 'ar')!;
		expect(view.aid).toBeNull();
		expect(view.question.aid).toBe('');
		handInExam(db, arabic, plain, START);

		const aided = startExam(db, arabic, at(1), { seed: 5, aid: true });
		const attempt = loadAttempt(db, arabic, aided)!;
		const shown = examQuestion(db, arabic, attempt, 0, at(1), 'ar')!;
		expect(shown.aid).toMatchObject({ locale: 'ar', dir: 'rtl', fallback: false, open: true });
		expect(shown.question.aid).toMatch(/[\u0600-\u06FF]/);
		expect(shown.options.every((option) => /[\u0600-\u06FF]/.test(option.aid))).toBe(true);
		handInExam(db, arabic, aided, at(2));
		const review = examResult(db, arabic, loadAttempt(db, arabic, aided)!, at(2), 'ar')!.review[0]!;
		expect(review.question).toEqual(shown.question);
		expect(review.explanation.aid).toMatch(/[\u0600-\u06FF]/);
	});

	it('draws 40 questions in theme blocks with a recorded seed, reproducibly', () => {
		const id = startExam(db, user, START, { seed: 12345 });
		const attempt = db.select().from(t.examAttempt).where(eq(t.examAttempt.id, id)).get()!;
		expect(attempt).toMatchObject({ seed: 12345, total: 40, deadlineAt: at(45) });
		const answers = db.select().from(t.examAnswer).where(eq(t.examAnswer.attemptId, id)).all();
		expect(answers).toHaveLength(40);
		const themes = answers.map((a) => a.themeSlug);
		expect(new Set(themes).size).toBe(8);
		// Blocks: a theme never comes back after another theme started.
		const order = themes.filter((theme, i) => i === 0 || themes[i - 1] !== theme);
		expect(order).toHaveLength(8);

		const again = startExam(db, other, START, { seed: 12345 });
		const otherAnswers = db.select().from(t.examAnswer).where(eq(t.examAnswer.attemptId, again)).all();
		expect(otherAnswers.map((a) => [a.questionId, a.order])).toEqual(answers.map((a) => [a.questionId, a.order]));
	});

	it('continues the running attempt instead of starting a second one', () => {
		const id = startExam(db, user, START);
		expect(startExam(db, user, at(10))).toBe(id);
		const view = examQuestion(db, user, loadAttempt(db, user, id)!, 0, at(10), 'en');
		expect(view).toMatchObject({ secondsLeft: 35 * 60, startsBlock: true, position: 0, total: 40 });
		expect(JSON.stringify(view)).not.toMatch(/correct/i);
	});

	it('saves, changes and flags answers; the attempt is private', () => {
		const id = startExam(db, user, START);
		expect(saveExamAnswer(db, user, id, { position: '3', choice: '1', flagged: 'on' }, at(1))).toEqual({ ok: true, position: 3, closed: false });
		expect(saveExamAnswer(db, user, id, { position: '3', choice: '2' }, at(2))).toEqual({ ok: true, position: 3, closed: false });
		const view = examQuestion(db, user, loadAttempt(db, user, id)!, 3, at(2), 'en')!;
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

		const attempt = loadAttempt(db, user, id)!;
		const result = examResult(db, user, attempt, at(31), 'en')!;
		expect(result).toMatchObject({ score: 20, total: 40, answered: 40, closedReason: 'handed_in', minutesUsed: 30 });
		expect(result.perTheme.reduce((n, theme) => n + theme.total, 0)).toBe(40);
		expect(result.review[0]?.guides.length).toBeGreaterThan(0);
		const logs = db.select().from(t.reviewLog).all();
		expect(logs).toHaveLength(40);
		expect(new Set(logs.map((log) => log.mode))).toEqual(new Set(['exam']));
		expect(logs.filter((log) => log.rating === 3)).toHaveLength(20);
		expect(db.select({ n: count() }).from(t.card).get()?.n).toBe(40);
		expect(listHistory(db, user, at(31), 'en')[0]).toMatchObject({ id, score: 20, total: 40 });
		// Each answer reached the scheduler at the time it was given, not at the hand-in.
		expect(new Set(logs.map((log) => log.reviewedAt.getTime()))).toEqual(new Set([at(20).getTime()]));
	});

	it('closes an attempt at the deadline and scores what was answered', () => {
		const id = startExam(db, user, START);
		answerAll(id, () => true, at(10));
		db.update(t.examAnswer).set({ chosen: null, correct: null, answeredAt: null }).where(eq(t.examAnswer.position, 39)).run();
		// 46 minutes later: page views show it as over and write nothing; the next action closes it.
		expect(examResult(db, user, loadAttempt(db, user, id)!, at(46), 'en')).toMatchObject({ score: 39, closedReason: 'expired', minutesUsed: 45 });
		expect(loadAttempt(db, user, id)!.closedAt).toBeNull();
		expect(saveExamAnswer(db, user, id, { position: '39', choice: '0' }, at(46))).toEqual({ ok: false, problem: 'closed' });
		const attempt = loadAttempt(db, user, id)!;
		expect(attempt).toMatchObject({ closedReason: 'expired', closedAt: at(45), score: 39 });
		expect(db.select({ n: count() }).from(t.reviewLog).get()?.n).toBe(39);
	});

	it('prefers questions not seen in the last 3 attempts', () => {
		const first = startExam(db, user, START, { seed: 1 });
		handInExam(db, user, first, at(1));
		const second = startExam(db, user, at(2), { seed: 2 });
		const ids = (attemptId: string) =>
			db.select({ q: t.examAnswer.questionId }).from(t.examAnswer).where(eq(t.examAnswer.attemptId, attemptId)).all().map((r) => r.q);
		const overlap = ids(second).filter((q) => ids(first).includes(q));
		expect(overlap).toEqual([]);
	});

	it('accepts a save in flight at the deadline, then closes the attempt', () => {
		const id = startExam(db, user, START);
		// Exactly at the deadline, and within the grace seconds: kept, and the attempt closes.
		expect(saveExamAnswer(db, user, id, { position: '0', choice: '1' }, at(45))).toEqual({ ok: true, position: 0, closed: true });
		expect(loadAttempt(db, user, id)).toMatchObject({ closedReason: 'expired', closedAt: at(45) });
		expect(examResult(db, user, loadAttempt(db, user, id)!, at(45), 'en')!.answered).toBe(1);
		// A hand-in after it is refused as closed (the route shows the results).
		expect(handInExam(db, user, id, new Date(at(45).getTime() + 3000))).toEqual({ ok: false, problem: 'closed' });
	});

	it('shows the results during the grace seconds, before anything closes the attempt', () => {
		const id = startExam(db, user, START);
		saveExamAnswer(db, user, id, { position: '0', choice: '1' }, at(30));
		const inGrace = new Date(at(45).getTime() + 2000);
		// Neither the question page nor the results page may send the learner back and forth.
		expect(examResult(db, user, loadAttempt(db, user, id)!, at(44), 'en')).toBeNull();
		expect(examResult(db, user, loadAttempt(db, user, id)!, inGrace, 'en')).toMatchObject({ answered: 1, closedReason: 'expired' });
		expect(listHistory(db, user, inGrace, 'en').map((entry) => entry.id)).toEqual([id]);
		expect(loadAttempt(db, user, id)!.closedAt).toBeNull();
	});

	it('hands in a few seconds late as expired, not as an error', () => {
		const id = startExam(db, user, START);
		expect(handInExam(db, user, id, new Date(at(45).getTime() + 2000))).toEqual({ ok: true });
		expect(loadAttempt(db, user, id)).toMatchObject({ closedReason: 'expired', closedAt: at(45) });
	});

	it('closes an abandoned exam after later practice of its question without rewinding the card', () => {
		const DAY = 86_400_000;
		const id = startExam(db, user, START);
		const first = db.select().from(t.examAnswer).where(eq(t.examAnswer.attemptId, id)).all().find((a) => a.position === 0)!;
		saveExamAnswer(db, user, id, { position: '0', choice: '0' }, at(1));
		// Next morning the learner practises that same question (right), before any exam page is opened.
		const nextMorning = new Date(START.getTime() + DAY - 2 * 3_600_000);
		db.transaction(() =>
			recordReview(db, {
				userId: user.id,
				questionId: first.questionId,
				questionVersion: 1,
				mode: 'practice',
				at: nextMorning,
				correct: true,
				guessed: false,
				chosenIndex: 0,
				shownOrder: [0, 1, 2],
				responseMs: 3000,
				learner: user
			})
		);
		const practised = loadCard(db, user.id, first.questionId)!;
		// Opening /exam (or hovering its link) only reads: the expired attempt is not running.
		expect(runningAttemptId(db, user, nextMorning)).toBeNull();
		expect(listHistory(db, user, nextMorning, 'en')[0]).toMatchObject({ id, closedReason: 'expired' });
		expect(loadAttempt(db, user, id)!.closedAt).toBeNull();
		// Starting a new exam closes the old one first and does not fail.
		const second = startExam(db, user, new Date(nextMorning.getTime() + 60_000), { seed: 7 });
		expect(second).not.toBe(id);
		expect(loadAttempt(db, user, id)).toMatchObject({ closedReason: 'expired', closedAt: at(45) });
		// The exam answer took its place in history: the card keeps its last review, and is not due earlier.
		const card = loadCard(db, user.id, first.questionId)!;
		expect(card.lastReview).toEqual(nextMorning);
		expect(card.due.getTime()).toBeGreaterThan(nextMorning.getTime());
		expect(card.reps).toBe(practised.reps + 1);
		const logs = db.select().from(t.reviewLog).where(eq(t.reviewLog.questionId, first.questionId)).all();
		expect(logs.map((log) => [log.mode, log.reviewedAt.getTime()])).toEqual([
			['practice', nextMorning.getTime()],
			['exam', at(1).getTime()]
		]);
	});

	it('leaves today\'s new-question budget alone', () => {
		const id = startExam(db, user, START);
		answerAll(id, () => true, at(5));
		handInExam(db, user, id, at(6));
		expect(db.select({ n: count() }).from(t.reviewLog).get()?.n).toBe(40);
		expect(countNewToday(db, user, at(7))).toBe(0);
	});

	it('keeps scores and review screens when a question\'s right answer moves later', () => {
		const id = startExam(db, user, START, { seed: 99 });
		answerAll(id, () => true, at(5));
		handInExam(db, user, id, at(6));
		const before = examResult(db, user, loadAttempt(db, user, id)!, at(7), 'en')!;
		expect(before.score).toBe(40);

		// The content team moves the right option of the first question to another option.
		const first = db.select().from(t.examAnswer).where(eq(t.examAnswer.attemptId, id)).all().find((a) => a.position === 0)!;
		const bundle: ContentBundle = loadContent();
		const edited = bundle.questions.find((q) => q.id === first.questionId)!;
		edited.correctIndex = (edited.correctIndex + 1) % 3;
		importContent(db, bundle, at(60));
		expect(db.select({ v: t.question.version }).from(t.question).where(eq(t.question.id, first.questionId)).get()?.v).toBe(2);

		const after = examResult(db, user, loadAttempt(db, user, id)!, at(61), 'en')!;
		expect(after.score).toBe(40);
		expect(after.review[0]).toEqual(before.review[0]);
		expect(listHistory(db, user, at(61), 'en')[0]?.score).toBe(40);
	});

	it('closes expired attempts from any action, once', () => {
		const id = startExam(db, user, START);
		saveExamAnswer(db, user, id, { position: '0', choice: '0' }, at(1));
		expect(closeExpiredAttempts(db, user, at(44))).toBe(0);
		expect(closeExpiredAttempts(db, user, at(50))).toBe(1);
		expect(closeExpiredAttempts(db, user, at(51))).toBe(0);
		expect(db.select({ n: count() }).from(t.reviewLog).get()?.n).toBe(1);
	});
});
