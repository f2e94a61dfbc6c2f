import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../domain/random';
import { importContent } from './content/import';
import { loadContent } from './content/load';
import { openDatabase } from './db';
import * as t from './db/schema';
import { loadCard, recordReview } from './practice';
import { recallOn } from '../domain/srs/scheduler';

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
});
