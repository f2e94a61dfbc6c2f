import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { learnerDay, learnerDayKey, learnerDayOfKey, startOfLearnerDay } from '../../domain/learner-day';
import type { DayModel } from '../../domain/learner-day';
import { meetsGoal, pickWeakestForDue, suggestDailyAmount } from '../../domain/teach/known';
import type { AssignmentGoal } from '../../domain/teach/known';
import type { CardPhase } from '../../domain/srs/scheduler';
import type { Db } from '../db';
import * as t from '../db/schema';
import { generateId, ID_PATTERN } from '../ids';
import { loadOwnClass } from './classes';
import { dayKeySchema } from './fields';

/*
 * Assignments: a question set given to a class, open from a day to a due day, with a goal. Every
 * query of class progress lives here, so the teacher's numbers grow in one module. Progress is
 * computed from the learners' own cards and latest answers: practising the assignment is ordinary
 * practice of those questions (one card per question, never two).
 */


const assignmentInput = z
	.object({
		setId: z.string().min(1, 'set_unknown').max(100, 'set_unknown'),
		opensOn: dayKeySchema,
		dueOn: dayKeySchema,
		goal: z.enum(['know', 'once']).catch('know')
	})
	.refine((value) => value.dueOn >= value.opensOn, { message: 'due_before_opening', path: ['dueOn'] });

export type AssignmentProblem = 'set_unknown' | 'date_invalid' | 'due_before_opening' | 'not_found';

export function createAssignment(
	db: Db,
	teacherId: string,
	classId: string,
	input: Record<string, unknown>,
	now: Date
): { ok: true; id: string } | { ok: false; problems: Partial<Record<'setId' | 'opensOn' | 'dueOn', AssignmentProblem>> } {
	if (!loadOwnClass(db, teacherId, classId)) return { ok: false, problems: { setId: 'not_found' } };
	const parsed = assignmentInput.safeParse({
		setId: typeof input.setId === 'string' ? input.setId : '',
		opensOn: typeof input.opensOn === 'string' ? input.opensOn : '',
		dueOn: typeof input.dueOn === 'string' ? input.dueOn : '',
		goal: input.goal
	});
	if (!parsed.success) {
		const problems: Partial<Record<'setId' | 'opensOn' | 'dueOn', AssignmentProblem>> = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path[0] === 'opensOn' ? 'opensOn' : issue.path[0] === 'dueOn' ? 'dueOn' : 'setId';
			problems[field] ??= (['set_unknown', 'date_invalid', 'due_before_opening'] as const).find((code) => code === issue.message) ?? 'date_invalid';
		}
		return { ok: false, problems };
	}
	// The teacher's own set or a built-in one; another teacher's set is unknown.
	const set = db
		.select({ id: t.questionSet.id })
		.from(t.questionSet)
		.where(and(eq(t.questionSet.id, parsed.data.setId), or(eq(t.questionSet.ownerId, teacherId), isNull(t.questionSet.ownerId))))
		.get();
	if (!set) return { ok: false, problems: { setId: 'set_unknown' } };
	const id = generateId();
	db.insert(t.assignment).values({ id, classId, ...parsed.data, createdAt: now }).run();
	return { ok: true, id };
}

export function deleteAssignment(db: Db, teacherId: string, classId: string, assignmentId: unknown): boolean {
	if (typeof assignmentId !== 'string' || !ID_PATTERN.test(assignmentId) || !loadOwnClass(db, teacherId, classId)) return false;
	return db.delete(t.assignment).where(and(eq(t.assignment.id, assignmentId), eq(t.assignment.classId, classId))).run().changes === 1;
}

export interface AssignmentSummary {
	id: string;
	setId: string;
	titleNl: string;
	titleEn: string;
	goal: AssignmentGoal;
	opensOn: string;
	dueOn: string;
	questions: number;
}

function listAssignments(db: Db, classIds: string[]): (AssignmentSummary & { classId: string })[] {
	if (classIds.length === 0) return [];
	return db
		.select({
			id: t.assignment.id,
			classId: t.assignment.classId,
			setId: t.assignment.setId,
			titleNl: t.questionSet.titleNl,
			titleEn: t.questionSet.titleEn,
			goal: t.assignment.goal,
			opensOn: t.assignment.opensOn,
			dueOn: t.assignment.dueOn,
			questions: sql<number>`(SELECT COUNT(*) FROM question_set_item i JOIN question q ON q.id = i.question_id WHERE i.set_id = ${t.assignment.setId} AND q.retired_at IS NULL)`
		})
		.from(t.assignment)
		.innerJoin(t.questionSet, eq(t.questionSet.id, t.assignment.setId))
		.where(inArray(t.assignment.classId, classIds))
		.orderBy(asc(t.assignment.dueOn), asc(t.assignment.createdAt))
		.all();
}

