import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { exportUserData } from '../accounts';
import { toSessionUser } from '../auth/session';
import { recordReview } from '../practice';
import { createClass, joinClass } from './classes';
import { insightFilterSchema, loadClassInsight, makeSetOfQuestions } from './insight';
import { loadOwnSet } from './sets';
import Papa from 'papaparse';
import { writeQuestionsCsv, writeRosterCsv } from './exports';

const parseCsv = (text: string) => {
	expect(text.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
};

const NOW = new Date('2026-12-01T10:00:00Z');
const DAY = 86_400_000;
const teacher = 't'.repeat(32);
const learner = { desiredRetention: 0.9, timezone: 'Europe/Amsterdam', dayStartsHour: 4 };
const ids = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => letter.repeat(32));
const outsider = 'z'.repeat(32);

describe('class insight', () => {
	let db: Db;
	let classId: string;
	let question: { id: string; correctIndex: number; options: { nl: string }[]; themeSlug: string; eindterm: string };

	const answer = (userId: string, correct: boolean, chosenIndex: number, at: Date, questionId = question.id) =>
		recordReview(db, { userId, questionId, questionVersion: 1, mode: 'practice', at, correct, guessed: false, chosenIndex, shownOrder: [0, 1, 2], responseMs: 4000, learner });

	beforeEach(() => {
		db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		db.insert(t.user).values({ id: teacher, username: 'juf', usernameKey: 'juf', passwordHash: 'x', role: 'teacher', createdAt: NOW }).run();
		for (const [index, id] of [...ids, outsider].entries()) {
			db.insert(t.user).values({ id, username: `learner${index}`, usernameKey: `learner${index}`, passwordHash: 'x', role: 'learner', createdAt: NOW }).run();
		}
		const made = createClass(db, teacher, { name: 'Dinsdag' }, NOW);
		if (!made.ok) throw new Error('class');
		classId = made.id;
		const code = db.select().from(t.schoolClass).get()!.joinCode;
		for (const id of ids) joinClass(db, { id, role: 'learner' }, code, NOW);
		const row = db.select().from(t.question).where(eq(t.question.id, 'wo-001')).get()!;
		question = { id: row.id, correctIndex: row.correctIndex, options: row.options, themeSlug: row.themeSlug, eindterm: row.eindterm };
	});

	const wrongIndexes = () => [0, 1, 2].filter((index) => index !== question.correctIndex) as [number, number];
	const filter = (input: Record<string, string> = {}) => insightFilterSchema.parse(input);

	it('counts first tries per learner and which option the wrong answers chose', () => {
		const [first, second] = wrongIndexes();
		const at = new Date(NOW.getTime() - 2 * DAY);
		// a: right at once; b, c, d pick the first wrong option, e and f the second
		answer(ids[0]!, true, question.correctIndex, at);
		for (const id of ids.slice(1, 4)) answer(id, false, first, at);
		for (const id of ids.slice(4)) answer(id, false, second, at);
		// b answers again, right: the first try stays wrong; the answer counts
		answer(ids[1]!, true, question.correctIndex, new Date(at.getTime() + DAY));
		// someone outside the class does not count
		answer(outsider, false, first, at);

		const insight = loadClassInsight(db, classId, filter(), NOW, 'nl');
		const row = insight.questions.find((item) => item.questionId === question.id)!;
		expect(row).toMatchObject({ learners: 6, firstRight: 1, answers: 7, firstTry: { kind: 'share', percent: 17 } });
		expect(row.wrong).toEqual([
			{ option: question.options[first]!.nl, count: 3, share: { kind: 'share', percent: 60 } },
			{ option: question.options[second]!.nl, count: 2, share: { kind: 'share', percent: 40 } }
		]);
		expect(insight.mostMissed.map((item) => item.questionId)).toEqual([question.id]);
	});

	it('shows a count, not a percentage, below 5 learners, and leaves such questions out of "most missed"', () => {
		const [first] = wrongIndexes();
		for (const id of ids.slice(0, 4)) answer(id, false, first, new Date(NOW.getTime() - DAY));
		const insight = loadClassInsight(db, classId, filter(), NOW, 'en');
		const row = insight.questions.find((item) => item.questionId === question.id)!;
		expect(row.firstTry).toEqual({ kind: 'few', count: 4 });
		expect(row.wrong[0]!.share).toEqual({ kind: 'few', count: 4 });
		expect(insight.mostMissed).toEqual([]);
	});

	it('filters the questions by theme and eindterm; unknown filter values are dropped', () => {
		answer(ids[0]!, true, question.correctIndex, new Date(NOW.getTime() - DAY));
		answer(ids[0]!, true, 0, new Date(NOW.getTime() - DAY), 'gz-001');
		expect(loadClassInsight(db, classId, filter({ theme: question.themeSlug }), NOW, 'en').questions.map((item) => item.questionId)).toEqual([question.id]);
		const eindterm = question.eindterm.split('.').slice(0, 2).join('.');
		expect(loadClassInsight(db, classId, filter({ eindterm }), NOW, 'en').questions.map((item) => item.questionId)).toEqual([question.id]);
		const unknown = loadClassInsight(db, classId, filter({ theme: 'no-such-theme', eindterm: '99.9', task: 'nope' }), NOW, 'en');
		expect(unknown.filter).toMatchObject({ theme: undefined, eindterm: undefined, task: undefined });
		expect(unknown.questions).toHaveLength(2);
	});

	it('leaves KNM word cards out: they are no exam questions', () => {
		const word = db.select().from(t.question).where(eq(t.question.origin, 'word')).get()!;
		const wrong = (word.correctIndex + 1) % 3;
		for (const id of ids) answer(id, false, wrong, new Date(NOW.getTime() - DAY), word.id);
		answer(ids[0]!, true, word.correctIndex, new Date(NOW.getTime() - 2 * DAY), word.id);
		const insight = loadClassInsight(db, classId, filter(), NOW, 'en');
		expect(insight.questions).toEqual([]);
		expect(insight.mostMissed).toEqual([]);
		expect(insight.learners.flatMap((item) => item.cells).every((cell) => cell.known === 0)).toBe(true);
	});

	it('counts known questions per learner and theme, and per eindterm for the class', () => {
		// a knows the question (right, a long stability), b answered it wrong
		answer(ids[0]!, true, question.correctIndex, new Date(NOW.getTime() - DAY));
		answer(ids[1]!, false, wrongIndexes()[0], new Date(NOW.getTime() - DAY));
		const insight = loadClassInsight(db, classId, filter(), NOW, 'en');
		const cell = (userId: string) => insight.learners.find((item) => item.userId === userId)!.cells.find((item) => item.theme === question.themeSlug)!;
		expect(cell(ids[0]!)).toMatchObject({ known: 1 });
		expect(cell(ids[1]!)).toMatchObject({ known: 0, percent: 0, band: 'none' });
		const code = question.eindterm.split('.').slice(0, 2).join('.');
		const eindterm = insight.eindterms.find((item) => item.code === code)!;
		expect(eindterm.known).toBe(1);
		const inEindterm = db
			.select()
			.from(t.question)
			.all()
			.filter((row) => row.retiredAt === null && (row.eindterm === code || row.eindterm.startsWith(`${code}.`))).length;
		expect(eindterm.possible).toBe(6 * inEindterm);
		// weakest first: this eindterm (one known) comes after those with none
		expect(insight.eindterms.at(-1)!.code).toBe(code);
	});

	it('lists who needs attention: no answers for 7 days, or an exam soon below the median (only when shared)', () => {
		const correct = question.correctIndex;
		for (const [index, id] of ids.entries()) if (index !== 1) answer(id, true, correct, new Date(NOW.getTime() - (index === 2 ? 8 : 1) * DAY));
		// b never answered; c last answered 8 days ago; d has an exam in 10 days and knows as much as the median
		db.update(t.user).set({ examDate: '2026-12-11' }).where(eq(t.user.id, ids[1]!)).run();
		let attention = loadClassInsight(db, classId, filter(), NOW, 'en').attention;
		// in the roster's order (by name: learner1, learner2)
		expect(attention.map((item) => [item.name, item.reasons.map((reason) => reason.kind)])).toEqual([
			['learner1', ['inactive', 'exam_soon']],
			['learner2', ['inactive']]
		]);
		// b joined before the join screen listed the exam date: the date stays private
		db.update(t.classMember).set({ sharesExamDate: false }).where(eq(t.classMember.userId, ids[1]!)).run();
		attention = loadClassInsight(db, classId, filter(), NOW, 'en').attention;
		expect(attention.find((item) => item.userId === ids[1]!)!.reasons.map((reason) => reason.kind)).toEqual(['inactive']);
	});

	it("a learner's data download lists the classes joined and what the teacher may see", () => {
		const row = db.select().from(t.user).where(eq(t.user.id, ids[0]!)).get()!;
		expect(exportUserData(db, toSessionUser(row), NOW)?.classes).toEqual([
			{ className: 'Dinsdag', teacher: 'juf', joinedAt: NOW.toISOString(), sharesExamDate: true }
		]);
	});

	it('writes the class list and the per-question numbers as CSV, names escaped, no exam date', () => {
		answer(ids[0]!, true, question.correctIndex, new Date(NOW.getTime() - DAY));
		db.update(t.user).set({ displayName: '=HYPERLINK("http://evil.example")', examDate: '2026-12-20' }).where(eq(t.user.id, ids[1]!)).run();
		const roster = parseCsv(writeRosterCsv(db, classId, NOW, 'nl', { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 }));
		expect(roster[0]).toEqual(['Naam', 'Bij de klas sinds', 'Laatst geoefend op']);
		expect(roster).toHaveLength(1 + ids.length);
		expect(roster.find((row) => row[0]!.includes('learner1'))![0]).toBe(`'=HYPERLINK("http://evil.example") (learner1)`);
		expect(roster.find((row) => row[0] === 'learner0')).toEqual(['learner0', '2026-12-01', '2026-11-30']);
		expect(roster.flat().join()).not.toContain('2026-12-20');

		const questions = parseCsv(writeQuestionsCsv(loadClassInsight(db, classId, filter(), NOW, 'en'), 'en'));
		expect(questions[0]![0]).toBe('Question id');
		// one learner: a count, no percentage
		expect(questions[1]!.slice(0, 1).concat(questions[1]!.slice(4, 8))).toEqual([question.id, '1', '1', '', '1']);
	});

	it('makes a set of the most missed questions; a bad id writes nothing', () => {
		const titles = { titleNl: 'Vaak fout', titleEn: 'Often wrong' };
		const made = makeSetOfQuestions(db, teacher, titles, [question.id, 'gz-001'], NOW);
		if (!made.ok) throw new Error('set');
		expect(loadOwnSet(db, teacher, made.id)!.items.map((item) => item.questionId)).toEqual([question.id, 'gz-001']);
		const before = db.select().from(t.questionSet).all().length;
		expect(makeSetOfQuestions(db, teacher, titles, [question.id, 'xx-999'], NOW)).toEqual({ ok: false });
		expect(makeSetOfQuestions(db, teacher, titles, [], NOW)).toEqual({ ok: false });
		expect(db.select().from(t.questionSet).all().length).toBe(before);
	});
});
