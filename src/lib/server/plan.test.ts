import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../domain/content';
import { buildContentFiles } from '../domain/content/test-fixtures';
import { registerUser } from './accounts';
import { validateSessionToken } from './auth/session';
import type { SessionUser } from './auth/session';
import { importContent } from './content/import';
import { openDatabase } from './db';
import type { Db } from './db';
import * as t from './db/schema';
import { buildPlanCalendar, loadExamPlan, savePlanExams, savePlanSituation } from './plan';

/*
 * "My exam plan" on the fixture content (book 6 weeks ahead, result within 8 weeks, letter 1 week
 * before): what is stored, what the KNM date does to practice, and the calendar file.
 */
const NOW = new Date('2026-12-01T10:00:00Z');

describe('my exam plan', () => {
	let db: Db;
	let token: string;

	beforeEach(async () => {
		db = openDatabase(':memory:');
		const content = validateContent(buildContentFiles());
		if (!content.ok) throw new Error('fixture content is invalid');
		importContent(db, content.bundle, NOW);
		const registered = await registerUser(db, { username: 'amina', password: 'fiets regen koffie', role: 'learner' }, '203.0.113.9', NOW);
		if (!registered.ok) throw new Error(registered.problem);
		token = registered.value.token;
	});

	/** The signed-in user as a new request sees it (after earlier saves). */
	function user(): SessionUser {
		const found = validateSessionToken(db, token, NOW).user;
		if (!found) throw new Error('no session');
		return found;
	}

	it('turns the situation and the exams into a dated checklist; the KNM date is the practice exam date', () => {
		expect(savePlanSituation(db, user(), { law: '2013', deadline: '2027-12-01' }, NOW)).toEqual({ ok: true });
		expect(savePlanExams(db, user(), { 'status-knm': 'booked', 'date-knm': '2027-03-15', 'status-reading': 'failed', 'date-reading': '2026-10-01', 'status-ona': 'not_needed' }, NOW)).toEqual({ ok: true });
		expect(user().examDate).toBe('2027-03-15');
		const plan = loadExamPlan(db, user(), NOW, 'en');
		expect(plan).toMatchObject({ law: '2013', route: null, deadline: '2027-12-01', today: '2026-12-01' });
		expect(plan.steps.map((view) => [view.step.kind, view.examName, view.date])).toEqual([
			['deadline', null, '2027-12-01'],
			['letter', 'KNM', '2027-03-08'],
			['exam', 'KNM', '2027-03-15'],
			['result', 'KNM', '2027-05-10'],
			// a retake booked at least 6 weeks before the deadline
			['retake', 'Reading', '2027-10-20']
		]);
		// every fact behind a step names its guide, its official page and the date it was checked
		expect(plan.steps[1]!.facts).toEqual([
			{
				id: 'letter-before',
				text: 'The letter-before fact.',
				guideSlug: 'which-integration-exams',
				guideTitle: 'Which integration exams are there?',
				sourceName: 'inburgeren.nl',
				sourceUrl: 'https://inburgeren.nl/examen-doen/aanmelden.jsp',
				checked: '2026-12-01'
			}
		]);
	});

	it('a KNM date given on the practice page shows as booked; "to do" clears it, so practice no longer plans for it', () => {
		db.update(t.user).set({ examDate: '2027-02-01' }).where(eq(t.user.id, user().id)).run();
		expect(loadExamPlan(db, user(), NOW, 'nl').exams.find((exam) => exam.id === 'knm')).toMatchObject({ status: 'booked', date: '2027-02-01' });
		expect(savePlanExams(db, user(), { 'status-knm': 'todo', 'date-knm': '2027-02-01' }, NOW)).toEqual({ ok: true });
		expect(user().examDate).toBeNull();
		expect(loadExamPlan(db, user(), NOW, 'nl').exams.find((exam) => exam.id === 'knm')).toMatchObject({ status: 'todo', date: null });
	});

	it('a KNM result for the passed exam date also answers "How did your KNM exam go?"', () => {
		db.update(t.user).set({ examDate: '2026-11-20' }).where(eq(t.user.id, user().id)).run();
		expect(savePlanExams(db, user(), { 'status-knm': 'passed', 'date-knm': '2026-11-20' }, NOW)).toEqual({ ok: true });
		expect(db.select({ examDate: t.examOutcome.examDate, result: t.examOutcome.result }).from(t.examOutcome).all()).toEqual([{ examDate: '2026-11-20', result: 'passed' }]);
		expect(loadExamPlan(db, user(), NOW, 'en').steps.at(-1)).toMatchObject({ step: { kind: 'passed', examId: 'knm' } });
	});

	it('refuses bad input with a problem and writes nothing', () => {
		const bad: [Record<string, unknown>, string][] = [
			[{ law: '2019' }, 'invalid'],
			[{}, 'invalid'],
			[{ law: '2021', route: 'fast' }, 'invalid'],
			[{ law: '2021', deadline: '2027-02-30' }, 'date_invalid'],
			[{ law: '2021', deadline: '31-12-2027' }, 'date_invalid'],
			[{ law: '2021', deadline: '2040-01-01' }, 'date_invalid'],
			[{ law: '2021', deadline: 'x'.repeat(5000) }, 'invalid'],
			[{ law: '2021\u0000' }, 'invalid']
		];
		for (const [input, problem] of bad) expect(savePlanSituation(db, user(), input, NOW), JSON.stringify(input).slice(0, 60)).toEqual({ ok: false, problem });
		const badExams: [Record<string, unknown>, string][] = [
			[{}, 'invalid'],
			[{ 'status-knm': 'maybe' }, 'invalid'],
			[{ 'status-knm': 'booked' }, 'date_needed'],
			[{ 'status-knm': 'booked', 'date-knm': '2026-11-02' }, 'exam_date_past'],
			[{ 'status-knm': 'booked', 'date-knm': '2029-06-01' }, 'exam_date_too_far'],
			[{ 'status-knm': 'booked', 'date-knm': '2027-01-10', 'status-reading': 'booked', 'date-reading': 'soon' }, 'date_invalid'],
			[{ 'status-knm': 'booked', 'date-knm': '2027-01-10', 'status-reading': 'passed', 'date-reading': '1999-01-01' }, 'date_invalid']
		];
		for (const [input, problem] of badExams) expect(savePlanExams(db, user(), input, NOW), JSON.stringify(input)).toEqual({ ok: false, problem });
		expect(db.select({ n: count() }).from(t.examPlan).get()?.n).toBe(0);
		expect(db.select({ n: count() }).from(t.examPlanExam).get()?.n).toBe(0);
		expect(user().examDate).toBeNull();
	});

	it('downloads the dated steps as an iCalendar file of all-day events', () => {
		savePlanSituation(db, user(), { law: '2021', route: 'b1', deadline: '2027-12-01' }, NOW);
		savePlanExams(db, user(), { 'status-knm': 'booked', 'date-knm': '2027-03-15' }, NOW);
		const ics = buildPlanCalendar(db, user(), NOW, 'nl').replace(/\r\n[ \t]/g, ''); // unfold long lines
		expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
		expect(ics).toContain('X-WR-CALNAME:Mijn examenplan (KNM Hub)');
		const events = ics.split('BEGIN:VEVENT').slice(1);
		const summary = (event: string) => /SUMMARY:(.*)\r\n/.exec(event)![1];
		const start = (event: string) => /DTSTART;VALUE=DATE:(\d{8})/.exec(event)![1];
		const end = (event: string) => /DTEND;VALUE=DATE:(\d{8})/.exec(event)![1];
		expect(events.map((event) => [start(event), end(event), summary(event)])).toEqual([
			['20271201', '20271202', 'Einde inburgeringstermijn'],
			['20270308', '20270309', 'Brief van DUO over KNM (ongeveer nu)'],
			['20270315', '20270316', 'Examen: KNM'],
			['20270510', '20270511', 'Uitslag van KNM (ongeveer nu)']
		]);
		expect(events[2]).toContain('UID:exam-knm-2027-03-15@knm-hub');
		expect(events[2]).toContain('https://inburgeren.nl/examen-doen/aanmelden.jsp');
	});
});
