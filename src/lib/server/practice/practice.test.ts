import { and, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../../domain/content';
import { buildContentFiles, WORDS_WONEN } from '../../domain/content/test-fixtures';
import { createScheduler } from '../../domain/srs/scheduler';
import type { CardState } from '../../domain/srs/scheduler';
import { toSessionUser } from '../auth/session';
import type { SessionUser } from '../auth/session';
import { importContent } from '../content/import';
import { loadContent } from '../content/load';
import { openDatabase } from '../db';
import type { Db } from '../db';
import * as t from '../db/schema';
import type { ShownQuestion } from '../../types/practice';
import {
	countNewToday,
	dayModelOf,
	listMistakes,
	loadCard,
	loadFeedback,
	loadRound,
	markGuessed,
	nextQuestion,
	parseScope,
	loadTodayPlan,
	pendingExamOutcome,
	progressOverview,
	recordReview,
	saveCard,
	saveExamOutcome,
	submitAnswer,
	themeProgress
} from '.';
import { decodeShowing, optionOrder } from './showings';
import { learnerDay, learnerDayOfKey } from '../../domain/learner-day';
import { finalSlotDay, recallOnExamDay, retentionFor } from '../../domain/srs/exam-policy';

const NOW = new Date('2026-11-10T09:00:00Z');
const DAY = 86_400_000;

function setUp(files = buildContentFiles()): { db: Db; user: SessionUser } {
	const db = openDatabase(':memory:');
	const result = validateContent(files);
	if (!result.ok) throw new Error('fixture invalid');
	importContent(db, result.bundle, NOW);
	db.insert(t.user).values({ id: 'u1', username: 'ali', usernameKey: 'ali', passwordHash: 'x', role: 'learner', createdAt: NOW }).run();
	db.insert(t.user).values({ id: 'u2', username: 'sara', usernameKey: 'sara', passwordHash: 'x', role: 'learner', createdAt: NOW }).run();
	const row = db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!;
	return { db, user: toSessionUser(row) };
}

function show(db: Db, user: SessionUser, now = NOW, scope = parseScope('due')!): ShownQuestion {
	const next = nextQuestion(db, user, scope, now);
	if (next.done) throw new Error('nothing to show');
	return next.shown;
}

/** The shown position of the right option, found the way the server does (test only). */
function correctPosition(db: Db, shown: ShownQuestion, userId = 'u1'): number {
	const showing = decodeShowing(db, userId, shown.token)!;
	const question = db.select().from(t.question).where(eq(t.question.id, shown.questionId)).get()!;
	return optionOrder(db, userId, shown.questionId, showing.version).indexOf(question.correctIndex);
}

const answer = (shown: ShownQuestion, choice: number | string, extra: Record<string, unknown> = {}) => ({
	token: shown.token,
	questionId: shown.questionId,
	choice: String(choice),
	...extra
});

const rowCounts = (db: Db) => ({
	reviews: db.select({ n: count() }).from(t.reviewLog).get()?.n,
	cards: db.select({ n: count() }).from(t.card).get()?.n
});

describe('the practice loop', () => {
	let db: Db;
	let user: SessionUser;

	beforeEach(() => {
		({ db, user } = setUp());
	});

	it('shows new questions in bank order without saying which option is right', () => {
		const shown = show(db, user);
		expect(shown.questionId).toBe('wo-001');
		expect(shown.kind).toBe('new');
		expect(shown.options).toHaveLength(3);
		expect(JSON.stringify(shown)).not.toContain('correct');
		expect(shown.options.map((o) => o.nl).sort()).toEqual(['De Belastingdienst', 'De Huurcommissie', 'Het UWV']);
	});

	it('shows the same question and order again until it is answered', () => {
		const first = show(db, user);
		const again = show(db, user, new Date(NOW.getTime() + 60_000));
		// Only the time shown in the token differs.
		expect({ ...again, token: '' }).toEqual({ ...first, token: '' });
		expect(again.token).not.toBe(first.token);
	});

	it('grades on the server, creates the card and logs the review in one go', () => {
		const shown = show(db, user);
		const result = submitAnswer(db, user, answer(shown, correctPosition(db, shown)), new Date(NOW.getTime() + 4000));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.correct).toBe(true);
		const log = db.select().from(t.reviewLog).all();
		expect(log).toHaveLength(1);
		expect(log[0]).toMatchObject({
			userId: 'u1',
			questionId: 'wo-001',
			mode: 'practice',
			correct: true,
			guessed: false,
			rating: 3,
			stateBefore: 0,
			predictedRecall: null,
			responseMs: 4000,
			schedulerVersion: 'v5.4.2 using FSRS-6.0',
			desiredRetention: 0.9
		});
		expect(db.select().from(t.schedulerParams).get()?.hash).toBe(log[0]?.paramsHash);
		expect(loadCard(db, 'u1', 'wo-001')?.reps).toBe(1);
	});

	it('reads the feedback of an answer from its log row, for its learner only', () => {
		const shown = show(db, user);
		const right = correctPosition(db, shown);
		const result = submitAnswer(db, user, answer(shown, right), NOW);
		if (!result.ok) throw new Error('not recorded');
		const feedback = loadFeedback(db, user, dayModelOf(user), result.answerId, 'en')!;
		expect(feedback).toMatchObject({
			answerId: result.answerId,
			correct: true,
			guessed: false,
			canMarkGuessed: true,
			chosenPosition: right,
			correctPosition: right,
			takeaway: { nl: expect.stringMatching(/\.$/), aid: expect.stringMatching(/\.$/) },
			// "Learn more" opens the housing guide at the paragraph of the question's eindterm (3.1.2)
			guides: [{ slug: 'knm-wonen', title: 'What the KNM exam asks about housing', anchor: 'eindterm-3-1-2' }],
			sources: [{ slug: 'huurcommissie', name: 'Huurcommissie' }]
		});
		expect(feedback.options.map((option) => option.nl)).toEqual(shown.options.map((option) => option.nl));
		// Someone else's answer, and an id that does not exist, have no feedback.
		expect(loadFeedback(db, { ...user, id: 'u2' }, dayModelOf(user), result.answerId, 'en')).toBeNull();
		expect(loadFeedback(db, user, dayModelOf(user), result.answerId + 1, 'en')).toBeNull();
	});

	it('rates a wrong answer as Again, and a right one as Again once the learner says "I guessed"', () => {
		const first = show(db, user);
		const wrong = (correctPosition(db, first) + 1) % 3;
		const r1 = submitAnswer(db, user, answer(first, wrong), NOW);
		if (!r1.ok) throw new Error('not recorded');
		expect(loadFeedback(db, user, dayModelOf(user), r1.answerId, 'nl')).toMatchObject({
			correct: false,
			canMarkGuessed: false,
			wait: { unit: 'minutes', count: 1 }
		});
		expect(markGuessed(db, user, r1.answerId)).toEqual({ ok: false, problem: 'not_right' });

		const second = show(db, user);
		const r2 = submitAnswer(db, user, answer(second, correctPosition(db, second)), NOW);
		if (!r2.ok) throw new Error('not recorded');
		const knewIt = loadCard(db, 'u1', second.questionId)!;
		// Another learner cannot touch it; the learner can, once.
		expect(markGuessed(db, { ...user, id: 'u2' }, r2.answerId)).toEqual({ ok: false, problem: 'not_found' });
		expect(markGuessed(db, user, r2.answerId)).toEqual({ ok: true });
		expect(markGuessed(db, user, r2.answerId)).toEqual({ ok: false, problem: 'already_guessed' });
		expect(db.select({ rating: t.reviewLog.rating, guessed: t.reviewLog.guessed }).from(t.reviewLog).all()).toEqual([
			{ rating: 1, guessed: false },
			{ rating: 1, guessed: true }
		]);
		// The card is what a guess gives (Again: back in a minute), not what "I knew it" gave.
		const guessed = loadCard(db, 'u1', second.questionId)!;
		const expected = createScheduler().rate(null, NOW, dayModelOf(user), 1).card;
		expect(guessed).toEqual(expected);
		expect(guessed.due.getTime()).toBeLessThan(knewIt.due.getTime());
		expect(db.select({ due: t.reviewLog.dueAfter }).from(t.reviewLog).where(eq(t.reviewLog.id, r2.answerId)).get()?.due).toEqual(expected.due);
		expect(loadFeedback(db, user, dayModelOf(user), r2.answerId, 'nl')).toMatchObject({ guessed: true, canMarkGuessed: false });
	});

	it('lets only the newest answer of a card become "I guessed"', () => {
		const first = show(db, user);
		const r1 = submitAnswer(db, user, answer(first, correctPosition(db, first)), NOW);
		if (!r1.ok) throw new Error('not recorded');
		const later = new Date(NOW.getTime() + 20 * DAY);
		const again = show(db, user, later, parseScope(`theme:${first.themeSlug}`)!);
		expect(again.questionId).toBe(first.questionId);
		submitAnswer(db, user, answer(again, 0), later);
		expect(markGuessed(db, user, r1.answerId)).toEqual({ ok: false, problem: 'not_latest' });
		expect(loadFeedback(db, user, dayModelOf(user), r1.answerId, 'en')?.canMarkGuessed).toBe(false);
	});

	it('records a replayed or double submit once', () => {
		const shown = show(db, user);
		const input = answer(shown, 0);
		expect(submitAnswer(db, user, input, NOW).ok).toBe(true);
		expect(submitAnswer(db, user, input, NOW)).toEqual({ ok: false, problem: 'token_used' });
		expect(db.select({ n: count() }).from(t.reviewLog).get()?.n).toBe(1);
	});

	it('refuses bad input and writes nothing', () => {
		const shown = show(db, user);
		const other = setUp();
		const cases: [Record<string, unknown>, string][] = [
			[answer(shown, 3), 'answer_invalid'],
			[answer(shown, -1), 'answer_invalid'],
			[answer(shown, 'één'), 'answer_invalid'],
			[answer(shown, '1.5'), 'answer_invalid'],
			[{ ...answer(shown, 0), token: 'nonsense' }, 'token_unknown'],
			[{ ...answer(shown, 0), token: 'a'.repeat(32) }, 'token_unknown'],
			[{ ...answer(shown, 0), token: 'x'.repeat(201) }, 'answer_invalid'],
			// a forged token: another version of the card, with the signature of the real one
			[{ ...answer(shown, 0), token: shown.token.replace('.0.', '.5.') }, 'token_unknown'],
			[{ ...answer(shown, 0), questionId: 'wo-002' }, 'question_mismatch'],
			[{ ...answer(shown, 0), questionId: 'xx-999' }, 'question_mismatch']
		];
		for (const [input, problem] of cases) {
			expect(submitAnswer(db, user, input, NOW), JSON.stringify(input)).toEqual({ ok: false, problem });
		}
		// Another learner's token is unknown to this learner.
		const sara = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u2')).get()!);
		expect(submitAnswer(db, sara, answer(shown, 0), NOW)).toEqual({ ok: false, problem: 'token_unknown' });
		expect(db.select({ n: count() }).from(t.reviewLog).get()?.n).toBe(0);
		expect(db.select({ n: count() }).from(t.card).get()?.n).toBe(0);
		expect(other.db).not.toBe(db);
	});

	it('serves due cards before new ones and respects the daily new limit', () => {
		db.update(t.user).set({ newPerDay: 1 }).where(eq(t.user.id, 'u1')).run();
		// Settings travel with the session user: read it again as the next request would.
		user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!);
		const first = show(db, user);
		submitAnswer(db, user, answer(first, correctPosition(db, first)), NOW);
		// One new question today is the limit; the first card is not due yet.
		expect(nextQuestion(db, user, parseScope('due')!, new Date(NOW.getTime() + 60_000))).toMatchObject({ done: true });
		// Tomorrow the first card is due and comes before the next new one.
		const tomorrow = new Date(NOW.getTime() + 2 * DAY);
		expect(show(db, user, tomorrow)).toMatchObject({ questionId: 'wo-001', kind: 'learning' });
	});

	it('keeps to the chosen theme or set', () => {
		expect(nextQuestion(db, user, parseScope('theme:instanties')!, NOW)).toEqual({ done: true, nextDueAt: null });
		expect(show(db, user, NOW, parseScope('set:theme-wonen')!).questionId).toBe('wo-001');
		expect(parseScope('theme:Bad Slug')).toBeNull();
		expect(parseScope('everything')).toBeNull();
	});

	it('lists mistakes of the last 30 days until they are answered right', () => {
		const shown = show(db, user);
		submitAnswer(db, user, answer(shown, (correctPosition(db, shown) + 1) % 3), NOW);
		expect(listMistakes(db, 'u1', NOW).map((m) => m.questionId)).toEqual(['wo-001']);
		expect(listMistakes(db, 'u1', new Date(NOW.getTime() + 31 * DAY))).toEqual([]);

		const again = show(db, user, new Date(NOW.getTime() + 1000), parseScope('mistakes')!);
		expect(again).toMatchObject({ questionId: 'wo-001', kind: 'mistake' });
		submitAnswer(db, user, answer(again, correctPosition(db, again)), new Date(NOW.getTime() + 2000));
		expect(listMistakes(db, 'u1', NOW)).toEqual([]);
		expect(db.select({ mode: t.reviewLog.mode }).from(t.reviewLog).all().map((r) => r.mode)).toEqual(['practice', 'mistakes']);
	});

	it('counts new, learning and learnt per theme', () => {
		const shown = show(db, user);
		submitAnswer(db, user, answer(shown, correctPosition(db, shown)), NOW);
		const wonen = themeProgress(db, 'u1', NOW, 'en').find((theme) => theme.slug === 'wonen');
		expect(wonen).toMatchObject({ total: 2, newCount: 1, learning: 1, learnt: 0 });
	});
});

