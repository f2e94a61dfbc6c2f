import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { z } from 'zod';
import { DAY_MS, learnerDay, learnerDayKey, learnerDayOfKey, startOfLearnerDay } from '../../domain/learner-day';
import { EXAM_QUESTIONS } from '../../domain/exam/draw';
import { DEADLINE_GRACE_MS } from '../../domain/exam/scoring';
import type { DayModel } from '../../domain/learner-day';
import { KNOWN_EPSILON_DAYS, pickWeakestForDue, suggestDailyAmount } from '../../domain/teach/known';
import type { AssignmentGoal, ForwardCandidate } from '../../domain/teach/known';
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


const taskDates = z
	.object({ opensOn: dayKeySchema, dueOn: dayKeySchema })
	.refine((value) => value.dueOn >= value.opensOn, { message: 'due_before_opening', path: ['dueOn'] });

export type AssignmentProblem = 'set_unknown' | 'date_invalid' | 'due_before_opening' | 'not_found';
/** A task's goal: a set known by the due date or answered once, or one practice exam taken. */
export type TaskGoal = AssignmentGoal | 'exam';
type TaskProblems = Partial<Record<'setId' | 'opensOn' | 'dueOn', AssignmentProblem>>;

/**
 * Gives a class a task: a set (the teacher's own or a built-in one) with the goal `know` (the
 * default) or `once`, or with the goal `exam` a practice exam (no set). Every problem is reported
 * next to its field, and nothing is written unless there are none.
 */
export function createAssignment(
	db: Db,
	teacherId: string,
	classId: string,
	input: Record<string, unknown>,
	now: Date
): { ok: true; id: string } | { ok: false; problems: TaskProblems } {
	if (!loadOwnClass(db, teacherId, classId)) return { ok: false, problems: { setId: 'not_found' } };
	const goal: TaskGoal = input.goal === 'exam' || input.goal === 'once' ? input.goal : 'know';
	const problems: TaskProblems = {};
	const dates = taskDates.safeParse({
		opensOn: typeof input.opensOn === 'string' ? input.opensOn : '',
		dueOn: typeof input.dueOn === 'string' ? input.dueOn : ''
	});
	if (!dates.success) {
		for (const issue of dates.error.issues) {
			const field = issue.path[0] === 'dueOn' ? 'dueOn' : 'opensOn';
			problems[field] ??= issue.message === 'due_before_opening' ? 'due_before_opening' : 'date_invalid';
		}
	}
	let setId: string | null = null;
	if (goal !== 'exam') {
		// The teacher's own set or a built-in one; another teacher's set is unknown.
		const wanted = typeof input.setId === 'string' ? input.setId.slice(0, 100) : '';
		const set = db
			.select({ id: t.questionSet.id })
			.from(t.questionSet)
			.where(and(eq(t.questionSet.id, wanted), or(eq(t.questionSet.ownerId, teacherId), isNull(t.questionSet.ownerId))))
			.get();
		if (set) setId = set.id;
		else problems.setId = 'set_unknown';
	}
	if (!dates.success || Object.keys(problems).length > 0) return { ok: false, problems };
	const id = generateId();
	db.insert(t.assignment).values({ id, classId, setId, goal, ...dates.data, createdAt: now }).run();
	return { ok: true, id };
}

export function deleteAssignment(db: Db, teacherId: string, classId: string, assignmentId: unknown): boolean {
	if (typeof assignmentId !== 'string' || !ID_PATTERN.test(assignmentId) || !loadOwnClass(db, teacherId, classId)) return false;
	return db.delete(t.assignment).where(and(eq(t.assignment.id, assignmentId), eq(t.assignment.classId, classId))).run().changes === 1;
}

export interface AssignmentSummary {
	id: string;
	/** null for a mock-exam task */
	setId: string | null;
	/** the set's titles; empty for a mock-exam task */
	titleNl: string;
	titleEn: string;
	goal: TaskGoal;
	opensOn: string;
	dueOn: string;
	/** the set's active questions; a mock exam's 40 */
	questions: number;
}

