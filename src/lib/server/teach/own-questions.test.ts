import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toSessionUser } from '../auth/session';
import type { SessionUser } from '../auth/session';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import { loadExamBank } from '../exam';
import { listBankCoverage } from '../hub';
import { dayModelOf, loadFeedback, nextQuestion, parseScope, submitAnswer, themeProgress } from '../practice';
import { optionOrder, decodeShowing } from '../practice/showings';
import type { ShownQuestion } from '../../types/practice';
import { createAssignment } from './assignments';
import { createClass, joinClass } from './classes';
import { insightFilterSchema, loadClassInsight } from './insight';
import { deleteOwnQuestion, listOwnQuestions, loadOwnQuestion, OWN_QUESTION_ID, retireOwnQuestions, saveOwnQuestionForm } from './own-questions';
import { confirmImport, countPendingImports, previewImport, writeOwnQuestionsCsv } from './question-import';
import { addItems, createSet, searchBank } from './sets';

const NOW = new Date('2026-12-01T10:00:00Z');
const HOUR = 3_600_000;
const teacher = 't'.repeat(32);
const other = 'o'.repeat(32);
const learnerId = 'l'.repeat(32);

/** A teacher's question about a local fact, as the form sends it. */
const LAMP = {
	question_nl: 'Waar meldt u een kapotte lantaarnpaal in uw straat?',
	option_a_nl: 'Bij de politie',
	option_b_nl: 'Bij de gemeente',
	option_c_nl: 'Bij de woningcorporatie',
	correct: 'B',
	explanation_nl: 'De gemeente zorgt voor de straat en de lampen. U meldt het bij de gemeente.',
	eindterm: '3.1',
	guide: 'knm-wonen',
	source_url: 'https://www.leiden.nl/melding-openbare-ruimte'
};

const encode = (text: string) => new TextEncoder().encode(text);
const bankIds = (db: Db) => loadExamBank(db).bank.map((row) => row.id);

function rightPosition(db: Db, user: SessionUser, shown: ShownQuestion): number {
	const showing = decodeShowing(db, user.id, shown.token)!;
	const question = db.select().from(t.question).where(eq(t.question.id, shown.questionId)).get()!;
	return optionOrder(db, user.id, shown.questionId, showing.version).indexOf(question.correctIndex);
}