export function listClassAssignments(db: Db, classId: string): AssignmentSummary[] {
	return listAssignments(db, [classId]);
}

interface ProgressRow {
	userId: string;
	setId: string;
	questionId: string;
	stability: number | null;
	lastReview: number | null;
	state: number | null;
	lastCorrect: number | null;
}

/**
 * For the given learners and sets: per learner and set, the state of each active question (card
 * and latest answer), one grouped query (indexes: card primary key, review_log (user, question, time)).
 */
function loadQuestionStates(db: Db, userIds: string[], setIds: string[]): ProgressRow[] {
	if (userIds.length === 0 || setIds.length === 0) return [];
	return db.all<ProgressRow>(sql`
		SELECT u.value AS userId, i.set_id AS setId, i.question_id AS questionId,
			c.stability AS stability, c.last_review AS lastReview, c.state AS state,
			(SELECT r.correct FROM review_log r WHERE r.user_id = u.value AND r.question_id = i.question_id
				ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1) AS lastCorrect
		FROM json_each(${JSON.stringify(userIds)}) u
		JOIN question_set_item i ON i.set_id IN (SELECT value FROM json_each(${JSON.stringify(setIds)}))
		JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
		LEFT JOIN card c ON c.user_id = u.value AND c.question_id = i.question_id`);
}

function countMet(rows: ProgressRow[], goal: AssignmentGoal, dueOn: string, day: DayModel): number {
	const due = startOfLearnerDay(learnerDayOfKey(dueOn), day);
	let met = 0;
	for (const row of rows) {
		const state = {
			card: row.lastReview === null ? null : { stability: row.stability ?? 0, lastReview: new Date(row.lastReview), state: (row.state ?? 0) as CardPhase },
			lastCorrect: row.lastCorrect === null ? null : row.lastCorrect === 1
		};
		if (meetsGoal(goal, state, due, day)) met += 1;
	}
	return met;
}

export interface LearnerAssignment extends AssignmentSummary {
	className: string;
	met: number;
	overdue: boolean;
	/** about how many questions a day are left to reach the goal by the due day */
	perDay: number;
}

/**
 * The open assignments of a learner's classes (opened on or before today, in the learner's days),
 * by due date, with how many questions meet the goal.
 */
export function listLearnerAssignments(db: Db, userId: string, now: Date, day: DayModel): LearnerAssignment[] {
	const classes = db
		.select({ id: t.schoolClass.id, name: t.schoolClass.name })
		.from(t.classMember)
		.innerJoin(t.schoolClass, eq(t.schoolClass.id, t.classMember.classId))
		.where(eq(t.classMember.userId, userId))
		.all();
	if (classes.length === 0) return [];
	const today = learnerDayKey(learnerDay(now, day));
	const assignments = listAssignments(
		db,
		classes.map((row) => row.id)
	).filter((item) => item.opensOn <= today);
	const rows = loadQuestionStates(db, [userId], [...new Set(assignments.map((item) => item.setId))]);
	const todayNumber = learnerDay(now, day);
	return assignments.map((item) => {
		const met = countMet(
			rows.filter((row) => row.setId === item.setId),
			item.goal,
			item.dueOn,
			day
		);
		return {
			...item,
			className: classes.find((row) => row.id === item.classId)?.name ?? '',
			met,
			overdue: item.dueOn < today,
			perDay: suggestDailyAmount(item.questions - met, todayNumber, learnerDayOfKey(item.dueOn))
		};
	});
}

export interface ClassProgress {
	assignments: AssignmentSummary[];
	/** per learner id, per assignment id: questions that meet the goal */
	met: Record<string, Record<string, number>>;
}

/**
 * The class's progress table: learners × assignments. Each learner's days follow their own time
 * zone and rollover hour, as their practice does.
 */
export function loadClassProgress(db: Db, classId: string): ClassProgress {
	const assignments = listClassAssignments(db, classId);
	const learners = db
		.select({ id: t.user.id, timezone: t.user.timezone, dayStartsHour: t.user.dayStartsHour })
		.from(t.classMember)
		.innerJoin(t.user, eq(t.user.id, t.classMember.userId))
		.where(eq(t.classMember.classId, classId))
		.all();
	const rows = loadQuestionStates(
		db,
		learners.map((learner) => learner.id),
		[...new Set(assignments.map((item) => item.setId))]
	);
	const byLearnerAndSet = new Map<string, ProgressRow[]>();
	for (const row of rows) {
		const key = `${row.userId} ${row.setId}`;
		const list = byLearnerAndSet.get(key);
		if (list) list.push(row);
		else byLearnerAndSet.set(key, [row]);
	}
	const met: Record<string, Record<string, number>> = {};
	for (const learner of learners) {
		const day = { timeZone: learner.timezone, dayStartsHour: learner.dayStartsHour };
		met[learner.id] = Object.fromEntries(
			assignments.map((item) => [item.id, countMet(byLearnerAndSet.get(`${learner.id} ${item.setId}`) ?? [], item.goal, item.dueOn, day)])
		);
	}
	return { assignments, met };
}

