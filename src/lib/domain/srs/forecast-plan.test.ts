import { describe, expect, it } from 'vitest';
import { forecastPlan, MAX_POINTS } from './forecast-plan';
import type { ForecastQuestion } from './forecast-plan';

const THEMES = ['werk', 'wonen', 'zorg', 'school', 'geschiedenis', 'omgang', 'instanties', 'staat'];

function bank(size: number, seen: (index: number) => ForecastQuestion['card']): ForecastQuestion[] {
	return Array.from({ length: size }, (_, index) => ({ questionId: `q-${index}`, theme: THEMES[index % THEMES.length]!, card: seen(index) }));
}

const TODAY = 20_000;
const plan = (days: number) => ({ examDay: TODAY + days, targetRecall: 0.9 });

describe('the plan ahead', () => {
	it('a new learner 20 days before the exam: the whole bank within the cap, the line rising to the exam day', () => {
		const forecast = forecastPlan(bank(545, () => null), TODAY, plan(20), 100, 0);
		expect(forecast.days).toHaveLength(21);
		expect(forecast.days.at(-1)).toMatchObject({ day: TODAY + 20, answers: 0 });
		expect(forecast.total).toBe(40);
		// nothing known yet: a guess on every question, a third of 40
		expect(forecast.days[0]!.expected).toBeCloseTo(40 / 3, 6);
		expect(forecast.days.every((day) => day.answers <= 100)).toBe(true);
		expect(forecast.busiestDay).toBe(100);
		// every question answered at least once, most of them more
		expect(forecast.days.reduce((sum, day) => sum + day.answers, 0)).toBeGreaterThan(545);
		expect(forecast.onExamDay).toBeGreaterThan(30);
		expect(forecast.onExamDay).toBeLessThanOrEqual(40);
		// pinned: a change to the policy or the forecast shows here
		expect(forecast.onExamDay).toBeCloseTo(38.93, 2);
	});

	it("answers already given today count against today's cap", () => {
		const fresh = forecastPlan(bank(200, () => null), TODAY, plan(30), 50, 0);
		const busy = forecastPlan(bank(200, () => null), TODAY, plan(30), 50, 45);
		expect(fresh.days[0]!.answers).toBeGreaterThan(5);
		expect(busy.days[0]!.answers).toBe(5);
	});

	it('a learner whose questions would hold until the exam day: nothing to do', () => {
		const lasting = bank(80, () => ({ stability: 200, difficulty: 5, lastReviewDay: TODAY - 1, dueDay: TODAY + 100, reps: 5, lastRating: 3 }));
		expect(forecastPlan(lasting, TODAY, plan(40), 100, 0).days.every((day) => day.answers === 0)).toBe(true);
	});

	it('a learner who knows everything well: little to do until the final week, when the questions come back', () => {
		// reviewed yesterday with a stability of 30 days (recall on the exam day about 0.86), due in
		// two months
		const strong = bank(80, () => ({ stability: 30, difficulty: 5, lastReviewDay: TODAY - 1, dueDay: TODAY + 60, reps: 4, lastRating: 3 }));
		const forecast = forecastPlan(strong, TODAY, plan(40), 100, 0);
		const before = forecast.days.filter((day) => day.day < TODAY + 33);
		const finalWeek = forecast.days.filter((day) => day.day >= TODAY + 33 && day.day < TODAY + 40);
		expect(before.reduce((sum, day) => sum + day.answers, 0)).toBe(0);
		// each question's slot is in the final week; below the target, each comes back there once
		expect(finalWeek.reduce((sum, day) => sum + day.answers, 0)).toBe(80);
		expect(finalWeek.filter((day) => day.answers > 0).length).toBeGreaterThanOrEqual(5);
		expect(forecast.onExamDay).toBeGreaterThan(forecast.days[33]!.expected!);
	});

	it('works the expected score out on at most MAX_POINTS days for a far exam', () => {
		const forecast = forecastPlan(bank(100, () => null), TODAY, plan(700), 100, 0);
		const points = forecast.days.filter((day) => day.expected !== null);
		expect(points.length).toBeLessThanOrEqual(MAX_POINTS + 1);
		expect(points[0]!.day).toBe(TODAY);
		expect(points.at(-1)!.day).toBe(TODAY + 700);
	});

	it('is deterministic', () => {
		const input = bank(60, (index) => (index % 2 ? { stability: 3 + index, difficulty: 6, lastReviewDay: TODAY - 2, dueDay: TODAY + (index % 5), reps: 2, lastRating: 3 } : null));
		expect(forecastPlan(input, TODAY, plan(45), 40, 3)).toEqual(forecastPlan(input, TODAY, plan(45), 40, 3));
	});
});
