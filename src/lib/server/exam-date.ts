import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { learnerDay, learnerDayOfKey } from '../domain/learner-day';
import type { DayModel } from '../domain/learner-day';
import { checkExamDay } from '../domain/srs/exam-policy';
import type { SessionUser } from './auth/session';
import type { Db } from './db';
import * as t from './db/schema';

/*
 * The learner's KNM exam date (user.exam_date), the date the exam-date policy plans for. Saved from
 * the practice page, the settings and "My exam plan", always with the same checks.
 */

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An exam date field: empty means none. */
export const examDateField = z
	.string()
	.trim()
	.nullish()
	.transform((value) => (value ? value : null))
	.refine((value) => value === null || isCalendarDate(value));

export type ExamDateProblem = 'settings_invalid' | 'exam_date_past' | 'exam_date_too_far';

/**
 * A new exam date must not have passed (in the learner's days, in the time zone being saved) and
 * must be at most two years ahead; clearing it, or keeping the one already saved, is always fine.
 */
export function checkNewExamDate(examDate: string | null, current: string | null, day: DayModel, now: Date): Exclude<ExamDateProblem, 'settings_invalid'> | null {
	if (examDate === null || examDate === current) return null;
	const problem = checkExamDay(learnerDayOfKey(examDate), learnerDay(now, day));
	return problem === 'past' ? 'exam_date_past' : problem === 'too_far' ? 'exam_date_too_far' : null;
}

const examDateSchema = z.object({ examDate: examDateField });

/** Saves (or clears) the learner's exam date alone. Writes nothing on a problem. */
export function saveExamDate(
	db: Db,
	user: SessionUser,
	input: Record<string, unknown>,
	now: Date
): { ok: true; value: string | null } | { ok: false; problem: ExamDateProblem } {
	const parsed = examDateSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problem: 'settings_invalid' };
	const problem = checkNewExamDate(parsed.data.examDate, user.examDate, { timeZone: user.timezone, dayStartsHour: user.dayStartsHour }, now);
	if (problem) return { ok: false, problem };
	db.update(t.user).set({ examDate: parsed.data.examDate }).where(eq(t.user.id, user.id)).run();
	return { ok: true, value: parsed.data.examDate };
}
