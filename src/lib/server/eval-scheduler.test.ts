import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { importContent } from './content/import';
import { loadContent } from './content/load';
import { openDatabase } from './db';
import * as t from './db/schema';
import { loadCard, loadReadiness, recordReview } from './practice';
import { luckyGuessShare } from './practice/readiness';
import { toSessionUser } from './auth/session';
import { recallOn } from '../domain/srs/scheduler';
import { LUCKY_GUESS_SHARE } from '../domain/srs/readiness';
import { MIN_SECOND_ANSWERS } from '../domain/srs/calibration';

const DAY = 86_400_000;

describe('npm run eval:scheduler', () => {
	it('scores a small review log: predictions that outcomes follow beat the constant baseline', () => {
		const dir = mkdtempSync(join(tmpdir(), 'knm-eval-'));
		try {
			const path = join(dir, 'fixture.db');
			const db = openDatabase(path);
			const start = new Date('2026-09-01T10:00:00Z');
			importContent(db, loadContent(), start);
			db.insert(t.user).values({ id: 'u'.repeat(32), username: 'eval', usernameKey: 'eval', passwordHash: 'x', role: 'learner', createdAt: start }).run();
			const learner = { desiredRetention: 0.9, timezone: 'Europe/Amsterdam', dayStartsHour: 4 };
			const day = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
			const random = seededRandom(11);
			const questions = db.select({ id: t.question.id }).from(t.question).limit(120).all();
			// A learner whose answers follow FSRS's own prediction, over 60 days.
			for (const { id } of questions) {
				let at = new Date(start.getTime() + random() * 5 * DAY);
				for (let n = 0; n < 6 && at.getTime() < start.getTime() + 60 * DAY; n++) {
					const card = loadCard(db, 'u'.repeat(32), id);
					const recall = recallOn(card, at, day) ?? 0.5;
					const correct = random() < recall;
					recordReview(db, { userId: 'u'.repeat(32), questionId: id, questionVersion: 1, mode: 'practice', at, correct, guessed: false, chosenIndex: 0, shownOrder: [0, 1, 2], responseMs: 3000, learner });
					const next = loadCard(db, 'u'.repeat(32), id)!;
					at = new Date(Math.max(next.due.getTime(), at.getTime() + DAY) + random() * 3 * DAY);
				}
			}
			db.$client.close();
			const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-scheduler.ts', path], { encoding: 'utf8' });
			const report = JSON.parse(output.trim().split('\n').at(-1)!) as { count: number; logLoss: number; baseline: { logLoss: number }; bins: { count: number }[] };
			expect(report.count).toBeGreaterThan(200);
			expect(report.bins.reduce((n, bin) => n + bin.count, 0)).toBe(report.count);
			expect(report.logLoss).toBeLessThan(report.baseline.logLoss);
			expect(output).toContain('| log loss |');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);

	it('measures the lucky-guess share from second answers, and with --save readiness uses it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'knm-eval-lucky-'));
		try {
			const path = join(dir, 'fixture.db');
			const db = openDatabase(path);
			const start = new Date('2026-09-01T10:00:00Z');
			importContent(db, loadContent(), start);
			const learner = { desiredRetention: 0.9, timezone: 'Europe/Amsterdam', dayStartsHour: 4 };
			const day = { timeZone: 'Europe/Amsterdam', dayStartsHour: 4 };
			const random = seededRandom(23);
			const questions = db.select({ id: t.question.id }).from(t.question).all();
			// Learners who knew a question beforehand 1 time in 5; otherwise they guessed, right 1 in
			// 3. Of the right first answers, (0.8/3) / (0.2 + 0.8/3) ≈ 0.571 were guesses. Only the
			// right ones go on: a second answer 1–10 days later that follows the true memory (FSRS's
			// recall after Good if they knew it, after Again if they guessed).
			const users = 'abcdefghijklmnop'.split('').map((letter) => letter.repeat(32));
			for (const userId of users) {
				db.insert(t.user).values({ id: userId, username: userId.slice(0, 8), usernameKey: userId.slice(0, 8), passwordHash: 'x', role: 'learner', createdAt: start }).run();
				for (const { id } of questions) {
					const knew = random() < 0.2;
					if (!knew && random() >= 1 / 3) continue;
					const review = (at: Date, correct: boolean) =>
						recordReview(db, { userId, questionId: id, questionVersion: 1, mode: 'exam', at, correct, guessed: false, chosenIndex: 0, shownOrder: [0, 1, 2], responseMs: 3000, learner });
					review(start, true);
					const at = new Date(start.getTime() + (1 + Math.floor(random() * 10)) * DAY);
					const predicted = recallOn(loadCard(db, userId, id), at, day)!;
					const again = recallOn({ stability: 0.212, lastReview: start, state: 2 }, at, day)!;
					const recall = knew ? predicted : again;
					review(at, random() < recall || random() < 1 / 3);
				}
			}
			// the learner whose readiness is checked below
			const first = users[0]!;
			db.$client.close();
			const output = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-scheduler.ts', path, '--save'], { encoding: 'utf8' });
			const report = JSON.parse(output.trim().split('\n').at(-1)!) as { luckyGuess: { share: number; answers: number }; luckyGuessSaved: boolean };
			expect(report.luckyGuess.answers).toBeGreaterThan(MIN_SECOND_ANSWERS);
			expect(Math.abs(report.luckyGuess.share - 0.8 / 3 / (0.2 + 0.8 / 3))).toBeLessThan(0.1);
			expect(report.luckyGuessSaved).toBe(true);
			expect(output).toContain('Saved: readiness uses it from now on.');

			const reopened = openDatabase(path);
			expect(luckyGuessShare(reopened)).toBeCloseTo(report.luckyGuess.share, 10);
			// A learner whose right first answers are mostly guesses is less ready than the prior says.
			reopened.delete(t.reviewLog).where(eq(t.reviewLog.userId, first)).run();
			const user = toSessionUser(reopened.select().from(t.user).where(eq(t.user.id, first)).get()!);
			const now = new Date(start.getTime() + 30 * DAY);
			const cards = reopened.select({ id: t.card.questionId }).from(t.card).where(eq(t.card.userId, first)).all();
			reopened.update(t.card).set({ reps: 1, lastRating: 3 }).where(eq(t.card.userId, first)).run();
			expect(cards.length).toBeGreaterThan(100);
			const measured = loadReadiness(reopened, user, now, 'en').expected;
			reopened.delete(t.schedulerCalibration).run();
			expect(luckyGuessShare(reopened)).toBe(LUCKY_GUESS_SHARE);
			const prior = loadReadiness(reopened, user, now, 'en').expected;
			expect(measured).toBeLessThan(prior);
			reopened.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
