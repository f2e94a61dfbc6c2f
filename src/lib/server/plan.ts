import { eq } from 'drizzle-orm';
import { createEvents } from 'ics';
import type { EventAttributes } from 'ics';
import { z } from 'zod';
import { learnerDay, learnerDayKey, learnerDayOfKey } from '../domain/learner-day';
import { pickLocale } from '../domain/locale';
import type { Locale } from '../domain/locale';
import type { ExamPlanContent, Law, PlanExam, PlanFact } from '../domain/content/types';
import {
	bookingOf,
	buildChecklist,
	defaultStatus,
	EXAM_STATUSES,
	examsFor,
	KNM_EXAM_ID,
	LAWS,
	ROUTES,
	stepDay
} from '../domain/exam-plan/checklist';
import type { ExamStatus, PlanSituation, PlanStep, PlannedExam, Route } from '../domain/exam-plan/checklist';
import { isCalendarDate, saveExamDate } from './exam-date';
import type { SessionUser } from './auth/session';
import type { Db } from './db';
import * as t from './db/schema';
import { dayModelOf, saveExamOutcome } from './practice';
import { m } from '../paraglide/messages';

/*
 * "My exam plan" (/plan): the learner's law, route, deadline and exams, stored per learner; the
 * checklist is built by domain/exam-plan/checklist.ts from the facts in content/exam-plan.yaml
 * (imported whole into content_document). The KNM exam's date is user.exam_date, so the date
 * given here is the one practice plans for.
 */

let cached: { hash: string; content: ExamPlanContent } | null = null;

/** content/exam-plan.yaml as imported (parsed once per content version). */
export function loadPlanContent(db: Db): ExamPlanContent {
	const row = db.select().from(t.contentDocument).where(eq(t.contentDocument.name, 'exam-plan')).get();
	if (!row) throw new Error('content_document "exam-plan" is missing: the content import has not run');
	if (cached?.hash !== row.contentHash) cached = { hash: row.contentHash, content: row.body as ExamPlanContent };
	return cached.content;
}

/** A dated checklist step with its facts resolved for the page: guide, source page, checked date. */
export interface PlanStepView {
	step: PlanStep;
	/** the exam's name in the interface language, for exam steps */
	examName: string | null;
	/** dates as YYYY-MM-DD (learner days) */
	date: string | null;
	facts: { id: string; text: string; guideSlug: string; guideTitle: string; sourceName: string; sourceUrl: string; checked: string }[];
}

export interface ExamPlanView {
	law: Law | null;
	route: Route | null;
	deadline: string | null;
	exams: { id: string; name: string; booking: 'duo' | 'staatsexamen' | null; status: ExamStatus; date: string | null }[];
	steps: PlanStepView[];
	open: number;
	/** the learner's own days: today as YYYY-MM-DD (for the date fields' limits) */
	today: string;
}

interface StoredPlan {
	situation: PlanSituation;
	exams: PlannedExam[];
}

function readStoredPlan(db: Db, user: SessionUser, content: ExamPlanContent): StoredPlan {
	const row = db.select().from(t.examPlan).where(eq(t.examPlan.userId, user.id)).get();
	const situation: PlanSituation = {
		law: row?.law ?? null,
		route: row?.route ?? null,
		deadlineDay: row?.deadline ? learnerDayOfKey(row.deadline) : null
	};
	const rows = new Map(db.select().from(t.examPlanExam).where(eq(t.examPlanExam.userId, user.id)).all().map((r) => [r.examId, r]));
	const exams = content.exams.map((exam): PlannedExam => {
		const stored = rows.get(exam.id);
		if (exam.id !== KNM_EXAM_ID) {
			return { examId: exam.id, status: stored?.status ?? defaultStatus(situation), day: stored?.examDate ? learnerDayOfKey(stored.examDate) : null };
		}
		// KNM: a result keeps its own date; otherwise the learner's exam date (also when it was given
		// on the practice page or in the settings) means booked.
		if (stored && (stored.status === 'passed' || stored.status === 'failed')) {
			const date = stored.examDate ?? user.examDate;
			return { examId: exam.id, status: stored.status, day: date ? learnerDayOfKey(date) : null };
		}
		if (user.examDate) return { examId: exam.id, status: 'booked', day: learnerDayOfKey(user.examDate) };
		return { examId: exam.id, status: stored && stored.status !== 'booked' ? stored.status : defaultStatus(situation), day: null };
	});
	return { situation, exams };
}

function nameOf(exam: PlanExam | undefined, locale: Locale): string | null {
	return exam ? pickLocale(locale, exam.name.en, exam.name.nl) : null;
}