describe('KNM word cards in the practice loop', () => {
	let db: Db;
	let user: SessionUser;
	const words = parseScope('words:wonen')!;
	const MINUTE = 60_000;

	beforeEach(() => {
		({ db, user } = setUp(buildContentFiles({ 'content/words/wonen.yaml': WORDS_WONEN })));
	});

	const setNewPerDay = (n: number) => {
		db.update(t.user).set({ newPerDay: n }).where(eq(t.user.id, 'u1')).run();
		user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!);
	};

	it('practises a theme\'s words in file order, apart from its questions', () => {
		expect(show(db, user, NOW, words)).toMatchObject({ questionId: 'word-huurcontract', kind: 'new', question: { nl: 'Wat betekent "het huurcontract"?' } });
		expect(show(db, user, NOW, parseScope('theme:wonen')!).questionId).toBe('wo-001');
		expect(show(db, user).questionId).toBe('wo-001');
		expect(nextQuestion(db, user, parseScope('words:instanties')!, NOW)).toEqual({ done: true, nextDueAt: null });
	});

	it('brings a word answered wrong back as due, in the words and in the due queue, the same morning', () => {
		// three words: two known, one missed
		for (const [index, right] of [true, false, true].entries()) {
			const at = new Date(NOW.getTime() + index * 5000);
			const shown = show(db, user, at, words);
			const position = correctPosition(db, shown);
			expect(submitAnswer(db, user, answer(shown, right ? position : (position + 1) % 3), at)).toMatchObject({ ok: true, correct: right });
		}
		const cards = db.select().from(t.card).where(eq(t.card.userId, 'u1')).all();
		expect(cards.map((card) => card.questionId).sort()).toEqual(['word-huurcontract', 'word-huurtoeslag', 'word-verhuurder']);
		const missed = cards.find((card) => card.questionId === 'word-huurtoeslag')!;
		// a learning step: due within minutes, not days
		expect(missed.due.getTime() - (NOW.getTime() + 5000)).toBeLessThanOrEqual(10 * MINUTE);
		const later = new Date(missed.due.getTime() + 1000);
		expect(show(db, user, later, words)).toMatchObject({ questionId: 'word-huurtoeslag', kind: 'learning' });
		// the general queue of due work has it too, before any new question
		expect(show(db, user, later)).toMatchObject({ questionId: 'word-huurtoeslag', kind: 'learning' });
		expect(listMistakes(db, 'u1', later).map((m) => m.questionId)).toEqual(['word-huurtoeslag']);
	});

	it('counts new words and new questions against one daily new limit', () => {
		setNewPerDay(2);
		const word = show(db, user, NOW, words);
		submitAnswer(db, user, answer(word, correctPosition(db, word)), NOW);
		const question = show(db, user, new Date(NOW.getTime() + MINUTE));
		expect(question.questionId).toBe('wo-001');
		submitAnswer(db, user, answer(question, correctPosition(db, question)), new Date(NOW.getTime() + MINUTE));
		const soon = new Date(NOW.getTime() + 2 * MINUTE);
		expect(countNewToday(db, user, soon)).toBe(2);
		expect(nextQuestion(db, user, words, soon)).toMatchObject({ done: true });
		expect(nextQuestion(db, user, parseScope('due')!, soon)).toMatchObject({ done: true });
	});

	it('explains a word in its feedback and links it to the word list, not to an official page', () => {
		const shown = show(db, user, NOW, words);
		const result = submitAnswer(db, user, answer(shown, (correctPosition(db, shown) + 1) % 3), NOW);
		if (!result.ok) throw new Error(result.problem);
		const feedback = loadFeedback(db, user, dayModelOf(user), result.answerId, 'nl')!;
		expect(feedback).toMatchObject({
			correct: false,
			word: { id: 'huurcontract', theme: 'wonen' },
			sourceUrl: '',
			sources: [],
			takeaway: { nl: 'Het huurcontract: Een papier met de afspraken tussen huurder en verhuurder.', aid: 'het huurcontract: rental contract.' },
			explanationRest: { nl: 'Voorbeeld: Lees het huurcontract goed voordat u tekent.' }
		});
		expect(feedback.guides.map((guide) => guide.slug)).toEqual(['knm-wonen']);
		expect(feedback.options[feedback.correctPosition]?.nl).toBe('Een papier met de afspraken tussen huurder en verhuurder.');
	});

	it('the next day, after an import: a removed word is gone from the queue and the mistakes, a changed one comes back as it now reads', () => {
		// day 1: two words, both missed
		for (const [index] of [0, 1].entries()) {
			const at = new Date(NOW.getTime() + index * 5000);
			const shown = show(db, user, at, words);
			submitAnswer(db, user, answer(shown, (correctPosition(db, shown) + 1) % 3), at);
		}
		expect(listMistakes(db, 'u1', new Date(NOW.getTime() + 10_000)).map((m) => m.questionId).sort()).toEqual(['word-huurcontract', 'word-huurtoeslag']);
		// overnight: huurcontract leaves the word list, huurtoeslag gets a new definition
		const files = WORDS_WONEN.replace(/ {2}- id: huurcontract[\s\S]*?(?= {2}- id: huurtoeslag)/, '').replace(
			'Geld van de overheid als uw huur hoog is en uw inkomen laag.',
			'Een bijdrage van de overheid in de huur, als uw inkomen laag is.'
		);
		const result = validateContent(buildContentFiles({ 'content/words/wonen.yaml': files }));
		if (!result.ok) throw new Error('fixture invalid');
		const nextDay = new Date(NOW.getTime() + DAY);
		importContent(db, result.bundle, nextDay);
		// day 2: only the changed word is due, in the words and in the daily queue, as it now reads
		const due = show(db, user, nextDay);
		expect(due).toMatchObject({ questionId: 'word-huurtoeslag', kind: 'learning' });
		expect(due.options.map((option) => option.nl)).toContain('Een bijdrage van de overheid in de huur, als uw inkomen laag is.');
		expect(show(db, user, nextDay, words).questionId).toBe('word-huurtoeslag');
		expect(listMistakes(db, 'u1', nextDay).map((m) => m.questionId)).toEqual(['word-huurtoeslag']);
		// answering it records the new version
		expect(submitAnswer(db, user, answer(due, correctPosition(db, due)), nextDay)).toMatchObject({ ok: true, correct: true });
		const logged = db.select().from(t.reviewLog).where(eq(t.reviewLog.questionId, 'word-huurtoeslag')).all();
		expect(logged.map((row) => row.questionVersion)).toEqual([1, 2]);
	});

	it('keeps word cards out of the theme counts; a changed word is a new version, a removed one retired', () => {
		expect(themeProgress(db, 'u1', NOW, 'en').find((theme) => theme.slug === 'wonen')?.total).toBe(2);
		const changed = WORDS_WONEN.replace('rent benefit', 'housing allowance').replace(/ {2}- id: servicekosten[\s\S]*$/, '');
		const result = validateContent(buildContentFiles({ 'content/words/wonen.yaml': changed }));
		if (!result.ok) throw new Error('fixture invalid');
		importContent(db, result.bundle, new Date(NOW.getTime() + DAY));
		const row = (id: string) => db.select().from(t.question).where(eq(t.question.id, id)).get()!;
		expect(row('word-huurtoeslag')).toMatchObject({ version: 2, origin: 'word', retiredAt: null });
		expect(row('word-servicekosten').retiredAt).not.toBeNull();
		// the same files again change no card
		const again = importContent(db, result.bundle, new Date(NOW.getTime() + 2 * DAY));
		expect(again).toMatchObject({ inserted: 0, updated: 0, retired: 0 });
		expect(row('word-huurtoeslag').version).toBe(2);
	});
});

