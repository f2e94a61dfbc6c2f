import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { limiterFor } from '../auth/limiter-store';
import { findFreeJoinCode, generateJoinCode, normalizeJoinCode } from '../../domain/teach/join-code';
import type { Db } from '../db';
import * as t from '../db/schema';
import { generateId, ID_PATTERN } from '../ids';
import { dayKeySchema } from './fields';

/*
 * Classes: a teacher's groups of learners, joined with a code. Every function that reads or
 * changes a class takes the teacher (or the learner) it acts for and checks ownership (or
 * membership) in the same query, so a route cannot forget it: another teacher's class is simply
 * not found (404, so ids cannot be probed).
 */

export const CLASS_NAME_MAX = 80;

/** Letters, digits, spaces and common punctuation; no control characters. */
const nameSchema = z
	.string()
	.transform((value) => value.trim().replace(/\s+/g, ' '))
	.pipe(
		z
			.string()
			.min(1, 'name_missing')
			.max(CLASS_NAME_MAX, 'name_too_long')
			.regex(/^[^\p{Cc}\p{Cf}<>]+$/u, 'name_invalid')
	);


const classInput = z.object({
	name: z.string().max(1000, 'name_too_long').pipe(nameSchema),
	courseEndOn: z
		.string()
		.max(20, 'date_invalid')
		.optional()
		.transform((value) => (value ? value : undefined))
		.pipe(dayKeySchema.optional())
});

export type ClassProblem = 'name_missing' | 'name_too_long' | 'name_invalid' | 'date_invalid';

export type ClassInputResult =
	| { ok: true; id: string }
	| { ok: false; problems: Partial<Record<'name' | 'courseEndOn', ClassProblem>> };

function readClassInput(input: Record<string, unknown>) {
	const parsed = classInput.safeParse({ name: input.name ?? '', courseEndOn: input.courseEndOn ?? undefined });
	if (parsed.success) return { ok: true as const, value: parsed.data };
	const problems: Partial<Record<'name' | 'courseEndOn', ClassProblem>> = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path[0] === 'courseEndOn' ? 'courseEndOn' : 'name';
		const code = (['name_missing', 'name_too_long', 'name_invalid', 'date_invalid'] as const).find((known) => known === issue.message);
		problems[field] ??= code ?? (field === 'name' ? 'name_invalid' : 'date_invalid');
	}
	return { ok: false as const, problems };
}

function newJoinCode(db: Db): string {
	return findFreeJoinCode(
		() => generateJoinCode((n) => randomInt(n)),
		(code) => !db.select({ id: t.schoolClass.id }).from(t.schoolClass).where(eq(t.schoolClass.joinCode, code)).get()
	);
}

export function createClass(db: Db, teacherId: string, input: Record<string, unknown>, now: Date): ClassInputResult {
	const read = readClassInput(input);
	if (!read.ok) return read;
	const id = generateId();
	db.insert(t.schoolClass)
		.values({ id, ownerId: teacherId, name: read.value.name, courseEndOn: read.value.courseEndOn ?? null, joinCode: newJoinCode(db), createdAt: now })
		.run();
	return { ok: true, id };
}

export interface ClassSummary {
	id: string;
	name: string;
	courseEndOn: string | null;
	joinCode: string;
	archived: boolean;
	learners: number;
}

/** The teacher's classes, open ones first, newest first, with their number of learners. */
export function listOwnClasses(db: Db, teacherId: string): ClassSummary[] {
	return db
		.select({
			id: t.schoolClass.id,
			name: t.schoolClass.name,
			courseEndOn: t.schoolClass.courseEndOn,
			joinCode: t.schoolClass.joinCode,
			archivedAt: t.schoolClass.archivedAt,
			learners: sql<number>`(SELECT COUNT(*) FROM class_member m WHERE m.class_id = ${t.schoolClass.id})`
		})
		.from(t.schoolClass)
		.where(eq(t.schoolClass.ownerId, teacherId))
		.orderBy(sql`${t.schoolClass.archivedAt} IS NOT NULL`, desc(t.schoolClass.createdAt))
		.all()
		.map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }));
}

/** The teacher's own class, or null: unknown, malformed or someone else's are all the same. */
export function loadOwnClass(db: Db, teacherId: string, classId: string): t.SchoolClassRow | null {
	if (!ID_PATTERN.test(classId)) return null;
	return (
		db
			.select()
			.from(t.schoolClass)
			.where(and(eq(t.schoolClass.id, classId), eq(t.schoolClass.ownerId, teacherId)))
			.get() ?? null
	);
}

export interface RosterEntry {
	userId: string;
	name: string;
	joinedAt: Date;
	/** the last answer in practice or a practice exam, or null */
	lastActiveAt: Date | null;
}

/** The class's learners, by name. Last active: the newest review-log row (index user_id, reviewed_at). */
export function listRoster(db: Db, classId: string): RosterEntry[] {
	return db
		.select({
			userId: t.user.id,
			username: t.user.username,
			displayName: t.user.displayName,
			joinedAt: t.classMember.joinedAt,
			lastActive: sql<number | null>`(SELECT MAX(r.reviewed_at) FROM review_log r WHERE r.user_id = ${t.user.id})`
		})
		.from(t.classMember)
		.innerJoin(t.user, eq(t.user.id, t.classMember.userId))
		.where(eq(t.classMember.classId, classId))
		.orderBy(asc(sql`lower(coalesce(${t.user.displayName}, ${t.user.username}))`))
		.all()
		.map((row) => ({
			userId: row.userId,
			name: row.displayName ? `${row.displayName} (${row.username})` : row.username,
			joinedAt: row.joinedAt,
			lastActiveAt: row.lastActive === null ? null : new Date(row.lastActive)
		}));
}

