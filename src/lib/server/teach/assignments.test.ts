import { beforeEach, describe, expect, it } from 'vitest';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { markGuessed, nextQuestion, parseScope, recordReview, saveCard } from '../practice';
import { seededRandom } from '../../domain/random';
import { meetsGoal } from '../../domain/teach/known';
import { learnerDayOfKey, startOfLearnerDay } from '../../domain/learner-day';
import { updateSettings } from '../accounts';
import { fillMissingReviewDays } from '../db/review-days';
import { toSessionUser } from '../auth/session';
import { eq } from 'drizzle-orm';
import { createAssignment, deleteAssignment, findForwardReview, listLearnerAssignments, loadAssignmentDetail, loadClassProgress, sortByTask } from './assignments';
import { examOverview, handInExam, loadAttempt, saveExamAnswer, startExam } from '../exam';
import { createClass, joinClass } from './classes';
import { addItems, createSet, deleteSet, listSetUses, searchBank } from './sets';

const NOW = new Date('2026-12-01T10:00:00Z');
const DAY = 86_400_000;
const teacher = 'a'.repeat(32);
const other = 'b'.repeat(32);
const ali = 'c'.repeat(32);
const learner = { desiredRetention: 0.9, timezone: 'Europe/Amsterdam', dayStartsHour: 4 };