describe('page views and answers', () => {
	let db: Db;
	let user: SessionUser;

	beforeEach(() => {
		({ db, user } = setUp());
	});

	const totalChanges = () => (db.$client.prepare('SELECT total_changes() AS n').get() as { n: number }).n;

	it('writes nothing when a question is shown, however often (link preloading runs the load)', () => {
		const before = totalChanges();
		for (const scope of ['due', 'theme:wonen', 'set:theme-wonen', 'mistakes']) {
			for (let i = 0; i < 3; i++) nextQuestion(db, user, parseScope(scope)!, new Date(NOW.getTime() + i * 1000));
		}
		expect(totalChanges()).toBe(before);
	});

	it('does not offer a question again when it was shown in one scope and answered in another', () => {
		const inTheme = show(db, user, NOW, parseScope('theme:wonen')!);
		const inDue = show(db, user, NOW, parseScope('due')!);
		expect(inTheme.questionId).toBe(inDue.questionId);
		expect(submitAnswer(db, user, answer(inDue, correctPosition(db, inDue)), new Date(NOW.getTime() + 5000)).ok).toBe(true);
		// The theme page still holds the old showing: answering it records nothing more.
		expect(submitAnswer(db, user, answer(inTheme, 0), new Date(NOW.getTime() + 6000))).toEqual({ ok: false, problem: 'token_used' });
		expect(rowCounts(db)).toEqual({ reviews: 1, cards: 1 });
		// The theme scope now moves on to the next question.
		expect(show(db, user, new Date(NOW.getTime() + 7000), parseScope('theme:wonen')!).questionId).toBe('wo-002');
	});

	it('measures the response time from showing to answer, capped at 60 seconds', () => {
		const responseOf = () => db.select({ ms: t.reviewLog.responseMs }).from(t.reviewLog).orderBy(t.reviewLog.id).all().at(-1)?.ms;
		// Without JavaScript: from the moment the page was made.
		const first = show(db, user, NOW);
		submitAnswer(db, user, answer(first, 0), new Date(NOW.getTime() + 7_300));
		expect(responseOf()).toBe(7_300);
		// With JavaScript: the browser's measurement (it leaves out the time before the page showed).
		const second = show(db, user, new Date(NOW.getTime() + 20_000));
		submitAnswer(db, user, answer(second, 0, { responseMs: '4200' }), new Date(NOW.getTime() + 30_000));
		expect(responseOf()).toBe(4_200);
		// A learner who walked away: capped.
		const later = NOW.getTime() + 11 * 60_000; // the first question is back by then
		const third = show(db, user, new Date(later));
		submitAnswer(db, user, answer(third, 0), new Date(later + 10 * 60_000));
		expect(responseOf()).toBe(60_000);
	});

	it('reads a round back from the log: answers since its start and not after now', () => {
		const first = show(db, user, NOW);
		submitAnswer(db, user, answer(first, correctPosition(db, first)), NOW);
		const later = new Date(NOW.getTime() + 5000);
		const second = show(db, user, later);
		submitAnswer(db, user, answer(second, (correctPosition(db, second) + 1) % 3), later);
		expect(loadRound(db, 'u1', null, later)).toMatchObject({ start: null, answered: 0 });
		expect(loadRound(db, 'u1', NOW, later)).toMatchObject({ start: NOW.getTime(), answered: 2, size: 10, summary: null });
		// A clock moved back (the test clock) does not count answers from its future.
		expect(loadRound(db, 'u1', NOW, new Date(NOW.getTime() + 1000)).answered).toBe(1);
		expect(loadRound(db, 'u1', later, later).answered).toBe(1);
	});

	it('records the version of the question that was answered', () => {
		const shown = show(db, user);
		submitAnswer(db, user, answer(shown, 0), NOW);
		expect(db.select({ v: t.reviewLog.questionVersion }).from(t.reviewLog).get()?.v).toBe(1);
	});

	it('counts today, the new-question budget, the forecast and the streak in learner days', () => {
		const amsterdam = { ...user, timezone: 'Europe/Amsterdam', dayStartsHour: 4 };
		// 01:30 local on 11 November is still learner day 10 November.
		const lateNight = new Date('2026-11-11T00:30:00Z');
		const shown = show(db, amsterdam, lateNight);
		submitAnswer(db, amsterdam, answer(shown, correctPosition(db, shown)), lateNight);
		// At 03:59 the same learner day: one new question used; at 04:00 a new day with a full budget.
		expect(countNewToday(db, amsterdam, new Date('2026-11-11T02:59:00Z'))).toBe(1);
		expect(countNewToday(db, amsterdam, new Date('2026-11-11T03:00:00Z'))).toBe(0);
		// Practice again at 20:00 on 11 November: two learner days in a row.
		const evening = new Date('2026-11-11T19:00:00Z');
		const next = show(db, amsterdam, evening);
		submitAnswer(db, amsterdam, answer(next, correctPosition(db, next)), evening);
		const overview = progressOverview(db, amsterdam, evening, 'en');
		expect(overview.streak).toBe(2);
		expect(overview.reviewsToday).toBe(1);
		expect(overview.forecast[0]?.day).toBe('2026-11-11');
		// Each card in review comes due at 04:00 local of its learner day, and is counted on that day.
		const dues = db.select().from(t.card).all().filter((card) => card.state === 2);
		for (const card of dues) {
			expect(card.due.getUTCHours()).toBe(3);
			const offset = Math.round((card.due.getTime() - new Date('2026-11-11T03:00:00Z').getTime()) / DAY);
			if (offset < 7) expect(overview.forecast[offset]!.count).toBeGreaterThan(0);
		}
		expect(dayModelOf(amsterdam)).toEqual({ timeZone: 'Europe/Amsterdam', dayStartsHour: 4 });
	});
});

