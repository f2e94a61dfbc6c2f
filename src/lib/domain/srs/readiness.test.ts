import { describe, expect, it } from 'vitest';
import { chanceRight, estimateReadiness } from './readiness';
import type { ReadinessQuestion } from './readiness';

const EXAM = 20_500;
/** A bank like the real one in shape: 8 themes of 20 questions, two eindtermen each with indicators. */
function bank(card: (theme: number, index: number) => ReadinessQuestion['card']): ReadinessQuestion[] {
	return Array.from({ length: 8 * 20 }, (_, i) => {
		const theme = Math.floor(i / 20);
		const index = i % 20;
		return { theme: `t${theme}`, eindterm: `${theme + 1}.${index < 10 ? 1 : 2}.${(index % 3) + 1}`, card: card(theme, index) };
	});
}

describe('readiness', () => {
	it('counts a question never answered as a guess: a third right', () => {
		expect(chanceRight(null, EXAM)).toBeCloseTo(1 / 3, 12);
		const readiness = estimateReadiness(bank(() => null), EXAM);
		expect(readiness.total).toBe(40);
		// 40 questions at 1/3: 13.33 expected; sd = sqrt(40 · 2/9) = 2.98, ± 1.645 sd = 8.43 … 18.24.
		expect(readiness.expected).toBeCloseTo(13.3333, 4);
		expect([readiness.low, readiness.high]).toEqual([8, 19]);
		expect(readiness.themes.every((theme) => theme.answered === 0 && theme.seats === 5)).toBe(true);
	});

	it('uses the recall on the exam day: stability S answered S days before is 0.90, plus a third of the rest', () => {
		// 0.9 + 0.1/3
		expect(chanceRight({ stability: 10, lastReviewDay: EXAM - 10, reps: 3, lastRating: 3 }, EXAM)).toBeCloseTo(0.933333, 6);
		// answered on the exam day itself (or later): full recall
		expect(chanceRight({ stability: 10, lastReviewDay: EXAM, reps: 3, lastRating: 3 }, EXAM)).toBeCloseTo(1, 9);
	});

	it('discounts a first answer that was right, since it may have been a lucky guess', () => {
		// 3/4 · 0.9 + 1/4 · R(10 days, S 0.212) = 0.675 + 0.25 · 0.55185 = 0.81296; plus a third of the rest.
		expect(chanceRight({ stability: 10, lastReviewDay: EXAM - 10, reps: 1, lastRating: 3 }, EXAM)).toBeCloseTo(0.875308, 5);
		// a wrong answer, or more than one answer, is not discounted
		expect(chanceRight({ stability: 10, lastReviewDay: EXAM - 10, reps: 2, lastRating: 3 }, EXAM)).toBeCloseTo(0.933333, 6);
	});

	it('gives per-theme shares, the weakest eindtermen first, and a range for a 40-question exam', () => {
		// Theme 0 learnt well (0.9333 each), eindterm 1.2 of it not at all; the rest unseen.
		const readiness = estimateReadiness(
			bank((theme, index) => (theme === 0 && index < 10 ? { stability: 30, lastReviewDay: EXAM - 30, reps: 4, lastRating: 3 } : null)),
			EXAM
		);
		const first = readiness.themes.find((theme) => theme.theme === 't0')!;
		expect(first.answered).toBe(10);
		expect(first.expected).toBeCloseTo((10 * 0.933333 + 10 / 3) / 20, 5);
		expect(first.weakest.map((entry) => entry.code)).toEqual(['1.2', '1.1']);
		// 5 seats at 0.6333 and 35 at 1/3: 3.1667 + 11.6667 = 14.83
		expect(readiness.expected).toBeCloseTo(14.8333, 3);
		expect(readiness.low).toBeLessThan(readiness.expected);
		expect(readiness.high).toBeGreaterThan(readiness.expected);
		expect(readiness.high).toBeLessThanOrEqual(40);
	});
});
