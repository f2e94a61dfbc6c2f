import { describe, expect, it } from 'vitest';
import { evaluatePolicy, pickCheapest, simulateLearner } from './simulate-exam';

describe('the exam simulation', () => {
	it('gives the same result for the same seed: a small case pinned', () => {
		const base = { questions: 60, days: 30, seed: 7 };
		const exam = simulateLearner({ ...base, policy: 'exam', knob: 0.9 });
		expect(exam.answers).toBe(222);
		expect(exam.score).toBeCloseTo(0.8978427, 6);
		expect(exam.busiestDay).toBe(19);
		const plain = simulateLearner({ ...base, policy: 'fsrs', knob: 0.9 });
		expect(plain.answers).toBe(292);
		expect(plain.score).toBeCloseTo(0.9312764, 6);
		expect(simulateLearner({ ...base, policy: 'exam', knob: 0.9 })).toEqual(exam);
		expect(simulateLearner({ ...base, policy: 'exam', knob: 0.9, seed: 8 }).answers).not.toBe(exam.answers);
	});

	it('keeps the exam policy under its daily cap, and introduces the whole bank', () => {
		const capped = simulateLearner({ questions: 60, days: 30, seed: 7, policy: 'exam', knob: 0.9, dailyCap: 10 });
		expect(Math.max(...capped.perDay)).toBeLessThanOrEqual(10);
		expect(capped.perDay).toHaveLength(30);
		expect(capped.perDay.reduce((sum, n) => sum + n, 0)).toBe(capped.answers);
		// every question answered at least once: at least one answer each
		expect(capped.answers).toBeGreaterThanOrEqual(60);
	});

	it('scores a question never seen as a guess, and practice exams count 40 answers each', () => {
		// One practice exam every 10 days over 10 days of a 1,000-question bank: most questions are
		// never seen, so the score is near a third.
		const few = simulateLearner({ questions: 1000, days: 10, seed: 3, policy: 'mock', knob: 0.1 });
		expect(few.answers).toBe(40);
		expect(few.score).toBeGreaterThan(1 / 3);
		expect(few.score).toBeLessThan(1 / 3 + 0.03);
	});

	it('picks the cheapest setting that reaches the target score, or none', () => {
		const results = [
			{ knob: 0.8, answers: 100, score: 0.88, busiestDay: 9 },
			{ knob: 0.85, answers: 150, score: 0.91, busiestDay: 12 },
			{ knob: 0.9, answers: 140, score: 0.9, busiestDay: 11 },
			{ knob: 0.95, answers: 300, score: 0.96, busiestDay: 20 }
		];
		expect(pickCheapest(results, 0.9)?.knob).toBe(0.9);
		expect(pickCheapest(results, 0.95)?.knob).toBe(0.95);
		expect(pickCheapest(results, 0.99)).toBeNull();
		const evaluated = evaluatePolicy('fsrs', [0.8, 0.95], { questions: 30, days: 20 }, [1, 2]);
		expect(evaluated.map((result) => result.knob)).toEqual([0.8, 0.95]);
		// a higher retention costs more answers and reaches a higher score
		expect(evaluated[1]!.answers).toBeGreaterThan(evaluated[0]!.answers);
		expect(evaluated[1]!.score).toBeGreaterThan(evaluated[0]!.score);
	});
});
