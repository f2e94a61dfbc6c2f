import { describe, expect, it } from 'vitest';
import { allocateSeats, drawExam, EXAM_QUESTIONS } from './draw';
import type { BankEntry } from './draw';
import { attemptPhase, DEADLINE_GRACE_MS, examDeadline, findWeakestTheme, scoreExam, secondsLeft } from './scoring';

const THEMES = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'];
/** A bank shaped like ours: 60–80 questions per theme. */
const SIZES = [63, 60, 65, 66, 76, 80, 68, 67];
const BANK: BankEntry[] = THEMES.flatMap((theme, t) =>
	Array.from({ length: SIZES[t]! }, (_, i) => ({ id: `${theme}-${String(i).padStart(3, '0')}`, theme }))
);

describe('allocateSeats', () => {
	it('gives 40 seats in proportion to the bank, at least 4 per theme', () => {
		const seats = allocateSeats(THEMES.map((theme, t) => ({ theme, size: SIZES[t]! })));
		expect([...seats.values()].reduce((a, b) => a + b, 0)).toBe(40);
		for (const count of seats.values()) expect(count).toBeGreaterThanOrEqual(4);
		expect(seats.get('t6')).toBeGreaterThanOrEqual(seats.get('t2')!);
	});

	it('keeps the minimum even for a tiny theme and gives the rest by share', () => {
		const seats = allocateSeats([
			{ theme: 'big', size: 900 },
			{ theme: 'small', size: 10 }
		]);
		expect(seats.get('small')).toBe(4);
		expect(seats.get('big')).toBe(36);
	});

	it('never gives a theme more than it has', () => {
		const seats = allocateSeats([
			{ theme: 'a', size: 3 },
			{ theme: 'b', size: 100 }
		]);
		expect(seats.get('a')).toBe(3);
		expect(seats.get('b')).toBe(37);
	});
});

describe('drawExam', () => {
	it('draws 40 distinct questions in theme blocks in theme order', () => {
		const blocks = drawExam(BANK, THEMES, new Set(), 42);
		const ids = blocks.flatMap((block) => block.questionIds);
		expect(ids).toHaveLength(EXAM_QUESTIONS);
		expect(new Set(ids).size).toBe(40);
		expect(blocks.map((block) => block.theme)).toEqual(THEMES);
		for (const block of blocks) {
			expect(block.questionIds.length).toBeGreaterThanOrEqual(4);
			for (const id of block.questionIds) expect(id.startsWith(`${block.theme}-`)).toBe(true);
		}
	});

	it('is reproducible from the seed, and another seed gives another exam', () => {
		expect(drawExam(BANK, THEMES, new Set(), 7)).toEqual(drawExam(BANK, THEMES, new Set(), 7));
		expect(drawExam(BANK, THEMES, new Set(), 7)).not.toEqual(drawExam(BANK, THEMES, new Set(), 8));
	});

	it('avoids questions of recent exams while the theme has others', () => {
		const first = drawExam(BANK, THEMES, new Set(), 1).flatMap((b) => b.questionIds);
		const second = drawExam(BANK, THEMES, new Set(first), 2).flatMap((b) => b.questionIds);
		expect(second.filter((id) => first.includes(id))).toEqual([]);
	});

	it('falls back to recent questions when a theme runs short', () => {
		const small: BankEntry[] = Array.from({ length: 5 }, (_, i) => ({ id: `s-${i}`, theme: 's' }));
		const blocks = drawExam(small, ['s'], new Set(['s-0', 's-1', 's-2', 's-3']), 3);
		expect(blocks[0]?.questionIds).toHaveLength(5);
		expect(blocks[0]?.questionIds[0]).toBe('s-4');
	});
});

describe('scoring and the deadline', () => {
	it('counts one point per correct answer, overall and per theme', () => {
		const score = scoreExam([
			{ theme: 'a', correct: true },
			{ theme: 'a', correct: false },
			{ theme: 'b', correct: null },
			{ theme: 'b', correct: true }
		]);
		expect(score).toEqual({
			score: 2,
			total: 4,
			answered: 3,
			perTheme: [
				{ theme: 'a', score: 1, total: 2 },
				{ theme: 'b', score: 1, total: 2 }
			]
		});
	});

	it('closes 45 minutes after the start', () => {
		const start = new Date('2026-11-10T10:00:00Z');
		const deadline = examDeadline(start, 45);
		expect(deadline).toEqual(new Date('2026-11-10T10:45:00Z'));
		expect(secondsLeft(deadline, new Date('2026-11-10T10:44:00.500Z'))).toBe(60);
		expect(secondsLeft(deadline, new Date('2026-11-10T11:00:00Z'))).toBe(0);
	});

	it('names the weakest theme by share of right answers, the lower number on a tie, none when all are right', () => {
		const theme = (number: number, score: number, total: number) => ({ number, score, total });
		expect(findWeakestTheme([theme(1, 4, 5), theme(2, 2, 6), theme(3, 1, 3)])).toEqual(theme(2, 2, 6));
		expect(findWeakestTheme([theme(4, 1, 2), theme(2, 2, 4)])).toEqual(theme(2, 2, 4));
		expect(findWeakestTheme([theme(1, 5, 5), theme(2, 4, 4)])).toBeNull();
	});

	it('accepts requests in flight for a few seconds after the deadline, then the attempt is over', () => {
		const deadlineAt = new Date('2026-11-10T10:45:00Z');
		const at = (ms: number) => attemptPhase({ deadlineAt, closedAt: null }, new Date(deadlineAt.getTime() + ms));
		expect(at(-1)).toBe('running');
		// a save arriving exactly at the deadline is not refused
		expect(at(0)).toBe('grace');
		expect(at(DEADLINE_GRACE_MS)).toBe('grace');
		expect(at(DEADLINE_GRACE_MS + 1)).toBe('over');
		expect(attemptPhase({ deadlineAt, closedAt: deadlineAt }, new Date(deadlineAt.getTime() - 60_000))).toBe('closed');
	});
});
