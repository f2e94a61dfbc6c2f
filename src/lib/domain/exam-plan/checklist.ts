import type { ExamBooking, ExamPlanContent, Law, PlanExam, PlanFact } from '../content/types';

/*
 * "My exam plan": the learner's situation (law, route, deadline, the exams and their dates and
 * results) turned into a dated checklist. Pure: days are learner day numbers (domain/learner-day),
 * "today" is passed in, and every number comes from the content's facts (content/exam-plan.yaml),
 * never from this file.
 */

/** The facts the checklist needs; content validation fails when one is missing. */
export const PLAN_FACTS = {
	bookAhead: 'book-ahead',
	letterBefore: 'letter-before',
	resultWait: 'result-wait',
	retake: 'retake',
	deadline: 'deadline',
	staatsexamenBooking: 'staatsexamen-booking',
	staatsexamenResultWait: 'staatsexamen-result-wait',
	zRoute: 'z-route'
} as const;
export type PlanFactKey = keyof typeof PLAN_FACTS;

/** Facts whose `weeks` the checklist counts with. */
export const PLAN_FACTS_WITH_WEEKS: readonly PlanFactKey[] = ['bookAhead', 'letterBefore', 'resultWait', 'staatsexamenResultWait'];

/** The exam whose date the practice scheduler plans for. */
export const KNM_EXAM_ID = 'knm';

export const ROUTES = ['b1', 'onderwijs', 'z'] as const;
export type Route = (typeof ROUTES)[number];
export const LAWS = ['2013', '2021'] as const satisfies readonly Law[];
export const EXAM_STATUSES = ['todo', 'booked', 'passed', 'failed', 'not_needed'] as const;
export type ExamStatus = (typeof EXAM_STATUSES)[number];

export interface PlanSituation {
	law: Law | null;
	/** the 2021 law's learning route */
	route: Route | null;
	/** the last day of the inburgeringstermijn */
	deadlineDay: number | null;
}

export interface PlannedExam {
	examId: string;
	status: ExamStatus;
	/** the booked (or taken) exam day */
	day: number | null;
}

/** One line of the checklist. `factIds` name the facts (guide, source, checked date) behind it. */
export type PlanStep =
	| { kind: 'deadline'; day: number; weeksLeft: number; factIds: string[] }
	| { kind: 'deadline_passed'; day: number; factIds: string[] }
	| { kind: 'deadline_unknown'; factIds: string[] }
	| { kind: 'z_route'; factIds: string[] }
	| { kind: 'book'; examId: string; byDay: number | null; late: boolean; factIds: string[] }
	| { kind: 'register_staatsexamen'; examIds: string[]; factIds: string[] }
	| { kind: 'letter'; examId: string; day: number; factIds: string[] }
	| { kind: 'exam'; examId: string; day: number; afterDeadline: boolean; retakeRoom: boolean | null; factIds: string[] }
	| { kind: 'result'; examId: string; aroundDay: number; factIds: string[] }
	| { kind: 'retake'; examId: string; byDay: number | null; late: boolean; factIds: string[] }
	| { kind: 'passed'; examId: string; factIds: string[] };

export interface Checklist {
	steps: PlanStep[];
	/** steps still to do, in date order (undated ones after the dated) */
	open: number;
}

const WEEK = 7;

/**
 * Who runs this exam for the learner, by their law. While the law is not known, as under the 2021
 * law (everyone who starts integrating now falls under it).
 */
export function bookingOf(exam: PlanExam, law: Law | null): ExamBooking | null {
	return exam.booking[law ?? '2021'] ?? null;
}

/** The exams of the learner's law (of the 2021 law while the law is not known). */
export function examsFor(content: ExamPlanContent, law: Law | null): PlanExam[] {
	return content.exams.filter((exam) => bookingOf(exam, law) !== null);
}

/** The default status of an exam the learner has not said anything about. */
export function defaultStatus(situation: PlanSituation): ExamStatus {
	return situation.law === '2021' && situation.route === 'z' ? 'not_needed' : 'todo';
}

function factOf(content: ExamPlanContent, key: PlanFactKey): PlanFact {
	const fact = content.facts.find((item) => item.id === PLAN_FACTS[key]);
	if (!fact) throw new Error(`content/exam-plan.yaml: fact "${PLAN_FACTS[key]}" is missing`);
	return fact;
}

function weeksOf(content: ExamPlanContent, key: PlanFactKey): number {
	const weeks = factOf(content, key).weeks;
	if (weeks === null) throw new Error(`content/exam-plan.yaml: fact "${PLAN_FACTS[key]}" has no weeks`);
	return weeks;
}

/** The day a step is about (the deadline, the exam, book by, the result), if it has one. */
export function stepDay(step: PlanStep): number | null {
	switch (step.kind) {
		case 'deadline':
		case 'deadline_passed':
		case 'letter':
		case 'exam':
			return step.day;
		case 'result':
			return step.aroundDay;
		case 'book':
		case 'retake':
			return step.byDay;
		default:
			return null;
	}
}