/** The plan page's data: the stored situation, the exams and the checklist for today. Reads only. */
export function loadExamPlan(db: Db, user: SessionUser, now: Date, locale: Locale): ExamPlanView {
	const content = loadPlanContent(db);
	const today = learnerDay(now, dayModelOf(user));
	const stored = readStoredPlan(db, user, content);
	const checklist = buildChecklist(content, stored.situation, stored.exams, today);
	const guides = new Map(db.select({ slug: t.guide.slug, titleEn: t.guide.titleEn, titleNl: t.guide.titleNl }).from(t.guide).all().map((g) => [g.slug, g]));
	const sources = new Map(db.select({ slug: t.source.slug, name: t.source.name }).from(t.source).all().map((s) => [s.slug, s.name]));
	const factView = (fact: PlanFact) => {
		const guide = guides.get(fact.guide);
		return {
			id: fact.id,
			text: pickLocale(locale, fact.text.en, fact.text.nl),
			guideSlug: fact.guide,
			guideTitle: guide ? (locale === 'nl' ? guide.titleNl : guide.titleEn) : fact.guide,
			sourceName: sources.get(fact.source) ?? fact.source,
			sourceUrl: fact.sourceUrl,
			checked: fact.checked
		};
	};
	const factsById = new Map(content.facts.map((fact) => [fact.id, fact]));
	const examsById = new Map(content.exams.map((exam) => [exam.id, exam]));
	const inLaw = new Set(examsFor(content, stored.situation.law).map((exam) => exam.id));
	return {
		law: stored.situation.law,
		route: stored.situation.route,
		deadline: stored.situation.deadlineDay === null ? null : learnerDayKey(stored.situation.deadlineDay),
		exams: stored.exams
			.filter((exam) => inLaw.has(exam.examId))
			.map((exam) => {
				const content = examsById.get(exam.examId)!;
				return {
					id: exam.examId,
					name: pickLocale(locale, content.name.en, content.name.nl),
					booking: bookingOf(content, stored.situation.law),
					status: exam.status,
					date: exam.day === null ? null : learnerDayKey(exam.day)
				};
			}),
		steps: checklist.steps.map((step) => {
			const day = stepDay(step);
			return {
				step,
				examName:
					'examId' in step
						? nameOf(examsById.get(step.examId), locale)
						: 'examIds' in step
							? step.examIds.map((id) => nameOf(examsById.get(id), locale)).join(', ')
							: null,
				date: day === null ? null : learnerDayKey(day),
				facts: step.factIds.flatMap((id) => {
					const fact = factsById.get(id);
					return fact ? [factView(fact)] : [];
				})
			};
		}),
		open: checklist.open,
		today: learnerDayKey(today)
	};
}

export type PlanProblem = 'invalid' | 'date_invalid' | 'date_needed' | 'exam_date_past' | 'exam_date_too_far';
type Saved = { ok: true } | { ok: false; problem: PlanProblem };

const optionalDate = z
	.string()
	.trim()
	.max(10)
	.optional()
	.transform((value) => (value ? value : null));

const situationSchema = z.object({
	law: z.enum(['', ...LAWS]).transform((value) => (value === '' ? null : value)),
	route: z
		.enum(['', ...ROUTES])
		.optional()
		.transform((value) => (value ? value : null)),
	deadline: optionalDate
});

/** Plan dates: a real calendar date, at most 5 years back and 10 years ahead of today. */
function checkPlanDate(value: string | null, today: number): 'date_invalid' | null {
	if (value === null) return null;
	if (!isCalendarDate(value)) return 'date_invalid';
	const day = learnerDayOfKey(value);
	return day < today - 5 * 365 || day > today + 10 * 365 ? 'date_invalid' : null;
}

/** Saves the law, the route (2021 law only) and the deadline. Writes nothing on a problem. */
export function savePlanSituation(db: Db, user: SessionUser, input: Record<string, unknown>, now: Date): Saved {
	const parsed = situationSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problem: 'invalid' };
	const today = learnerDay(now, dayModelOf(user));
	const problem = checkPlanDate(parsed.data.deadline, today);
	if (problem) return { ok: false, problem };
	const values = {
		law: parsed.data.law,
		route: parsed.data.law === '2021' ? parsed.data.route : null,
		deadline: parsed.data.deadline,
		updatedAt: now
	};
	db.insert(t.examPlan)
		.values({ userId: user.id, ...values })
		.onConflictDoUpdate({ target: t.examPlan.userId, set: values })
		.run();
	return { ok: true };
}

const statusSchema = z.enum(EXAM_STATUSES);

/**
 * Saves every exam's status and date from one form (`status-<id>`, `date-<id>`). A booked exam
 * needs a date. The KNM date is the learner's exam date (same checks as on the practice page: a new
 * date must not have passed and must be at most 2 years ahead); a KNM result for a passed exam
 * date also answers "How did your KNM exam go?". Writes nothing on a problem.
 */