function listAssignments(db: Db, classIds: string[]): (AssignmentSummary & { classId: string })[] {
	if (classIds.length === 0) return [];
	return db
		.select({
			id: t.assignment.id,
			classId: t.assignment.classId,
			setId: t.assignment.setId,
			titleNl: sql<string>`coalesce(${t.questionSet.titleNl}, '')`,
			titleEn: sql<string>`coalesce(${t.questionSet.titleEn}, '')`,
			goal: t.assignment.goal,
			opensOn: t.assignment.opensOn,
			dueOn: t.assignment.dueOn,
			questions: sql<number>`CASE WHEN ${t.assignment.goal} = 'exam' THEN ${EXAM_QUESTIONS}
				ELSE (SELECT COUNT(*) FROM question_set_item i JOIN question q ON q.id = i.question_id WHERE i.set_id = ${t.assignment.setId} AND q.retired_at IS NULL) END`
		})
		.from(t.assignment)
		.leftJoin(t.questionSet, eq(t.questionSet.id, t.assignment.setId))
		.where(inArray(t.assignment.classId, classIds))
		.orderBy(asc(t.assignment.dueOn), asc(t.assignment.createdAt))
		.all();
}

export function listClassAssignments(db: Db, classId: string): AssignmentSummary[] {
	return listAssignments(db, [classId]);
}

/*
 * Whether a card meets a task's goal, in SQL, so the progress counts are queries over cards
 * (card.last_rating and card.last_review_day are kept by saveCard). It is the rule of
 * domain/teach/known.ts written for SQLite: FSRS defines stability as the days after which recall
 * falls to 0.90, so "recall on the due day ≥ 0.90" is "learner days from the last review to the
 * due day ≤ stability". assignments.test.ts checks the two agree. `c` is the card; only answered
 * questions have one (every saved card is past New), so the joins are inner.
 */
export function meetsGoal(once: SQL, dueDay: SQL): SQL {
	return sql`(${once} OR (c.last_rating = 3 AND ${dueDay} - c.last_review_day <= c.stability + ${sql.raw(String(KNOWN_EPSILON_DAYS))}))`;
}
const TASK_DUE_DAY = sql.raw('CAST(julianday(a.due_on) - 2440587.5 AS INTEGER)');
const TASK_ONCE = sql.raw(`a.goal = 'once'`);

/** The three progress counts (exported so the benchmark can print their query plans). */
export const progressQueries = {
	/**
	 * Per learner of a class: the tasks (by index in `tasks`) of each card that meets its goal, as
	 * one comma-separated list per learner. The learners' cards are read in primary-key order (card
	 * is clustered on it) and matched to the class's questions; one short string per learner comes
	 * back instead of a learner × task GROUP BY, which needed a temporary b-tree of every match.
	 */
	classTable: (classId: string, tasks: { setId: string | null; goal: TaskGoal; dueOn: string }[]) => sql`
		WITH task AS MATERIALIZED (
			SELECT key AS n, value ->> 0 AS set_id, value ->> 1 AS once, value ->> 2 AS due_day
			FROM json_each(${JSON.stringify(tasks.map((task) => [task.setId, task.goal === 'once' ? 1 : 0, learnerDayOfKey(task.dueOn)]))})
		), item AS MATERIALIZED (
			SELECT task.n, task.once, task.due_day, i.question_id
			FROM task
			JOIN question_set_item i ON i.set_id = task.set_id
			JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
		)
		SELECT m.user_id AS userId, group_concat(item.n) AS met
		FROM class_member m CROSS JOIN card c CROSS JOIN item
		WHERE m.class_id = ${classId} AND c.user_id = m.user_id AND item.question_id = c.question_id
			AND ${meetsGoal(sql.raw('item.once'), sql.raw('item.due_day'))}
		GROUP BY m.user_id`,
	/** the (learner, question) pairs of one task that meet its goal */
	task: (assignmentId: string) => sql`
		SELECT m.user_id AS userId, i.question_id AS questionId
		FROM assignment a
		CROSS JOIN class_member m ON m.class_id = a.class_id
		JOIN question_set_item i ON i.set_id = a.set_id
		JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
		JOIN card c ON c.user_id = m.user_id AND c.question_id = i.question_id
		WHERE a.id = ${assignmentId} AND ${meetsGoal(TASK_ONCE, TASK_DUE_DAY)}`,
	/** per task of one learner: questions that meet the goal */
	learner: (userId: string, assignmentIds: string[]) => sql`
		SELECT a.id AS id, SUM(${meetsGoal(TASK_ONCE, TASK_DUE_DAY)}) AS met
		FROM assignment a
		JOIN question_set_item i ON i.set_id = a.set_id
		JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
		JOIN card c ON c.user_id = ${userId} AND c.question_id = i.question_id
		WHERE a.id IN (SELECT value FROM json_each(${JSON.stringify(assignmentIds)}))
		GROUP BY a.id`
};