/** A new join code; the old one stops working at once. False when the class is not the teacher's. */
export function regenerateJoinCode(db: Db, teacherId: string, classId: string): boolean {
	const changed = db
		.update(t.schoolClass)
		.set({ joinCode: newJoinCode(db) })
		.where(and(eq(t.schoolClass.id, classId), eq(t.schoolClass.ownerId, teacherId)))
		.run();
	return changed.changes === 1;
}

/** Archived: nobody can join; the class and its learners stay visible to the teacher. */
export function setClassArchived(db: Db, teacherId: string, classId: string, archived: boolean, now: Date): boolean {
	const changed = db
		.update(t.schoolClass)
		.set({ archivedAt: archived ? now : null })
		.where(and(eq(t.schoolClass.id, classId), eq(t.schoolClass.ownerId, teacherId)))
		.run();
	return changed.changes === 1;
}

/** Removes a learner from the teacher's class (the membership only). */
export function removeMember(db: Db, teacherId: string, classId: string, userId: string): boolean {
	if (!loadOwnClass(db, teacherId, classId) || !ID_PATTERN.test(userId)) return false;
	return db.delete(t.classMember).where(and(eq(t.classMember.classId, classId), eq(t.classMember.userId, userId))).run().changes === 1;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Wrong join codes per learner: 10 per 15 minutes, like wrong passwords, so codes cannot be guessed. */
const joinFailures = (db: Db) => limiterFor(db, 'join-code', { max: 10, windowMs: FIFTEEN_MINUTES });

export type JoinResult =
	| { ok: true; classId: string; className: string; teacherName: string; already: boolean }
	| { ok: false; problem: 'code_invalid' | 'code_unknown' | 'teacher_cannot_join' }
	| { ok: false; problem: 'rate_limited'; retryAt: Date };

/**
 * Joins the open class with this code. A wrong, old or archived code gets one answer
 * (`code_unknown`) after the same single lookup as a right one, and counts against the limit.
 * Joining twice is harmless. Teachers do not join classes.
 */
export function joinClass(db: Db, user: { id: string; role: string }, input: unknown, now: Date): JoinResult {
	const decision = joinFailures(db).check(user.id, now.getTime());
	if (!decision.allowed) return { ok: false, problem: 'rate_limited', retryAt: new Date(decision.retryAt) };
	const code = typeof input === 'string' ? normalizeJoinCode(input) : null;
	if (code === null) {
		joinFailures(db).recordFailure(user.id, now.getTime());
		return { ok: false, problem: 'code_invalid' };
	}
	const found = db
		.select({ id: t.schoolClass.id, name: t.schoolClass.name, teacher: t.user.displayName, teacherUsername: t.user.username })
		.from(t.schoolClass)
		.innerJoin(t.user, eq(t.user.id, t.schoolClass.ownerId))
		.where(and(eq(t.schoolClass.joinCode, code), isNull(t.schoolClass.archivedAt)))
		.get();
	if (!found) {
		joinFailures(db).recordFailure(user.id, now.getTime());
		return { ok: false, problem: 'code_unknown' };
	}
	if (user.role !== 'learner') return { ok: false, problem: 'teacher_cannot_join' };
	// The join screen lists the exam date among what the teacher sees: joining (again) agrees to it.
	const inserted = db.insert(t.classMember).values({ classId: found.id, userId: user.id, joinedAt: now, sharesExamDate: true }).onConflictDoNothing().run();
	if (inserted.changes === 0) {
		db.update(t.classMember).set({ sharesExamDate: true }).where(and(eq(t.classMember.classId, found.id), eq(t.classMember.userId, user.id))).run();
	}
	return { ok: true, classId: found.id, className: found.name, teacherName: found.teacher ?? found.teacherUsername, already: inserted.changes === 0 };
}

export interface Membership {
	classId: string;
	className: string;
	teacherName: string;
	joinedAt: Date;
}

/** The classes a learner belongs to (for /account), newest first. */
export function listMemberships(db: Db, userId: string): Membership[] {
	return db
		.select({
			classId: t.schoolClass.id,
			className: t.schoolClass.name,
			teacher: t.user.displayName,
			teacherUsername: t.user.username,
			joinedAt: t.classMember.joinedAt
		})
		.from(t.classMember)
		.innerJoin(t.schoolClass, eq(t.schoolClass.id, t.classMember.classId))
		.innerJoin(t.user, eq(t.user.id, t.schoolClass.ownerId))
		.where(eq(t.classMember.userId, userId))
		.orderBy(desc(t.classMember.joinedAt))
		.all()
		.map((row) => ({ classId: row.classId, className: row.className, teacherName: row.teacher ?? row.teacherUsername, joinedAt: row.joinedAt }));
}

/** Leaves a class: deletes the membership, never the learner's practice data. */
export function leaveClass(db: Db, userId: string, classId: string): boolean {
	if (!ID_PATTERN.test(classId)) return false;
	return db.delete(t.classMember).where(and(eq(t.classMember.classId, classId), eq(t.classMember.userId, userId))).run().changes === 1;
}