/**
 * The checklist for a situation on `today`. For each exam still to take, by who runs it:
 * - DUO's integration exam, not booked: book it; with a deadline, by the last day that leaves room
 *   for a retake (first exam at the latest `result wait + book ahead` before the deadline, booked
 *   `book ahead` before that); `late` when that day has passed.
 * - booked, still to come: DUO's letter about a week before, the exam day (flagged when it is after
 *   the deadline, and whether a retake would still fit), the result around `result wait` later.
 * - taken, no result recorded yet: the result around `result wait` after the exam day.
 * - failed: book the retake, by `book ahead` before the deadline.
 * - Staatsexamen NT2 (2021 law's language exams), not booked: register with DUO, one step for all
 *   of them (no dates: the exam has its own calendar).
 * The deadline comes first; then steps by date, undated ones after, passed exams last (ties in
 * exam order).
 */
export function buildChecklist(content: ExamPlanContent, situation: PlanSituation, exams: readonly PlannedExam[], today: number): Checklist {
	const steps: PlanStep[] = [];
	const deadline = situation.deadlineDay;
	const bookAhead = weeksOf(content, 'bookAhead') * WEEK;
	const deadlineFacts = [PLAN_FACTS.deadline];

	if (deadline === null) steps.push({ kind: 'deadline_unknown', factIds: deadlineFacts });
	else if (deadline < today) steps.push({ kind: 'deadline_passed', day: deadline, factIds: deadlineFacts });
	else steps.push({ kind: 'deadline', day: deadline, weeksLeft: Math.floor((deadline - today) / WEEK), factIds: deadlineFacts });
	if (situation.law === '2021' && situation.route === 'z') steps.push({ kind: 'z_route', factIds: [PLAN_FACTS.zRoute] });

	const byId = new Map(exams.map((exam) => [exam.examId, exam]));
	// the Staatsexamen's parts still to book: one step for all of them
	const register: string[] = [];
	for (const exam of examsFor(content, situation.law)) {
		const planned = byId.get(exam.id) ?? { examId: exam.id, status: defaultStatus(situation), day: null };
		const booking = bookingOf(exam, situation.law);
		if (planned.status === 'not_needed' || booking === null) continue;
		const resultWait = weeksOf(content, booking === 'duo' ? 'resultWait' : 'staatsexamenResultWait') * WEEK;
		const resultFact = booking === 'duo' ? PLAN_FACTS.resultWait : PLAN_FACTS.staatsexamenResultWait;
		if (planned.status === 'passed') {
			steps.push({ kind: 'passed', examId: exam.id, factIds: [] });
			continue;
		}
		if (planned.status === 'failed') {
			const byDay = deadline === null ? null : deadline - bookAhead;
			steps.push({ kind: 'retake', examId: exam.id, byDay, late: byDay !== null && byDay < today, factIds: [PLAN_FACTS.retake, PLAN_FACTS.bookAhead] });
			continue;
		}
		if (planned.status === 'booked' && planned.day !== null) {
			if (planned.day >= today) {
				if (booking === 'duo' && planned.day - weeksOf(content, 'letterBefore') * WEEK >= today) {
					steps.push({ kind: 'letter', examId: exam.id, day: planned.day - weeksOf(content, 'letterBefore') * WEEK, factIds: [PLAN_FACTS.letterBefore] });
				}
				steps.push({
					kind: 'exam',
					examId: exam.id,
					day: planned.day,
					afterDeadline: deadline !== null && planned.day > deadline,
					// a failed attempt's result, then a new booking, before the deadline
					retakeRoom: deadline === null ? null : planned.day + resultWait + bookAhead <= deadline,
					factIds: deadline === null ? [] : [resultFact, PLAN_FACTS.bookAhead]
				});
			}
			steps.push({ kind: 'result', examId: exam.id, aroundDay: planned.day + resultWait, factIds: [resultFact] });
			continue;
		}
		// to do (or "booked" without a date): book it
		if (booking === 'staatsexamen') {
			register.push(exam.id);
			continue;
		}
		const byDay = deadline === null ? null : deadline - resultWait - 2 * bookAhead;
		steps.push({ kind: 'book', examId: exam.id, byDay, late: byDay !== null && byDay < today, factIds: [PLAN_FACTS.bookAhead, resultFact] });
	}

	if (register.length > 0) steps.push({ kind: 'register_staatsexamen', examIds: register, factIds: [PLAN_FACTS.staatsexamenBooking] });

	const first: PlanStep['kind'][] = ['deadline', 'deadline_passed', 'deadline_unknown', 'z_route'];
	const order = (step: PlanStep): number => (first.includes(step.kind) ? -1 : step.kind === 'passed' ? 2 : stepDay(step) === null ? 1 : 0);
	const sorted = steps
		.map((step, index) => ({ step, index }))
		.sort((a, b) => order(a.step) - order(b.step) || (order(a.step) === 0 ? stepDay(a.step)! - stepDay(b.step)! : 0) || a.index - b.index)
		.map(({ step }) => step);
	return { steps: sorted, open: sorted.filter((step) => step.kind !== 'passed').length };
}