/**
 * One learner's cards for the active questions of a set, for bringing a question forward (which
 * needs each card's recall, not a count).
 */
function loadQuestionStates(db: Db, userId: string, setId: string): ForwardCandidate[] {
	const rows = db.all<{ questionId: string; stability: number | null; lastReview: number | null; state: number | null; lastRating: number | null }>(sql`
		SELECT i.question_id AS questionId, c.stability AS stability, c.last_review AS lastReview, c.state AS state, c.last_rating AS lastRating
		FROM question_set_item i
		JOIN question q ON q.id = i.question_id AND q.retired_at IS NULL
		LEFT JOIN card c ON c.user_id = ${userId} AND c.question_id = i.question_id
		WHERE i.set_id = ${setId}`);
	return rows.map((row) => ({
		questionId: row.questionId,
		card: row.lastReview === null ? null : { stability: row.stability ?? 0, lastReview: new Date(row.lastReview), state: (row.state ?? 0) as CardPhase },
		lastRating: row.lastRating
	}));
}

export interface ExamTaskResult {
	/** the best score of the mock exams that count for the task */
	best: number;
	total: number;
	/** how many mock exams count for the task */
	taken: number;
}

/**
 * Mock-exam tasks: per learner and task, the learner's finished mock exams started on a learner
 * day from the opening day to the due day (in that learner's days): the best score and how many.
 * An attempt whose time ran out but that no action has closed yet counts with its saved answers,
 * as its result page shows it. One query over the learners' attempts (index: user, started).
 */
function loadExamResults(
	db: Db,
	learners: { id: string; day: DayModel }[],
	tasks: AssignmentSummary[],
	now: Date
): Map<string, Map<string, ExamTaskResult>> {
	const results = new Map<string, Map<string, ExamTaskResult>>();
	const examTasks = tasks.filter((task) => task.goal === 'exam');
	if (examTasks.length === 0 || learners.length === 0) return results;
	// Two days before the earliest opening covers every time zone's start of that day.
	const since = Math.min(...examTasks.map((task) => learnerDayOfKey(task.opensOn))) * DAY_MS - 2 * DAY_MS;
	const attempts = db.all<{ userId: string; startedAt: number; score: number; total: number }>(sql`
		SELECT a.user_id AS userId, a.started_at AS startedAt, a.total AS total,
			coalesce(a.score, (SELECT COUNT(*) FROM exam_answer e WHERE e.attempt_id = a.id AND e.correct = 1)) AS score
		FROM exam_attempt a
		WHERE a.user_id IN (SELECT value FROM json_each(${JSON.stringify(learners.map((learner) => learner.id))}))
			AND a.started_at >= ${since}
			AND (a.closed_at IS NOT NULL OR a.deadline_at + ${DEADLINE_GRACE_MS} < ${now.getTime()})`);
	const dayOf = new Map(learners.map((learner) => [learner.id, learner.day]));
	for (const attempt of attempts) {
		const day = dayOf.get(attempt.userId);
		if (!day) continue;
		const key = learnerDayKey(learnerDay(new Date(attempt.startedAt), day));
		for (const task of examTasks) {
			if (key < task.opensOn || key > task.dueOn) continue;
			let perTask = results.get(attempt.userId);
			if (!perTask) results.set(attempt.userId, (perTask = new Map()));
			const before = perTask.get(task.id);
			perTask.set(task.id, {
				best: Math.max(before?.best ?? 0, attempt.score),
				total: before && before.best >= attempt.score ? before.total : attempt.total,
				taken: (before?.taken ?? 0) + 1
			});
		}
	}
	return results;
}

