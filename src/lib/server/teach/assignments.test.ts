import { beforeEach, describe, expect, it } from 'vitest';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { nextQuestion, parseScope, recordReview } from '../practice';
import { toSessionUser } from '../auth/session';
import { eq } from 'drizzle-orm';
import { createAssignment, deleteAssignment, findForwardReview, listLearnerAssignments, loadClassProgress } from './assignments';
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
		questionIds = searchBank(db, { eindterm: '3.1.2' }).questions.slice(0, 3).map((question) => question.id);
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
		expect(mine.map((item) => [item.id, item.met, item.questions, item.overdue])).toEqual([
			[know.id, 1, 65, false],
			[once.id, 2, 3, false],
			[knowLater.id, 0, 65, false]
		]);
		answer(questionIds[2]!, true, NOW);
		expect(loadClassProgress(db, classId).met[ali]).toEqual({ [know.id]: 2, [once.id]: 3, [knowLater.id]: 0 });
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
		expect(loadClassProgress(db, classId).met[ali]).toEqual({ [task.id]: 1 });
		expect(db.select().from(t.card).all()).toHaveLength(2);
	});
});