export function savePlanExams(db: Db, user: SessionUser, input: Record<string, unknown>, now: Date): Saved {
	const content = loadPlanContent(db);
	const today = learnerDay(now, dayModelOf(user));
	const rows: { examId: string; status: ExamStatus; examDate: string | null }[] = [];
	for (const exam of content.exams) {
		if (input[`status-${exam.id}`] === undefined) continue;
		const status = statusSchema.safeParse(input[`status-${exam.id}`]);
		const date = optionalDate.safeParse(input[`date-${exam.id}`] ?? '');
		if (!status.success || !date.success) return { ok: false, problem: 'invalid' };
		const keepsDate = status.data !== 'todo' && status.data !== 'not_needed';
		// A booked KNM date is checked as the learner's exam date below.
		const problem = exam.id === KNM_EXAM_ID && status.data === 'booked' ? null : checkPlanDate(keepsDate ? date.data : null, today);
		if (problem) return { ok: false, problem };
		if (status.data === 'booked' && date.data === null) return { ok: false, problem: 'date_needed' };
		rows.push({ examId: exam.id, status: status.data, examDate: keepsDate ? date.data : null });
	}
	if (rows.length === 0) return { ok: false, problem: 'invalid' };
	const knm = rows.find((row) => row.examId === KNM_EXAM_ID);
	let problem: PlanProblem | null = null;
	db.transaction(() => {
		if (knm && knm.status !== 'passed' && knm.status !== 'failed') {
			// booked: the date practice plans for; to do or not needed: no date
			const saved = saveExamDate(db, user, { examDate: knm.status === 'booked' ? knm.examDate : '' }, now);
			if (!saved.ok) {
				problem = saved.problem === 'exam_date_past' || saved.problem === 'exam_date_too_far' ? saved.problem : 'date_invalid';
				return; // saveExamDate wrote nothing
			}
		}
		for (const row of rows) {
			const values = { status: row.status, examDate: row.examId === KNM_EXAM_ID && row.status === 'booked' ? null : row.examDate };
			db.insert(t.examPlanExam)
				.values({ userId: user.id, examId: row.examId, ...values })
				.onConflictDoUpdate({ target: [t.examPlanExam.userId, t.examPlanExam.examId], set: values })
				.run();
		}
	});
	if (problem) return { ok: false, problem };
	if (knm && (knm.status === 'passed' || knm.status === 'failed') && knm.examDate !== null && knm.examDate === user.examDate) {
		// the same answer as "How did your KNM exam go?" (ignored when it was given already)
		saveExamOutcome(db, user, { result: knm.status }, now);
	}
	return { ok: true };
}

/** The plan's dates as an iCalendar file: exams, DUO's letters, results, book-by days, the deadline. */
export function buildPlanCalendar(db: Db, user: SessionUser, now: Date, locale: Locale): string {
	const plan = loadExamPlan(db, user, now, locale);
	const events: EventAttributes[] = [];
	for (const view of plan.steps) {
		if (view.date === null) continue;
		const title = calendarTitle(view, locale);
		if (title === null) continue;
		const [year, month, day] = view.date.split('-').map(Number) as [number, number, number];
		const next = new Date(Date.UTC(year, month - 1, day + 1));
		events.push({
			uid: `${view.step.kind}-${'examId' in view.step ? view.step.examId : 'plan'}-${view.date}@knm-hub`,
			start: [year, month, day],
			end: [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()],
			title,
			description: view.facts.map((fact) => `${fact.text} (${fact.sourceUrl})`).join('\n'),
			transp: 'TRANSPARENT',
			productId: 'knm-hub/exam-plan'
		});
	}
	const { error, value } = createEvents(events, { productId: 'knm-hub/exam-plan', calName: m.plan_calendar_name({}, { locale }) });
	if (error || value === null) throw error ?? new Error('calendar could not be made');
	return value;
}

function calendarTitle(view: PlanStepView, locale: Locale): string | null {
	const exam = view.examName ?? '';
	const step = view.step;
	switch (step.kind) {
		case 'deadline':
		case 'deadline_passed':
			return m.plan_event_deadline({}, { locale });
		case 'book':
			return m.plan_event_book({ exam }, { locale });
		case 'retake':
			return m.plan_event_retake({ exam }, { locale });
		case 'letter':
			return m.plan_event_letter({ exam }, { locale });
		case 'exam':
			return m.plan_event_exam({ exam }, { locale });
		case 'result':
			return m.plan_event_result({ exam }, { locale });
		default:
			return null;
	}
}
