import { describe, expect, it } from 'vitest';
import { bandOf, describeShare, findNeedsAttention, median, pickMostMissed, wholePercent } from './insight';

describe('wholePercent', () => {
	it('shows 0 and 100 only for nothing and everything', () => {
		expect(wholePercent(0, 545)).toBe(0);
		expect(wholePercent(1, 545)).toBe(1);
		expect(wholePercent(544, 545)).toBe(99);
		expect(wholePercent(545, 545)).toBe(100);
		expect(wholePercent(1, 3)).toBe(33);
		expect(wholePercent(3, 0)).toBe(0);
	});
});

describe('describeShare', () => {
	it('is a count, not a percentage, below 5 answers', () => {
		expect(describeShare(1, 4)).toEqual({ kind: 'few', count: 4 });
		expect(describeShare(0, 0)).toEqual({ kind: 'few', count: 0 });
	});
	it('is a whole percentage from 5 answers on', () => {
		expect(describeShare(1, 5)).toEqual({ kind: 'share', percent: 20 });
		expect(describeShare(2, 3 * 5 + 1)).toEqual({ kind: 'share', percent: 13 });
	});
});

describe('pickMostMissed', () => {
	const q = (questionId: string, learners: number, firstRight: number) => ({ questionId, learners, firstRight });

	it('takes the lowest first-try rates among questions with at least 5 learners', () => {
		const picked = pickMostMissed([q('a', 10, 9), q('b', 4, 0), q('c', 5, 1), q('d', 8, 4), q('e', 20, 2)], 3);
		// b is never picked: 4 learners; e (10%) before c (20%) before d (50%)
		expect(picked.map((item) => item.questionId)).toEqual(['e', 'c', 'd']);
	});

	it('breaks ties by more learners, then by id', () => {
		const picked = pickMostMissed([q('z', 10, 5), q('y', 20, 10), q('x', 10, 5)]);
		expect(picked.map((item) => item.questionId)).toEqual(['y', 'x', 'z']);
	});

	it('lists at most 10', () => {
		const many = Array.from({ length: 30 }, (_, i) => q(`q${String(i).padStart(2, '0')}`, 6, i % 6));
		expect(pickMostMissed(many)).toHaveLength(10);
	});
});

describe('bandOf', () => {
	it('puts each share in one band', () => {
		expect([0, 0.01, 0.39, 0.4, 0.69, 0.7, 1].map(bandOf)).toEqual(['none', 'low', 'low', 'middle', 'middle', 'high', 'high']);
	});
});

describe('median', () => {
	it('is the middle value, or the mean of the middle two', () => {
		expect(median([])).toBeNull();
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});

describe('findNeedsAttention', () => {
	const today = 20_000;
	const learner = (userId: string, lastAnswerDay: number | null, knownShare: number, examDay: number | null = null) => ({
		userId,
		lastAnswerDay,
		today,
		examDay,
		knownShare
	});

	it('lists learners without an answer for 7 days or more, and those who never answered', () => {
		const found = findNeedsAttention([learner('a', today - 6, 0.5), learner('b', today - 7, 0.5), learner('c', null, 0)]);
		expect(found).toEqual([
			{ userId: 'b', reasons: [{ kind: 'inactive', days: 7 }] },
			{ userId: 'c', reasons: [{ kind: 'inactive', days: null }] }
		]);
	});

	it('lists an exam within 30 days only when the learner knows less than the class median', () => {
		const found = findNeedsAttention([
			learner('soon-weak', today, 0.2, today + 30),
			learner('soon-strong', today, 0.8, today + 10),
			learner('later-weak', today, 0.1, today + 31),
			learner('past-weak', today, 0.1, today - 1),
			learner('middle', today, 0.5)
		]);
		// median of 0.2, 0.8, 0.1, 0.1, 0.5 is 0.2: soon-weak is not below it
		expect(found).toEqual([]);
		const again = findNeedsAttention([learner('soon-weak', today, 0.2, today + 30), learner('soon-strong', today, 0.8, today + 10), learner('x', today, 0.6)]);
		expect(again).toEqual([{ userId: 'soon-weak', reasons: [{ kind: 'exam_soon', daysToExam: 30 }] }]);
	});

	it('gives both reasons when both hold', () => {
		const found = findNeedsAttention([learner('a', today - 9, 0, today + 3), learner('b', today, 0.9)]);
		expect(found).toEqual([{ userId: 'a', reasons: [{ kind: 'inactive', days: 9 }, { kind: 'exam_soon', daysToExam: 3 }] }]);
	});
});