describe('new questions across the real bank', () => {
	it('lets the themes take turns, everyday themes first: 12 daily-life questions, then the other themes join', () => {
		const db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		db.insert(t.user).values({ id: 'u1', username: 'ali', usernameKey: 'ali', passwordHash: 'x', role: 'learner', createdAt: NOW }).run();
		const user = toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!);
		const themes: string[] = [];
		for (let i = 0; i < 16; i++) {
			const at = new Date(NOW.getTime() + i * 1000);
			const shown = show(db, user, at);
			themes.push(shown.themeSlug);
			expect(submitAnswer(db, user, answer(shown, 0), at).ok).toBe(true);
		}
		const everyday = ['werk-en-inkomen', 'wonen', 'gezondheid-en-gezondheidszorg', 'onderwijs-en-opvoeding'];
		const others = ['omgangsvormen-waarden-en-normen', 'geschiedenis-en-geografie', 'instanties', 'staatsinrichting-en-rechtsstaat'];
		// Three turns of the everyday themes, in theme order; then the others, one each.
		expect(themes.slice(0, 12)).toEqual([...everyday, ...everyday, ...everyday]);
		expect(themes.slice(12, 16)).toEqual(others);
		const order = db.select({ slug: t.theme.slug }).from(t.theme).orderBy(t.theme.number).all().map((row) => row.slug);
		// Within a theme, file order still holds: theme 2's second question comes next there.
		const theme2 = db
			.select({ id: t.question.id })
			.from(t.question)
			.where(and(eq(t.question.themeSlug, order[1]!), eq(t.question.origin, 'bank')))
			.orderBy(t.question.position)
			.all()
			.map((row) => row.id);
		expect(show(db, user, new Date(NOW.getTime() + 20_000), parseScope(`theme:${order[1]}`)!).questionId).toBe(theme2[1]);
	});
});