describe("teachers' own questions", () => {
	let db: Db;
	let learner: SessionUser;
	let classId: string;
	let setId: string;

	beforeAll(() => {
		db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		for (const [id, username, role] of [
			[teacher, 'juf', 'teacher'],
			[other, 'meester', 'teacher'],
			[learnerId, 'amina', 'learner']
		] as const) {
			db.insert(t.user).values({ id, username, usernameKey: username, passwordHash: 'x', role, createdAt: NOW }).run();
		}
		learner = toSessionUser(db.select().from(t.user).where(eq(t.user.id, learnerId)).get()!);
		const made = createClass(db, teacher, { name: 'Leiden A2' }, NOW);
		if (!made.ok) throw new Error('class');
		classId = made.id;
		joinClass(db, { id: learnerId, role: 'learner' }, db.select().from(t.schoolClass).get()!.joinCode, NOW);
		const set = createSet(db, teacher, { titleNl: 'Onze gemeente' }, NOW);
		if (!set.ok) throw new Error('set');
		setId = set.id;
	});

	it('are practised through an assignment, marked as the teacher\'s, and an edit makes a new version', () => {
		const bankBefore = bankIds(db);
		const saved = saveOwnQuestionForm(db, teacher, null, LAMP, NOW);
		if (!saved.ok) throw new Error(JSON.stringify(saved));
		expect(saved.id).toMatch(OWN_QUESTION_ID);
		expect(addItems(db, teacher, setId, [saved.id, 'wo-001'])).toEqual({ ok: true, added: 2 });
		const task = createAssignment(db, teacher, classId, { setId, opensOn: '2026-12-01', dueOn: '2026-12-20', goal: 'once' }, NOW);
		if (!task.ok) throw new Error('task');

		// the set's own order: the teacher's question first, marked as theirs, with no English to show
		const scope = parseScope(`set:${setId}`)!;
		const next = nextQuestion(db, learner, scope, NOW);
		if (next.done) throw new Error('nothing to practise');
		expect(next.shown).toMatchObject({ questionId: saved.id, byTeacher: true, question: { nl: LAMP.question_nl, aid: '' }, aid: null });
		const answered = submitAnswer(db, learner, { token: next.shown.token, questionId: saved.id, choice: String((rightPosition(db, learner, next.shown) + 1) % 3) }, NOW);
		if (!answered.ok) throw new Error(answered.problem);
		const feedback = loadFeedback(db, learner, dayModelOf(learner), answered.answerId, 'nl')!;
		expect(feedback).toMatchObject({ correct: false, byTeacher: true, sourceUrl: LAMP.source_url });
		expect(feedback.guides.map((guide) => guide.slug)).toEqual(['knm-wonen']);
		// the card comes back like any other: a review is scheduled
		expect(db.select().from(t.card).where(and(eq(t.card.userId, learnerId), eq(t.card.questionId, saved.id))).get()?.reps).toBe(1);

		// the class insight counts the answer and shows the option chosen
		const insight = loadClassInsight(db, classId, insightFilterSchema.parse({}), NOW, 'nl');
		expect(insight.questions.find((question) => question.questionId === saved.id)?.learners).toBe(1);

		// the edit: version 2; the answer still points at version 1, which keeps what was asked
		const edited = saveOwnQuestionForm(db, teacher, saved.id, { ...LAMP, option_a_nl: 'Bij de wijkagent' }, new Date(NOW.getTime() + HOUR));
		expect(edited).toEqual({ ok: true, id: saved.id });
		expect(loadOwnQuestion(db, teacher, saved.id)).toMatchObject({ version: 2, learners: 1 });
		const log = db.select().from(t.reviewLog).where(eq(t.reviewLog.questionId, saved.id)).get()!;
		expect(log.questionVersion).toBe(1);
		const versions = db.select().from(t.questionVersion).where(eq(t.questionVersion.questionId, saved.id)).all();
		expect(versions.map((version) => [version.version, version.options[0]?.nl])).toEqual([
			[1, 'Bij de politie'],
			[2, 'Bij de wijkagent']
		]);
		// saving the same content again changes nothing
		saveOwnQuestionForm(db, teacher, saved.id, { ...LAMP, option_a_nl: 'Bij de wijkagent' }, new Date(NOW.getTime() + 2 * HOUR));
		expect(loadOwnQuestion(db, teacher, saved.id)?.version).toBe(2);

		// never in the bank: mock exams, new questions of the whole bank, theme counts, the hub
		expect(bankIds(db)).toEqual(bankBefore);
		expect(db.select().from(t.question).where(eq(t.question.id, saved.id)).get()?.newOrder).toBeNull();
		const wonen = themeProgress(db, learnerId, NOW, 'nl').find((theme) => theme.slug === 'wonen')!;
		expect(wonen.total).toBe(db.select().from(t.question).where(and(eq(t.question.themeSlug, 'wonen'), eq(t.question.origin, 'bank'))).all().length);
		const coverage = listBankCoverage(db, 'nl').find((theme) => theme.slug === 'wonen')!;
		expect(coverage.questionCount).toBe(wonen.total);

		// a new import of the content files leaves it alone
		importContent(db, loadContent(), new Date(NOW.getTime() + 3 * HOUR));
		expect(loadOwnQuestion(db, teacher, saved.id)?.version).toBe(2);

		// deleting it once answered retires it: out of the list and the set's practice
		expect(deleteOwnQuestion(db, teacher, saved.id, NOW)).toBe('retired');
		expect(listOwnQuestions(db, teacher).map((question) => question.id)).not.toContain(saved.id);
		const after = nextQuestion(db, learner, scope, new Date(NOW.getTime() + 30 * 24 * HOUR));
		expect(after.done || after.shown.questionId !== saved.id).toBe(true);
		expect(db.select().from(t.reviewLog).where(eq(t.reviewLog.questionId, saved.id)).all()).toHaveLength(1);
	});

	it('belong to their teacher: another teacher cannot see, change, delete or use them', () => {
		const saved = saveOwnQuestionForm(db, teacher, null, { ...LAMP, question_nl: 'Wie haalt het grofvuil op in Leiden?' }, NOW);
		if (!saved.ok) throw new Error('save');
		expect(loadOwnQuestion(db, other, saved.id)).toBeNull();
		expect(saveOwnQuestionForm(db, other, saved.id, LAMP, NOW)).toEqual({ ok: false, problem: 'not_found' });
		expect(deleteOwnQuestion(db, other, saved.id, NOW)).toBeNull();
		const otherSet = createSet(db, other, { titleNl: 'Van de meester' }, NOW);
		if (!otherSet.ok) throw new Error('set');
		expect(addItems(db, other, otherSet.id, [saved.id])).toEqual({ ok: false, problem: 'questions_invalid' });
		// the picker finds it by its words for its teacher only, and "only my own" shows just those
		expect(searchBank(db, teacher, { text: 'grofvuil' }).questions.map((question) => [question.id, question.own])).toContainEqual([saved.id, true]);
		expect(searchBank(db, other, { text: 'grofvuil' }).questions.map((question) => question.id)).not.toContain(saved.id);
		expect(searchBank(db, teacher, { own: '1' }).questions.every((question) => question.own)).toBe(true);
		expect(searchBank(db, other, { own: '1' }).questions).toEqual([]);
		// not answered by anyone: deleting removes it for good, search index included
		expect(deleteOwnQuestion(db, teacher, saved.id, NOW)).toBe('deleted');
		expect(db.select().from(t.question).where(eq(t.question.id, saved.id)).get()).toBeUndefined();
		expect(db.all(sql`SELECT id FROM question_search WHERE id = ${saved.id}`)).toEqual([]);
	});

	it('import from CSV: a bad row saves nothing; a good file waits for the confirmation; the export imports back as unchanged', () => {
		const before = listOwnQuestions(db, teacher).length;
		const header = 'Vraag (Nederlands);Antwoord A (Nederlands);Antwoord B (Nederlands);Antwoord C (Nederlands);Goed antwoord;Uitleg (Nederlands);Eindterm';
		const good = 'Waar vraagt u een parkeervergunning aan?;Bij de gemeente;Bij de RDW;Bij de politie;A;Dat doet u bij de gemeente.;3.1';
		const bad = 'Wie geeft een paspoort?;Bij de gemeente;Bij de gemeente;Bij de IND;D;Uitleg.;3.1';
		const withBadRow = previewImport(db, teacher, 'vragen.csv', encode(`${header}\r\n${good}\r\n${bad}\r\n`), 'nl', NOW);
		expect(withBadRow).toMatchObject({ ok: true, importId: null, rows: 2, created: 1 });
		if (!withBadRow.ok) return;
		expect(withBadRow.problems.map((row) => [row.row, row.problems.map((problem) => [problem.field, problem.problem.rule])])).toEqual([
			[3, [['correct', 'correct_count'], ['options', 'same_options']]]
		]);
		expect(listOwnQuestions(db, teacher)).toHaveLength(before);
		expect(countPendingImports(db, teacher)).toBe(0);

		// Windows-1252, as older Excel saves a CSV: the é survives
		const latin = new Uint8Array([...encode(`${header}\r\n`), ...encode('Wat is een '), 0x63, 0x61, 0x66, 0xe9, ...encode('?;Een restaurant;Een winkel;Een school;A;Een café is een restaurant.;3.1\r\n')]);
		const checked = previewImport(db, teacher, 'vragen.csv', latin, 'en', NOW);
		if (!checked.ok || !checked.importId) throw new Error(JSON.stringify(checked));
		expect(listOwnQuestions(db, teacher)).toHaveLength(before);
		// only its teacher, only once, only within the hour
		expect(confirmImport(db, other, checked.importId, NOW)).toBeNull();
		expect(confirmImport(db, teacher, 'x'.repeat(32), NOW)).toBeNull();
		expect(confirmImport(db, teacher, checked.importId, new Date(NOW.getTime() + HOUR / 2))).toEqual({ created: 1, changed: 0 });
		expect(confirmImport(db, teacher, checked.importId, NOW)).toBeNull();
		expect(listOwnQuestions(db, teacher).map((question) => question.questionNl)).toContain('Wat is een café?');
		const late = previewImport(db, teacher, 'vragen.csv', latin, 'nl', NOW);
		expect(late.ok && confirmImport(db, teacher, late.importId, new Date(NOW.getTime() + 2 * HOUR))).toBeNull();
		// one waiting file per teacher: a newer check replaces the one before
		const replaced = previewImport(db, teacher, 'vragen.csv', latin, 'nl', NOW);
		const newer = previewImport(db, teacher, 'vragen.csv', latin, 'nl', NOW);
		expect(replaced.ok && newer.ok && replaced.importId !== newer.importId).toBe(true);
		expect(replaced.ok && confirmImport(db, teacher, replaced.importId, NOW)).toBeNull();
		expect(countPendingImports(db, teacher)).toBe(1);

		// round trip: the download imports as unchanged; one cell changed is one new version
		const exported = writeOwnQuestionsCsv(db, teacher, 'nl');
		const again = previewImport(db, teacher, 'mijn vragen.csv', encode(exported), 'en', NOW);
		const count = listOwnQuestions(db, teacher).length;
		expect(again).toMatchObject({ ok: true, created: 0, changed: 0, unchanged: count, problems: [] });
		const changedFile = exported.replace('Een winkel', 'Een bakkerij');
		const changed = previewImport(db, teacher, 'mijn vragen.csv', encode(changedFile), 'nl', NOW);
		if (!changed.ok || !changed.importId) throw new Error('preview');
		expect(changed).toMatchObject({ created: 0, changed: 1, unchanged: count - 1 });
		expect(confirmImport(db, teacher, changed.importId, NOW)).toEqual({ created: 0, changed: 1 });
		const cafe = listOwnQuestions(db, teacher).find((question) => question.questionNl === 'Wat is een café?')!;
		expect(cafe.version).toBe(2);
		// a colleague's import of the same file makes their own copies
		const shared = previewImport(db, other, 'van juf.csv', encode(changedFile), 'nl', NOW);
		expect(shared).toMatchObject({ ok: true, created: count, changed: 0 });
	});

	it('refuse files that are not CSV or too large, and rows that repeat an id', () => {
		expect(previewImport(db, teacher, 'x.csv', new Uint8Array(1024 * 1024 + 1), 'nl', NOW)).toEqual({ ok: false, problem: { kind: 'too_big' } });
		expect(previewImport(db, teacher, 'x.csv', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]), 'nl', NOW)).toEqual({ ok: false, problem: { kind: 'not_csv' } });
		const exported = writeOwnQuestionsCsv(db, teacher, 'en').trimEnd().split('\r\n');
		const twice = previewImport(db, teacher, 'x.csv', encode([...exported, exported[1]].join('\r\n')), 'en', NOW);
		expect(twice.ok && twice.problems.at(-1)).toEqual({ row: exported.length + 1, problems: [], sameIdAs: 2 });
	});

	it("stay, retired and without owner, when their teacher's account is deleted", () => {
		const saved = saveOwnQuestionForm(db, other, null, { ...LAMP, question_nl: 'Waar is de markt in Leiden?' }, NOW);
		if (!saved.ok) throw new Error('save');
		db.transaction(() => {
			retireOwnQuestions(db, other, NOW);
			db.delete(t.user).where(eq(t.user.id, other)).run();
		});
		const row = db.select().from(t.question).where(eq(t.question.id, saved.id)).get()!;
		expect(row).toMatchObject({ ownerId: null, origin: 'teacher' });
		expect(row.retiredAt).not.toBeNull();
	});
});