export interface LearnerAssignment extends AssignmentSummary {
	className: string;
	met: number;
	overdue: boolean;
	/** about how many questions a day are left to reach the goal by the due day */
	perDay: number;
	/** a mock-exam task's result; null when not taken yet or not a mock-exam task */
	exam: ExamTaskResult | null;
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
	const counts = new Map(
		db
			.all<{ id: string; met: number }>(
				progressQueries.learner(
					userId,
					assignments.map((item) => item.id)
				)
			)
			.map((row) => [row.id, row.met])
	);
	const exams = loadExamResults(db, [{ id: userId, day }], assignments, now).get(userId);
	const todayNumber = learnerDay(now, day);
	return assignments.map((item) => {
		const exam = exams?.get(item.id) ?? null;
		const met = item.goal === 'exam' ? (exam ? item.questions : 0) : (counts.get(item.id) ?? 0);
		return {
			...item,
			className: classes.find((row) => row.id === item.classId)?.name ?? '',
			met,
			overdue: item.dueOn < today && met < item.questions,
			perDay: item.goal === 'exam' ? 0 : suggestDailyAmount(item.questions - met, todayNumber, learnerDayOfKey(item.dueOn)),
			exam
		};
	});
}

export interface ClassProgress {
	assignments: AssignmentSummary[];
	/** per learner id, per set task id: questions that meet the goal */
	met: Record<string, Record<string, number>>;
	/** per learner id, per mock-exam task id: the result, when taken */
	exams: Record<string, Record<string, ExamTaskResult>>;
}

/**
 * The class's progress table: learners × assignments. Each learner's days follow their own time
 * zone and rollover hour, as their practice does.
 */
export function loadClassProgress(db: Db, classId: string, now: Date): ClassProgress {
	const assignments = listClassAssignments(db, classId);
	const met: Record<string, Record<string, number>> = {};
	const learners = listLearnerDays(db, classId);
	for (const learner of learners) met[learner.id] = Object.fromEntries(assignments.map((item) => [item.id, 0]));
	for (const row of db.all<{ userId: string; met: string }>(progressQueries.classTable(classId, assignments))) {
		const counts = met[row.userId];
		if (!counts) continue;
		for (const n of row.met.split(',')) {
			const id = assignments[Number(n)]?.id;
			if (id) counts[id] = (counts[id] ?? 0) + 1;
		}
	}
	const exams: Record<string, Record<string, ExamTaskResult>> = {};
	for (const [userId, perTask] of loadExamResults(db, learners, assignments, now)) exams[userId] = Object.fromEntries(perTask);
	return { assignments, met, exams };
}

/** The class's learners with their day models (time zone, rollover hour). */
function listLearnerDays(db: Db, classId: string): { id: string; day: DayModel }[] {
	return db
		.select({ id: t.user.id, timeZone: t.user.timezone, dayStartsHour: t.user.dayStartsHour })
		.from(t.classMember)
		.innerJoin(t.user, eq(t.user.id, t.classMember.userId))
		.where(eq(t.classMember.classId, classId))
		.all()
		.map((row) => ({ id: row.id, day: { timeZone: row.timeZone, dayStartsHour: row.dayStartsHour } }));
}

