import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { createClass, joinClass } from './classes';
import { insightFilterSchema, loadClassInsight } from './insight';
import { loadExamPaper, loadSetPaper, paperQuerySchema, recordPaperAnswers } from './paper';
import { addItems, createSet } from './sets';

const NOW = new Date('2026-12-01T10:00:00Z');
const teacher = 't'.repeat(32);
const other = 'o'.repeat(32);

describe('paper tests', () => {
	let db: Db;
	beforeAll(() => {
		db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		for (const [id, username] of [
			[teacher, 'juf'],
			[other, 'meester']
		] as const) {
			db.insert(t.user).values({ id, username, usernameKey: username, passwordHash: 'x', role: 'teacher', createdAt: NOW }).run();
		}
	});

	it("prints a set's questions in order with options A-C and the right letters in the key", () => {
		const made = createSet(db, teacher, { titleNl: 'Wonen en werk' }, NOW);
		if (!made.ok) throw new Error('set');
		addItems(db, teacher, made.id, ['wo-002', 'wo-001']);
		const paper = loadSetPaper(db, teacher, made.id, 'nl')!;
		expect(paper.title).toBe('Wonen en werk');
		expect(paper.questions.map((question) => [question.number, question.questionId])).toEqual([
			[1, 'wo-002'],
			[2, 'wo-001']
		]);
		for (const question of paper.questions) {
			const row = db.select().from(t.question).where(eq(t.question.id, question.questionId)).get()!;
			expect(question.options).toEqual(row.options.map((option) => option.nl));
			expect(question.answer).toBe('ABC'[row.correctIndex]);
		}
		// another teacher's set is not theirs to print; a built-in set is everyone's
		expect(loadSetPaper(db, other, made.id, 'nl')).toBeNull();
		expect(loadSetPaper(db, other, 'theme-wonen', 'nl')!.questions.length).toBeGreaterThan(10);
	});

	it('draws a practice exam like the real one: 40 questions, the same for the same seed', () => {
		const first = loadExamPaper(db, 12345);
		expect(first).toHaveLength(40);
		expect(new Set(first.map((question) => question.questionId)).size).toBe(40);
		expect(loadExamPaper(db, 12345)).toEqual(first);
		expect(loadExamPaper(db, 54321).map((question) => question.questionId)).not.toEqual(first.map((question) => question.questionId));
	});

	it('takes a set id or an exam seed from the URL, nothing else', () => {
		expect(paperQuerySchema.safeParse({ set: 'theme-wonen' }).success).toBe(true);
		expect(paperQuerySchema.parse({ exam: '42' })).toEqual({ exam: 42 });
		expect(paperQuerySchema.parse({ exam: 'new' })).toEqual({ exam: 'new' });
		for (const bad of [{}, { exam: '-1' }, { exam: '1e9' }, { set: '../x' }, { set: 'x'.repeat(101) }]) {
			expect(paperQuerySchema.safeParse(bad).success).toBe(false);
		}
	});

	it('records typed-in paper answers as practice; one bad row saves nothing', () => {
		const learners = ['p'.repeat(32), 'q'.repeat(32)];
		for (const [index, id] of learners.entries()) {
			db.insert(t.user).values({ id, username: `papier${index}`, usernameKey: `papier${index}`, passwordHash: 'x', role: 'learner', createdAt: NOW }).run();
		}
		const made = createClass(db, teacher, { name: 'Papierklas' }, NOW);
		if (!made.ok) throw new Error('class');
		const code = db.select().from(t.schoolClass).where(eq(t.schoolClass.id, made.id)).get()!.joinCode;
		for (const id of learners) joinClass(db, { id, role: 'learner' }, code, NOW);
		const questions = loadSetPaper(db, teacher, 'theme-wonen', 'nl')!.questions.slice(0, 3);
		const right = questions.map((question) => question.answer).join('');
		const wrong = questions.map((question) => (question.answer === 'A' ? 'B' : 'A')).join('');
		const logs = () => db.select().from(t.reviewLog).all().length;

		expect(recordPaperAnswers(db, made.id, questions, { [learners[0]!]: right, [learners[1]!]: 'AB' }, NOW)).toEqual({
			ok: false,
			problems: { [learners[1]!]: 'length' },
			empty: false
		});
		expect(recordPaperAnswers(db, made.id, questions, { [learners[0]!]: 'ABD' }, NOW)).toMatchObject({ ok: false, problems: { [learners[0]!]: 'letters' } });
		expect(recordPaperAnswers(db, made.id, questions, { [learners[0]!]: ' ', [learners[1]!]: '' }, NOW)).toEqual({ ok: false, problems: {}, empty: true });
		// someone outside the class
		expect(recordPaperAnswers(db, made.id, questions, { [other]: right }, NOW)).toMatchObject({ ok: false });
		expect(logs()).toBe(0);

		// the first learner left the second question open
		const withOpen = right[0] + '-' + right[2];
		expect(recordPaperAnswers(db, made.id, questions, { [learners[0]!]: withOpen, [learners[1]!]: wrong.toLowerCase() }, NOW)).toEqual({ ok: true, answers: 5, learners: 2 });
		const rows = db.select().from(t.reviewLog).where(eq(t.reviewLog.userId, learners[1]!)).all();
		expect(rows.map((row) => [row.questionId, row.correct, row.mode])).toEqual(questions.map((question) => [question.questionId, false, 'practice']));
		// they are scheduled like practice: each answered question has a card, the one left open none
		const cards = db.select().from(t.card).where(eq(t.card.userId, learners[0]!)).all();
		expect(cards.map((card) => card.questionId).sort()).toEqual([questions[0]!.questionId, questions[2]!.questionId].sort());
		expect(cards.every((card) => card.reps === 1 && card.due.getTime() > NOW.getTime())).toBe(true);
		// they count in the class insight like any answer
		const first = loadClassInsight(db, made.id, insightFilterSchema.parse({}), NOW, 'nl').questions.find((question) => question.questionId === questions[0]!.questionId)!;
		expect(first).toMatchObject({ learners: 2, firstRight: 1 });
	});
});

