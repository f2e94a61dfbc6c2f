import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { createClass, joinClass, leaveClass, listMemberships, listOwnClasses, listRoster, loadOwnClass, regenerateJoinCode, removeMember, setClassArchived } from './classes';

const NOW = new Date('2026-11-30T10:00:00Z');
const ids = { teacher: 'a'.repeat(32), other: 'b'.repeat(32), ali: 'c'.repeat(32), sara: 'd'.repeat(32) };

function setUp(): Db {
	const db = openDatabase(':memory:');
	const add = (id: string, username: string, role: 'learner' | 'teacher') =>
		db.insert(t.user).values({ id, username, usernameKey: username.toLowerCase(), passwordHash: 'x', role, createdAt: NOW }).run();
	add(ids.teacher, 'Meester', 'teacher');
	add(ids.other, 'Juf', 'teacher');
	add(ids.ali, 'ali', 'learner');
	add(ids.sara, 'sara', 'learner');
	return db;
}

function newClass(db: Db, name = 'KNM maandag'): string {
	const result = createClass(db, ids.teacher, { name, courseEndOn: '2027-03-15' }, NOW);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.id;
}

const codeOf = (db: Db, classId: string) => db.select().from(t.schoolClass).where(eq(t.schoolClass.id, classId)).get()!.joinCode;

describe('classes', () => {
	let db: Db;
	beforeEach(() => {
		db = setUp();
	});

	it('creates a class with a random id and a join code; refuses bad names and dates, writing nothing', () => {
		const id = newClass(db);
		expect(id).toMatch(/^[a-z2-7]{32}$/);
		expect(codeOf(db, id)).toMatch(/^[23456789BCDFGHJKMNPQRSTVWXYZ]{8}$/);
		expect(createClass(db, ids.teacher, { name: '   ' }, NOW)).toEqual({ ok: false, problems: { name: 'name_missing' } });
		expect(createClass(db, ids.teacher, { name: 'x'.repeat(200) }, NOW)).toEqual({ ok: false, problems: { name: 'name_too_long' } });
		expect(createClass(db, ids.teacher, { name: 'a\u0000b' }, NOW)).toEqual({ ok: false, problems: { name: 'name_invalid' } });
		expect(createClass(db, ids.teacher, { name: 'Klas', courseEndOn: '2027-02-30' }, NOW)).toEqual({ ok: false, problems: { courseEndOn: 'date_invalid' } });
		expect(createClass(db, ids.teacher, { name: '', courseEndOn: 'morgen' }, NOW)).toEqual({
			ok: false,
			problems: { name: 'name_missing', courseEndOn: 'date_invalid' }
		});
		expect(listOwnClasses(db, ids.teacher)).toHaveLength(1);
	});

	it("shows a teacher only their own classes: another teacher's class is not found", () => {
		const id = newClass(db);
		expect(loadOwnClass(db, ids.teacher, id)?.name).toBe('KNM maandag');
		expect(loadOwnClass(db, ids.other, id)).toBeNull();
		expect(loadOwnClass(db, ids.teacher, 'not-an-id')).toBeNull();
		expect(listOwnClasses(db, ids.other)).toEqual([]);
		expect(regenerateJoinCode(db, ids.other, id)).toBe(false);
		expect(setClassArchived(db, ids.other, id, true, NOW)).toBe(false);
	});

	it('lets a learner join by code (twice is harmless), and a new code stops the old one', () => {
		const id = newClass(db);
		const code = codeOf(db, id);
		const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`;
		expect(joinClass(db, { id: ids.ali, role: 'learner' }, typed, NOW)).toMatchObject({ ok: true, classId: id, className: 'KNM maandag', teacherName: 'Meester', already: false });
		expect(joinClass(db, { id: ids.ali, role: 'learner' }, code, NOW)).toMatchObject({ ok: true, already: true });
		expect(listRoster(db, id).map((entry) => entry.name)).toEqual(['ali']);
		expect(listOwnClasses(db, ids.teacher)[0]?.learners).toBe(1);

		expect(regenerateJoinCode(db, ids.teacher, id)).toBe(true);
		expect(codeOf(db, id)).not.toBe(code);
		expect(joinClass(db, { id: ids.sara, role: 'learner' }, code, NOW)).toEqual({ ok: false, problem: 'code_unknown' });
		expect(joinClass(db, { id: ids.sara, role: 'learner' }, 'OOOO-0000', NOW)).toEqual({ ok: false, problem: 'code_invalid' });
		expect(joinClass(db, { id: ids.other, role: 'teacher' }, codeOf(db, id), NOW)).toEqual({ ok: false, problem: 'teacher_cannot_join' });
	});

	it('refuses an archived class, and stops a learner who guesses codes', () => {
		const id = newClass(db);
		setClassArchived(db, ids.teacher, id, true, NOW);
		expect(joinClass(db, { id: ids.sara, role: 'learner' }, codeOf(db, id), NOW)).toEqual({ ok: false, problem: 'code_unknown' });
		setClassArchived(db, ids.teacher, id, false, NOW);
		// 10 wrong codes in 15 minutes, then even the right one waits.
		for (let i = 0; i < 9; i++) joinClass(db, { id: ids.sara, role: 'learner' }, 'BBBBBBBB', NOW);
		const blocked = joinClass(db, { id: ids.sara, role: 'learner' }, codeOf(db, id), NOW);
		expect(blocked).toMatchObject({ ok: false, problem: 'rate_limited' });
		expect(joinClass(db, { id: ids.sara, role: 'learner' }, codeOf(db, id), new Date(NOW.getTime() + 16 * 60_000))).toMatchObject({ ok: true });
	});

	it('leaving or being removed deletes only the membership', () => {
		const id = newClass(db);
		joinClass(db, { id: ids.ali, role: 'learner' }, codeOf(db, id), NOW);
		joinClass(db, { id: ids.sara, role: 'learner' }, codeOf(db, id), NOW);
		expect(listMemberships(db, ids.ali).map((entry) => entry.className)).toEqual(['KNM maandag']);
		expect(removeMember(db, ids.other, id, ids.sara)).toBe(false);
		expect(removeMember(db, ids.teacher, id, ids.sara)).toBe(true);
		expect(leaveClass(db, ids.ali, id)).toBe(true);
		expect(leaveClass(db, ids.ali, id)).toBe(false);
		expect(listRoster(db, id)).toEqual([]);
		expect(db.select().from(t.user).all()).toHaveLength(4);
	});
});