describe('assignments', () => {
	let db: Db;
	let classId: string;
	let setId: string;
	let questionIds: string[];

	beforeEach(() => {
		db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		for (const [id, username, role] of [
			[teacher, 'meester', 'teacher'],
			[other, 'juf', 'teacher'],
			[ali, 'ali', 'learner']
		] as const) {
			db.insert(t.user).values({ id, username, usernameKey: username, passwordHash: 'x', role, createdAt: NOW }).run();
		}
		const made = createClass(db, teacher, { name: 'KNM' }, NOW);
		if (!made.ok) throw new Error('class');
		classId = made.id;
		const set = createSet(db, teacher, { titleNl: 'Huren' }, NOW);
		if (!set.ok) throw new Error('set');
		setId = set.id;
		questionIds = searchBank(db, teacher, { eindterm: '3.1.2' }).questions.slice(0, 3).map((question) => question.id);
		addItems(db, teacher, setId, questionIds);
		const code = db.select().from(t.schoolClass).get()!.joinCode;
		joinClass(db, { id: ali, role: 'learner' }, code, NOW);
	});

	const answer = (questionId: string, correct: boolean, at: Date) =>
		recordReview(db, { userId: ali, questionId, questionVersion: 1, mode: 'practice', at, correct, guessed: false, chosenIndex: 0, shownOrder: [0, 1, 2], responseMs: 3000, learner });

	it('refuses bad input and other teachers, writing nothing', () => {
		expect(createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-05', dueOn: '2026-12-01' }, NOW)).toEqual({
			ok: false,
			problems: { dueOn: 'due_before_opening' }
		});
		expect(createAssignment(db, teacher, classId, { setId: 'nope', opensOn: '2026-12-01', dueOn: 'morgen' }, NOW)).toMatchObject({ ok: false, problems: { dueOn: 'date_invalid' } });
		expect(createAssignment(db, other, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-20' }, NOW)).toMatchObject({ ok: false });
		const otherSet = createSet(db, other, { titleNl: 'Van de juf' }, NOW);
		if (!otherSet.ok) throw new Error('set');
		expect(createAssignment(db, teacher, classId, { setId: otherSet.id, opensOn: '2026-12-01', dueOn: '2026-12-20' }, NOW)).toEqual({
			ok: false,
			problems: { setId: 'set_unknown' }
		});
		expect(db.select().from(t.assignment).all()).toEqual([]);
	});

	it('counts "answered once" and "known by the due date" per learner; a set in use cannot be deleted', () => {
		const once = createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-20', goal: 'once' }, NOW);
		const know = createAssignment(db, teacher, classId, { setId: 'theme-wonen', opensOn: '2026-12-01', dueOn: '2026-12-03', goal: 'know' }, NOW);
		const knowLater = createAssignment(db, teacher, classId, { setId: 'theme-wonen', opensOn: '2026-12-01', dueOn: '2026-12-31', goal: 'know' }, NOW);
		if (!once.ok || !know.ok || !knowLater.ok) throw new Error('assignment');
		expect(deleteSet(db, teacher, setId)).toEqual({ ok: false, problem: 'in_use' });
		expect(listSetUses(db, teacher, setId)).toEqual([{ classId, className: 'KNM', dueOn: '2026-12-20' }]);
		expect(listSetUses(db, other, setId)).toEqual([]);

		answer(questionIds[0]!, true, NOW);
		answer(questionIds[1]!, false, NOW);
		const day = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
		// One right answer (FSRS-6: stability about 2.3 days) is known for a due date 2 days away,
		// not for one 30 days away; a wrong answer is never known; "once" counts both answers.
		const mine = listLearnerAssignments(db, ali, NOW, day);
		// the built-in theme set holds the theme's bank questions, not its word cards
		const wonen = loadContent().questions.filter((question) => question.theme === 'wonen').length;
		expect(mine.map((item) => [item.id, item.met, item.questions, item.overdue])).toEqual([
			[know.id, 1, wonen, false],
			[once.id, 2, 3, false],
			[knowLater.id, 0, wonen, false]
		]);
		answer(questionIds[2]!, true, NOW);
		expect(loadClassProgress(db, classId, NOW).met[ali]).toEqual({ [know.id]: 2, [once.id]: 3, [knowLater.id]: 0 });
		const later = new Date(NOW.getTime() + 12 * DAY);
		expect(listLearnerAssignments(db, ali, later, day).find((item) => item.id === know.id)?.overdue).toBe(true);

		expect(deleteAssignment(db, other, classId, once.id)).toBe(false);
		expect(deleteAssignment(db, teacher, classId, once.id)).toBe(true);
		expect(deleteSet(db, teacher, setId)).toEqual({ ok: true });
		// The learner's answers stay.
		expect(db.select().from(t.reviewLog).all()).toHaveLength(3);
	});

	it('brings weak questions forward for a "know" task when nothing is due, and suggests a daily amount', () => {
		const day = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
		const user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, ali)).get()!);
		const scope = parseScope(`set:${setId}`)!;
		// Three right answers, two days apart: the cards are in review, nothing is due today.
		for (const id of questionIds) {
			answer(id, true, NOW);
			answer(id, true, new Date(NOW.getTime() + 2 * DAY));
		}
		const later = new Date(NOW.getTime() + 3 * DAY);
		// Without a task the set is done for now; "practise once" does not bring anything forward.
		expect(nextQuestion(db, user, scope, later).done).toBe(true);
		createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-20', goal: 'once' }, NOW);
		expect(nextQuestion(db, user, scope, later).done).toBe(true);
		// A "know by 31 December" task: the weakest question for that day comes back now.
		createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-31', goal: 'know' }, NOW);
		const forward = findForwardReview(db, ali, setId, later, day);
		expect(questionIds).toContain(forward);
		const next = nextQuestion(db, user, scope, later);
		expect(next.done ? null : next.shown.questionId).toBe(forward);
		// Suggested: 3 questions left over the days to 31 December.
		const task = listLearnerAssignments(db, ali, later, day).find((item) => item.goal === 'know')!;
		expect(task.perDay).toBe(1);
	});

	it('counts answers from a mock exam for a task, as from practice (one card per question)', () => {
		const task = createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-02', goal: 'know' }, NOW);
		if (!task.ok) throw new Error('assignment');
		recordReview(db, { userId: ali, questionId: questionIds[0]!, questionVersion: 1, mode: 'exam', at: NOW, correct: true, guessed: false, chosenIndex: 0, shownOrder: [0, 1, 2], responseMs: null, learner });
		// A wrong practice answer the next morning to another question; then the table.
		answer(questionIds[1]!, false, new Date(NOW.getTime() + DAY));
		expect(loadClassProgress(db, classId, NOW).met[ali]).toEqual({ [task.id]: 1 });
		expect(db.select().from(t.card).all()).toHaveLength(2);
	});

	it('counts in SQL exactly what the domain rule says, for learners in any time zone and rollover hour', () => {
		const random = seededRandom(7);
		const zones = ['Europe/Amsterdam', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
		const learners: { id: string; day: { timeZone: string; dayStartsHour: number } }[] = [];
		for (let n = 0; n < 12; n++) {
			const id = `learner${n}`.padEnd(32, 'x');
			const day = { timeZone: zones[n % zones.length]!, dayStartsHour: (n * 5) % 24 };
			db.insert(t.user).values({ id, username: `l${n}`, usernameKey: `l${n}`, passwordHash: 'x', role: 'learner', createdAt: NOW, timezone: day.timeZone, dayStartsHour: day.dayStartsHour }).run();
			db.insert(t.classMember).values({ classId, userId: id, joinedAt: NOW }).run();
			learners.push({ id, day });
		}
		const tasks = ['2026-12-01', '2026-12-09', '2027-01-15', '2027-03-28'].flatMap((dueOn) =>
			(['know', 'once'] as const).map((goal) => {
				const made = createAssignment(db, teacher, classId, { setId: 'theme-wonen', opensOn: '2026-11-01', dueOn, goal }, NOW);
				if (!made.ok) throw new Error('assignment');
				return { id: made.id, dueOn, goal };
			})
		);
		const wonen = searchBank(db, teacher, { theme: 'wonen' }).questions.map((question) => question.id);
		const states = new Map<string, { stability: number; lastReview: Date; state: 1 | 2 | 3; rating: 1 | 3 }>();
		for (const learner of learners) {
			for (const questionId of wonen) {
				if (random() < 0.2) continue;
				const lastReview = new Date(NOW.getTime() - Math.floor(random() * 40 * DAY) + Math.floor(random() * DAY));
				// whole-day stabilities hit the boundary "exactly 0.90 on the due day"
				const stability = random() < 0.3 ? 1 + Math.floor(random() * 60) : 0.1 + random() * 90;
				const state = (1 + Math.floor(random() * 3)) as 1 | 2 | 3;
				const rating = random() < 0.8 ? 3 : 1;
				const card = { due: NOW, stability, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state, lastReview };
				saveCard(db, learner.id, questionId, card, rating, learner.day);
				states.set(`${learner.id} ${questionId}`, { stability, lastReview, state, rating });
			}
		}
		const progress = loadClassProgress(db, classId, NOW);
		let known = 0;
		for (const learner of learners) {
			for (const task of tasks) {
				const due = startOfLearnerDay(learnerDayOfKey(task.dueOn), learner.day);
				const expected = wonen.filter((questionId) => {
					const state = states.get(`${learner.id} ${questionId}`);
					return meetsGoal(task.goal, { card: state ?? null, lastRating: state?.rating ?? null }, due, learner.day);
				}).length;
				if (task.goal === 'know') known += expected;
				expect(progress.met[learner.id]?.[task.id], `${learner.day.timeZone} ${task.goal} ${task.dueOn}`).toBe(expected);
			}
		}
		// the data reaches both sides of the rule
		expect(known).toBeGreaterThan(100);
	});

	it('does not count a right answer the learner marked as a guess', () => {
		const task = createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-02', goal: 'know' }, NOW);
		if (!task.ok) throw new Error('assignment');
		const { logId } = answer(questionIds[0]!, true, NOW);
		expect(loadClassProgress(db, classId, NOW).met[ali]).toEqual({ [task.id]: 1 });
		expect(markGuessed(db, { id: ali, ...learner }, logId)).toEqual({ ok: true });
		expect(loadClassProgress(db, classId, NOW).met[ali]).toEqual({ [task.id]: 0 });
	});

	it('keeps the learner day of each answer when the learner moves, and fills it for cards from before it was stored', () => {
		// Answered at 23:30 in Amsterdam (rollover 04:00): learner day 1 December. Due 2 December
		// with stability about 2.3: known. In New York the same instant is 17:30 on 1 December.
		const task = createAssignment(db, teacher, classId, { setId, opensOn: '2026-11-01', dueOn: '2026-12-04', goal: 'know' }, NOW);
		if (!task.ok) throw new Error('assignment');
		const late = new Date('2026-12-01T22:30:00Z');
		answer(questionIds[0]!, true, late);
		const dayOf = () => db.select({ day: t.card.lastReviewDay }).from(t.card).where(eq(t.card.userId, ali)).get()?.day;
		expect(dayOf()).toBe(learnerDayOfKey('2026-12-01'));
		// An early riser in Auckland: 11:30 on 2 December, past their 06:00 rollover.
		const user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, ali)).get()!);
		const settings = { uiLocale: 'nl', translationLocale: 'en', timezone: 'Pacific/Auckland', dayStartsHour: '6', desiredRetention: '0.9', newPerDay: '20' };
		expect(updateSettings(db, user, settings, NOW).ok).toBe(true);
		expect(dayOf()).toBe(learnerDayOfKey('2026-12-02'));
		// A card written before the column existed gets its day when the database opens.
		db.update(t.card).set({ lastReviewDay: null }).run();
		expect(fillMissingReviewDays(db.$client)).toBe(1);
		expect(dayOf()).toBe(learnerDayOfKey('2026-12-02'));
	});

	describe('a practice-exam task', () => {
		const MINUTE = 60_000;
		/** Starts an exam at `at` and answers the first `right` questions right, the rest wrong. */
		function sitExam(at: Date, right: number, handIn = true): string {
			const user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, ali)).get()!);
			const id = startExam(db, user, at, { seed: 99 });
			for (const item of examOverview(db, loadAttempt(db, user, id)!)) {
				const saved = db.select().from(t.examAnswer).all().find((row) => row.attemptId === id && row.position === item.position)!;
				const correctIndex = db.select().from(t.question).where(eq(t.question.id, saved.questionId)).get()!.correctIndex;
				const choice = item.position < right ? saved.order.indexOf(correctIndex) : (saved.order.indexOf(correctIndex) + 1) % 3;
				expect(saveExamAnswer(db, user, id, { position: String(item.position), choice: String(choice) }, new Date(at.getTime() + MINUTE))).toMatchObject({ ok: true });
			}
			if (handIn) expect(handInExam(db, user, id, new Date(at.getTime() + 2 * MINUTE))).toEqual({ ok: true });
			return id;
		}

		it('checks its dates and its class, and writes nothing on bad input', () => {
			expect(createAssignment(db, teacher, classId, { goal: 'exam', opensOn: '2026-12-09', dueOn: '2026-12-08' }, NOW)).toEqual({ ok: false, problems: { dueOn: 'due_before_opening' } });
			expect(createAssignment(db, teacher, classId, { goal: 'exam', opensOn: '9 december', dueOn: '2026-12-08' }, NOW)).toMatchObject({ ok: false, problems: { opensOn: 'date_invalid' } });
			expect(createAssignment(db, other, classId, { goal: 'exam', opensOn: '2026-12-01', dueOn: '2026-12-08' }, NOW)).toEqual({ ok: false, problems: { setId: 'not_found' } });
			expect(db.select().from(t.assignment).all()).toEqual([]);
		});

		it('records the best score of the exams started from the opening day to the due day, in the learner\'s days', () => {
			const task = createAssignment(db, teacher, classId, { goal: 'exam', opensOn: '2026-12-02', dueOn: '2026-12-08' }, NOW);
			if (!task.ok) throw new Error('task');
			const day = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
			const mine = () => listLearnerAssignments(db, ali, new Date('2026-12-09T12:00:00Z'), day).find((item) => item.id === task.id)!;
			// Not taken: not met, and overdue after the due day.
			expect(mine()).toMatchObject({ goal: 'exam', questions: 40, met: 0, exam: null, overdue: true, perDay: 0 });
			// 1 December 10:00 is before the opening day: it does not count.
			sitExam(NOW, 30);
			expect(mine().exam).toBeNull();
			// 2 December 03:30 in Amsterdam is still 1 December for a learner whose day starts at 04:00.
			sitExam(new Date('2026-12-02T02:30:00Z'), 35);
			expect(mine().exam).toBeNull();
			sitExam(new Date('2026-12-03T09:00:00Z'), 24);
			sitExam(new Date('2026-12-05T09:00:00Z'), 31);
			expect(mine()).toMatchObject({ met: 40, overdue: false, exam: { best: 31, total: 40, taken: 2 } });
			// An exam whose time ran out and that nothing has closed yet counts with its saved answers.
			sitExam(new Date('2026-12-08T20:00:00Z'), 33, false);
			const after = new Date('2026-12-08T21:00:00Z');
			expect(loadClassProgress(db, classId, after).exams[ali]).toEqual({ [task.id]: { best: 33, total: 40, taken: 3 } });
			// ...but not while it is still running.
			expect(loadClassProgress(db, classId, new Date('2026-12-08T20:10:00Z')).exams[ali]).toEqual({ [task.id]: { best: 31, total: 40, taken: 2 } });
			const detail = loadAssignmentDetail(db, teacher, classId, task.id, after)!;
			expect(detail.questions).toEqual([]);
			expect(detail.learners).toEqual([{ userId: ali, name: 'ali', met: 40, exam: { best: 33, total: 40, taken: 3 } }]);
			expect(loadAssignmentDetail(db, other, classId, task.id, after)).toBeNull();
		});
	});

	it('sorts the class table by a task column, most first, ties and not taken in roster order', () => {
		const set = createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-20', goal: 'once' }, NOW);
		const exam = createAssignment(db, teacher, classId, { goal: 'exam', opensOn: '2026-12-01', dueOn: '2026-12-20' }, NOW);
		if (!set.ok || !exam.ok) throw new Error('task');
		const roster = [{ userId: 'anna' }, { userId: 'bram' }, { userId: 'cem' }, { userId: 'dua' }];
		const progress = {
			assignments: loadClassProgress(db, classId, NOW).assignments,
			met: { anna: { [set.id]: 1 }, bram: { [set.id]: 3 }, cem: { [set.id]: 1 }, dua: {} },
			exams: { cem: { [exam.id]: { best: 20, total: 40, taken: 1 } }, dua: { [exam.id]: { best: 0, total: 40, taken: 1 } } }
		};
		const order = (taskId: string | null) => sortByTask(roster, progress, taskId).map((entry) => entry.userId);
		expect(order(set.id)).toEqual(['bram', 'anna', 'cem', 'dua']);
		// a score of 0 is above "not taken"
		expect(order(exam.id)).toEqual(['cem', 'dua', 'anna', 'bram']);
		expect(order(null)).toEqual(['anna', 'bram', 'cem', 'dua']);
		expect(order('not-a-task')).toEqual(['anna', 'bram', 'cem', 'dua']);
	});
});