describe('golden vectors through the wrapper and a SQLite round trip', () => {
	const UTC = { timeZone: 'UTC', dayStartsHour: 0 };

	it('gives the reference intervals when every card is stored and read back', () => {
		const { db } = setUp();
		const scheduler = createScheduler({ enableFuzz: false });
		let now = new Date('2022-12-29T12:30:00Z');
		const intervals: number[] = [];
		for (const rating of [3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3] as const) {
			const stored = loadCard(db, 'u1', 'wo-001');
			const next: CardState = scheduler.rate(stored, now, UTC, rating).card;
			saveCard(db, 'u1', 'wo-001', next, rating, UTC);
			intervals.push(next.scheduledDays);
			now = next.due;
		}
		expect(intervals).toEqual([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
	});

	it('gives the reference memory state after a SQLite round trip', () => {
		const { db } = setUp();
		const scheduler = createScheduler({ enableFuzz: false });
		let now = new Date('2022-12-29T12:30:00Z');
		const gaps = [0, 0, 1, 3, 8, 21];
		([1, 3, 3, 3, 3, 3] as const).forEach((rating, index) => {
			now = new Date(now.getTime() + (gaps[index] ?? 0) * DAY);
			saveCard(db, 'u1', 'wo-001', scheduler.rate(loadCard(db, 'u1', 'wo-001'), now, UTC, rating).card, rating, UTC);
		});
		const card = loadCard(db, 'u1', 'wo-001')!;
		expect(card.stability).toBeCloseTo(53.62691, 4);
		expect(card.difficulty).toBeCloseTo(6.3574867, 4);
	});
});

describe('the exam-date policy in the answer path', () => {
	it('schedules before the exam day with the policy: its retention, its cap at the final week, logged; plain FSRS after', () => {
		const { db } = setUp();
		// Exam on 30 November 2026 (learner days in Amsterdam from 04:00); first answer 10 November.
		// A learner who wants to be sure (target recall 0.97), so the cap is needed.
		const learner = { desiredRetention: 0.97, timezone: 'Europe/Amsterdam', dayStartsHour: 4, examDate: '2026-11-30' };
		const day = dayModelOf(learner);
		const examDay = learnerDayOfKey('2026-11-30');
		const slot = finalSlotDay('wo-001', examDay);
		let at = NOW;
		const dues: number[] = [];
		for (let i = 0; i < 6; i++) {
			recordReview(db, { userId: 'u1', questionId: 'wo-001', questionVersion: 1, mode: 'practice', at, correct: true, guessed: false, chosenIndex: 0, shownOrder: [0, 1, 2], responseMs: 3000, learner });
			const card = loadCard(db, 'u1', 'wo-001')!;
			dues.push(learnerDay(card.due, day));
			at = new Date(Math.max(card.due.getTime(), at.getTime() + 60_000) + 3_600_000 * 6);
		}
		const logs = db.select().from(t.reviewLog).where(eq(t.reviewLog.questionId, 'wo-001')).orderBy(t.reviewLog.reviewedAt).all();
		// 20 days out the retention is the learning level; it rises towards the target.
		expect(logs[0]).toMatchObject({ policy: 'exam', desiredRetention: retentionFor(learnerDay(NOW, day), { examDay, targetRecall: 0.97 }) });
		expect(logs[0]!.desiredRetention).toBeLessThan(0.9);
		// Before its final slot, no interval reaches past the slot, unless the question is strong
		// enough for the exam day without another review; the cap was used at least once.
		const beforeSlot = logs.filter((log) => learnerDay(log.reviewedAt, day) < slot);
		let capped = 0;
		for (const log of beforeSlot) {
			const dueDay = learnerDay(log.dueAfter, day);
			const strong = recallOnExamDay(log.stabilityAfter, learnerDay(log.reviewedAt, day), examDay) >= 0.97;
			expect(dueDay <= slot || strong, `answer on day ${learnerDay(log.reviewedAt, day)}`).toBe(true);
			if (dueDay === slot) capped += 1;
		}
		expect(capped).toBeGreaterThan(0);
		// After the exam day: plain FSRS at the learner's retention.
		const afterExam = logs.filter((log) => learnerDay(log.reviewedAt, day) >= examDay);
		expect(afterExam.length).toBeGreaterThan(0);
		for (const log of afterExam) expect(log).toMatchObject({ policy: 'fsrs', desiredRetention: 0.97 });
		// Without an exam date: plain FSRS.
		recordReview(db, { userId: 'u1', questionId: 'wo-002', questionVersion: 1, mode: 'practice', at: NOW, correct: true, guessed: false, chosenIndex: 0, shownOrder: [0, 1, 2], responseMs: 3000, learner: { ...learner, examDate: null } });
		expect(db.select().from(t.reviewLog).where(eq(t.reviewLog.questionId, 'wo-002')).get()).toMatchObject({ policy: 'fsrs', desiredRetention: 0.97 });
	});
});

describe('the scheduled queue with an exam plan', () => {
	function setUpBank(examDate: string, dailyCap = 100): { db: Db; user: SessionUser } {
		const db = openDatabase(':memory:');
		importContent(db, loadContent(), NOW);
		db.insert(t.user).values({ id: 'u1', username: 'ali', usernameKey: 'ali', passwordHash: 'x', role: 'learner', createdAt: NOW, examDate, dailyCap }).run();
		return { db, user: toSessionUser(db.select().from(t.user).where(eq(t.user.id, 'u1')).get()!) };
	}
	const answerShown = (db: Db, user: SessionUser, shown: ShownQuestion, at: Date) => {
		const result = submitAnswer(db, user, answer(shown, correctPosition(db, shown)), at);
		if (!result.ok) throw new Error(result.problem);
	};

	it('paces new questions to introduce the bank two weeks before the exam', () => {
		// 10 November, exam on 10 December: 30 days, so new questions over 16 days.
		const { db, user } = setUpBank('2026-12-10', 100);
		const bank = db.select({ n: count() }).from(t.question).where(eq(t.question.origin, 'bank')).get()!.n;
		const pace = Math.ceil(bank / 16);
		let at = NOW;
		let fresh = 0;
		// One learner day (09:00 to 04:00 in Amsterdam), an answer every 2 minutes.
		const end = new Date('2026-11-11T03:00:00Z');
		while (at < end) {
			const next = nextQuestion(db, user, parseScope('due')!, at);
			if (next.done) break;
			if (next.shown.kind === 'new') fresh += 1;
			answerShown(db, user, next.shown, at);
			at = new Date(at.getTime() + 2 * 60_000);
		}
		expect(at < end).toBe(true);
		// The day ends when the pace is used up and nothing is due, under the cap; the learner's
		// own limit of 20 new questions a day gives way to the plan's pace.
		const answered = db.select({ n: count() }).from(t.reviewLog).get()!.n;
		expect(pace).toBeGreaterThan(20);
		expect(fresh).toBe(pace);
		expect(answered).toBeLessThan(100);
		// The next morning, the next share.
		const morning = nextQuestion(db, user, parseScope('due')!, new Date('2026-11-11T08:00:00Z'));
		expect(morning.done).toBe(false);
	});

	it('closes the day at the cap until the next learner day', () => {
		const { db, user } = setUpBank('2026-12-10', 20);
		let at = NOW;
		for (let i = 0; i < 20; i++) {
			const next = nextQuestion(db, user, parseScope('theme:wonen')!, at);
			if (next.done) throw new Error('theme done');
			answerShown(db, user, next.shown, at);
			at = new Date(at.getTime() + 60_000);
		}
		const done = nextQuestion(db, user, parseScope('due')!, at);
		// 20 answers today: the plan's day is done; it opens at 04:00 Amsterdam time on 11 November.
		expect(done).toEqual({ done: true, nextDueAt: '2026-11-11T03:00:00.000Z', planCap: 20 });
	});

	it('in the final week, brings the weakest question for the exam day first', () => {
		// Exam tomorrow: every question's final slot has come.
		const { db, user } = setUpBank('2026-11-11');
		const day = dayModelOf(user);
		const today = learnerDay(NOW, day);
		const ids = db.select({ id: t.question.id }).from(t.question).limit(3).all().map((row) => row.id);
		const scheduler = createScheduler();
		// Three cards in review, none due: last reviewed 5, 10 and 2 days ago with these stabilities.
		const made: [string, number, number][] = [
			[ids[0]!, 30, 5],
			[ids[1]!, 4, 10],
			[ids[2]!, 20, 2]
		];
		for (const [id, stability, daysAgo] of made) {
			const last = new Date(NOW.getTime() - daysAgo * DAY);
			const card = { ...scheduler.rate(null, last, day, 3).card, stability, state: 2 as const, due: new Date(NOW.getTime() + 20 * DAY) };
			saveCard(db, 'u1', id, card, 3, day);
		}
		expect(learnerDay(loadCard(db, 'u1', ids[1]!)!.due, day)).toBeGreaterThan(today);
		// Recall on the exam day: ids[1] (4 days, 11 days since) is the weakest, below 0.90.
		const first = nextQuestion(db, user, parseScope('due')!, NOW);
		expect(first.done ? null : first.shown.questionId).toBe(ids[1]);
		answerShown(db, user, (first as { shown: ShownQuestion }).shown, NOW);
		// Answered today: not swept again today; the others are above the target; new questions next.
		const second = nextQuestion(db, user, parseScope('due')!, new Date(NOW.getTime() + 60_000));
		expect(second.done ? null : second.shown.kind).toBe('new');
	});

	it("gives today's target: due cards, today's share of new questions, what is done, within the cap", () => {
		const { db, user } = setUpBank('2026-12-10', 100);
		const bank = db.select({ n: count() }).from(t.question).where(eq(t.question.origin, 'bank')).get()!.n;
		const pace = Math.ceil(bank / 16);
		expect(loadTodayPlan(db, user, NOW)).toEqual({ target: pace, left: pace, examDate: '2026-12-10', daysLeft: 30 });
		// Five new questions answered right: each comes back after 10 minutes, today.
		let at = NOW;
		for (let i = 0; i < 5; i++) {
			const next = nextQuestion(db, user, parseScope('due')!, at);
			if (next.done) throw new Error('done');
			answerShown(db, user, next.shown, at);
			at = new Date(at.getTime() + 60_000);
		}
		expect(loadTodayPlan(db, user, at)).toEqual({ target: 5 + 5 + (pace - 5), left: 5 + pace - 5, examDate: '2026-12-10', daysLeft: 30 });
		// A low cap bounds the target.
		expect(loadTodayPlan(db, { ...user, dailyCap: 20 }, at)).toMatchObject({ target: 20, left: 15 });
		// No exam date, or the exam day itself: no plan.
		expect(loadTodayPlan(db, { ...user, examDate: null }, at)).toBeNull();
		expect(loadTodayPlan(db, user, new Date('2026-12-10T12:00:00Z'))).toBeNull();
	});

	it('asks once, after the exam date, how the exam went, and stores the estimate made for that day', () => {
		const { db, user } = setUpBank('2026-11-12');
		expect(pendingExamOutcome(db, user, NOW)).toBeNull();
		// on the exam day itself: not yet
		expect(pendingExamOutcome(db, user, new Date('2026-11-12T12:00:00Z'))).toBeNull();
		const after = new Date('2026-11-13T12:00:00Z');
		expect(pendingExamOutcome(db, user, after)).toBe('2026-11-12');
		expect(saveExamOutcome(db, user, { result: 'great' }, after)).toEqual({ ok: false, problem: 'invalid' });
		expect(saveExamOutcome(db, user, { result: ['passed'] }, after)).toEqual({ ok: false, problem: 'invalid' });
		expect(db.select().from(t.examOutcome).all()).toEqual([]);
		expect(saveExamOutcome(db, user, { result: 'passed' }, after)).toEqual({ ok: true });
		// Nothing practised: every question a guess, a third.
		expect(db.select().from(t.examOutcome).all()).toEqual([
			{ userId: 'u1', examDate: '2026-11-12', result: 'passed', predictedScore: expect.closeTo(1 / 3, 6), answeredAt: after }
		]);
		expect(pendingExamOutcome(db, user, after)).toBeNull();
		expect(saveExamOutcome(db, user, { result: 'failed' }, after)).toEqual({ ok: false, problem: 'not_asked' });
		// a new exam date is asked about in its turn
		expect(pendingExamOutcome(db, { ...user, examDate: '2026-11-20' }, new Date('2026-11-21T12:00:00Z'))).toBe('2026-11-20');
	});
});