export interface AssignmentDetail {
	assignment: AssignmentSummary;
	learners: { userId: string; name: string; met: number }[];
	questions: { questionId: string; questionNl: string; eindterm: string; learnersMet: number }[];
}

/**
 * One task of the teacher's class: each learner's progress, and per question how many learners
 * meet the goal (the questions most learners miss are the next lesson). Null when the class is not
 * the teacher's or the task not the class's.
 */
export function loadAssignmentDetail(db: Db, teacherId: string, classId: string, assignmentId: string): AssignmentDetail | null {
	if (!ID_PATTERN.test(assignmentId) || !loadOwnClass(db, teacherId, classId)) return null;
	const assignment = listClassAssignments(db, classId).find((item) => item.id === assignmentId);
	if (!assignment) return null;
	const learners = db
		.select({ id: t.user.id, username: t.user.username, displayName: t.user.displayName, timezone: t.user.timezone, dayStartsHour: t.user.dayStartsHour })
		.from(t.classMember)
		.innerJoin(t.user, eq(t.user.id, t.classMember.userId))
		.where(eq(t.classMember.classId, classId))
		.orderBy(asc(sql`lower(coalesce(${t.user.displayName}, ${t.user.username}))`))
		.all();
	const questions = db
		.select({ questionId: t.question.id, questionNl: t.question.questionNl, eindterm: t.question.eindterm })
		.from(t.questionSetItem)
		.innerJoin(t.question, eq(t.question.id, t.questionSetItem.questionId))
		.where(and(eq(t.questionSetItem.setId, assignment.setId), isNull(t.question.retiredAt)))
		.orderBy(asc(t.questionSetItem.position))
		.all();
	const rows = loadQuestionStates(
		db,
		learners.map((learner) => learner.id),
		[assignment.setId]
	);
	const rowsByLearner = new Map<string, ProgressRow[]>();
	for (const row of rows) rowsByLearner.set(row.userId, [...(rowsByLearner.get(row.userId) ?? []), row]);
	const perQuestion = new Map<string, number>();
	const perLearner = new Map<string, number>();
	for (const learner of learners) {
		const day = { timeZone: learner.timezone, dayStartsHour: learner.dayStartsHour };
		for (const row of rowsByLearner.get(learner.id) ?? []) {
			if (countMet([row], assignment.goal, assignment.dueOn, day) === 1) {
				perQuestion.set(row.questionId, (perQuestion.get(row.questionId) ?? 0) + 1);
				perLearner.set(learner.id, (perLearner.get(learner.id) ?? 0) + 1);
			}
		}
	}
	return {
		assignment,
		learners: learners.map((learner) => ({
			userId: learner.id,
			name: learner.displayName ? `${learner.displayName} (${learner.username})` : learner.username,
			met: perLearner.get(learner.id) ?? 0
		})),
		questions: questions.map((question) => ({ ...question, learnersMet: perQuestion.get(question.questionId) ?? 0 }))
	};
}

/**
 * When a learner practises a set that is an open "know by the due date" task of one of their
 * classes and nothing is due: the answered question least ready for the due date, brought
 * forward (domain/teach/known.ts); null otherwise. With several such tasks the nearest due date
 * counts.
 */
export function findForwardReview(db: Db, userId: string, setId: string, now: Date, day: DayModel): string | null {
	const today = learnerDayKey(learnerDay(now, day));
	const task = db
		.select({ dueOn: t.assignment.dueOn })
		.from(t.assignment)
		.innerJoin(t.classMember, eq(t.classMember.classId, t.assignment.classId))
		.where(
			and(
				eq(t.classMember.userId, userId),
				eq(t.assignment.setId, setId),
				eq(t.assignment.goal, 'know'),
				sql`${t.assignment.opensOn} <= ${today}`,
				sql`${t.assignment.dueOn} >= ${today}`
			)
		)
		.orderBy(asc(t.assignment.dueOn))
		.get();
	if (!task) return null;
	const rows = loadQuestionStates(db, [userId], [setId]);
	const candidates = rows.map((row) => ({
		questionId: row.questionId,
		card: row.lastReview === null ? null : { stability: row.stability ?? 0, lastReview: new Date(row.lastReview), state: (row.state ?? 0) as CardPhase },
		lastCorrect: row.lastCorrect === null ? null : row.lastCorrect === 1
	}));
	return pickWeakestForDue(candidates, startOfLearnerDay(learnerDayOfKey(task.dueOn), day), day);
}