/**
 * The class table's row order: by name (the roster's order), or by one task's column, most first
 * (questions met, or the best practice-exam score; not taken last), ties by name. An unknown
 * column keeps the roster's order.
 */
export function sortByTask<T extends { userId: string }>(roster: T[], progress: ClassProgress, taskId: string | null): T[] {
	const task = progress.assignments.find((item) => item.id === taskId);
	if (!task) return roster;
	const value = (userId: string) => (task.goal === 'exam' ? (progress.exams[userId]?.[task.id]?.best ?? -1) : (progress.met[userId]?.[task.id] ?? 0));
	return roster
		.map((entry, index) => ({ entry, index, value: value(entry.userId) }))
		.sort((a, b) => b.value - a.value || a.index - b.index)
		.map(({ entry }) => entry);
}

export interface AssignmentDetail {
	assignment: AssignmentSummary;
	learners: { userId: string; name: string; met: number; exam: ExamTaskResult | null }[];
	questions: { questionId: string; questionNl: string; eindterm: string; learnersMet: number }[];
}

/**
 * One task of the teacher's class: each learner's progress, and per question how many learners
 * meet the goal (the questions most learners miss are the next lesson). Null when the class is not
 * the teacher's or the task not the class's.
 */
export function loadAssignmentDetail(db: Db, teacherId: string, classId: string, assignmentId: string, now: Date): AssignmentDetail | null {
	if (!ID_PATTERN.test(assignmentId) || !loadOwnClass(db, teacherId, classId)) return null;
	const assignment = listClassAssignments(db, classId).find((item) => item.id === assignmentId);
	if (!assignment) return null;
	const learners = db
		.select({ id: t.user.id, username: t.user.username, displayName: t.user.displayName })
		.from(t.classMember)
		.innerJoin(t.user, eq(t.user.id, t.classMember.userId))
		.where(eq(t.classMember.classId, classId))
		.orderBy(asc(sql`lower(coalesce(${t.user.displayName}, ${t.user.username}))`))
		.all();
	const questions =
		assignment.setId === null
			? []
			: db
					.select({ questionId: t.question.id, questionNl: t.question.questionNl, eindterm: t.question.eindterm })
					.from(t.questionSetItem)
					.innerJoin(t.question, eq(t.question.id, t.questionSetItem.questionId))
					.where(and(eq(t.questionSetItem.setId, assignment.setId), isNull(t.question.retiredAt)))
					.orderBy(asc(t.questionSetItem.position))
					.all();
	const exams = loadExamResults(db, listLearnerDays(db, classId), [assignment], now);
	// the (learner, question) pairs that meet the goal: at most learners × questions rows
	const pairs = db.all<{ userId: string; questionId: string }>(progressQueries.task(assignment.id));
	const perQuestion = new Map<string, number>();
	const perLearner = new Map<string, number>();
	for (const pair of pairs) {
		perQuestion.set(pair.questionId, (perQuestion.get(pair.questionId) ?? 0) + 1);
		perLearner.set(pair.userId, (perLearner.get(pair.userId) ?? 0) + 1);
	}
	return {
		assignment,
		learners: learners.map((learner) => ({
			userId: learner.id,
			name: learner.displayName ? `${learner.displayName} (${learner.username})` : learner.username,
			met: assignment.goal === 'exam' ? (exams.has(learner.id) ? assignment.questions : 0) : (perLearner.get(learner.id) ?? 0),
			exam: exams.get(learner.id)?.get(assignment.id) ?? null
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
	return pickWeakestForDue(loadQuestionStates(db, userId, setId), startOfLearnerDay(learnerDayOfKey(task.dueOn), day), day);
}
