import { Rating } from 'ts-fsrs';
import { allocateSeats } from '../exam/draw';
import { capDueDay, finalSlotDay, isFinalWeek, newForToday, orderSweep, recallOnExamDay, retentionFor } from './exam-policy';
import type { ExamPlan } from './exam-policy';
import { chanceRight, LUCKY_GUESS_SHARE } from './readiness';
import { wholeDayEngine } from './scheduler';
import type { ReadinessQuestion } from './readiness';

/*
 * The plan ahead (issue: exam-date scheduling, "the plan"): from the learner's cards today to the
 * exam day, what keeping to the exam-date policy of exam-policy.ts would ask each day, and the
 * expected score on a 40-question exam if the exam were on that day (readiness.ts's chance per
 * question and seats per theme; on at most MAX_POINTS days). Pure and deterministic.
 *
 * The learner is assumed to do every planned answer and to answer it right (FSRS "Good"); a wrong
 * answer now and then brings a question back sooner, so the real load is a little higher and the
 * line a little lower. Days are whole learner days: the learning steps within a day (a question
 * asked again after minutes) are not counted. The same work as `npm run sim:exam`'s exam policy,
 * on the learner's own cards instead of a simulated learner.
 */

export interface ForecastQuestion {
	questionId: string;
	theme: string;
	/** null when never answered */
	card: { stability: number; difficulty: number; lastReviewDay: number; dueDay: number; reps: number; lastRating: number | null } | null;
}

export interface ForecastDay {
	day: number;
	/** planned answers on this day (today: those still to give) */
	answers: number;
	/** expected right answers out of `total` if the exam were on this day (on at most MAX_POINTS days) */
	expected: number | null;
}

/** The expected score is worked out on at most this many days (evenly spread, the exam day last). */
export const MAX_POINTS = 60;

export interface PlanForecast {
	days: ForecastDay[];
	total: number;
	/** expected right answers on the exam day if the learner keeps to the plan */
	onExamDay: number;
	busiestDay: number;
}

interface State {
	questionId: string;
	theme: number;
	card: { stability: number; difficulty: number; lastReviewDay: number; reps: number; lastRating: number | null } | null;
	dueDay: number;
}

/**
 * The forecast from `today` (answers already given today: `answeredToday`) to the exam day, under
 * the daily cap. One point a day.
 */
export function forecastPlan(
	questions: readonly ForecastQuestion[],
	today: number,
	plan: ExamPlan,
	dailyCap: number,
	answeredToday: number,
	luckyShare = LUCKY_GUESS_SHARE
): PlanForecast {
	const themeIndex = new Map<string, number>();
	const states: State[] = questions.map((question) => {
		let theme = themeIndex.get(question.theme);
		if (theme === undefined) themeIndex.set(question.theme, (theme = themeIndex.size));
		return { questionId: question.questionId, theme, card: question.card, dueDay: question.card?.dueDay ?? Number.POSITIVE_INFINITY };
	});
	const themeSizes = [...themeIndex.keys()].map((theme) => ({ theme, size: 0 }));
	for (const state of states) themeSizes[state.theme]!.size += 1;
	const seats = allocateSeats(themeSizes);
	const seatsPerQuestion = themeSizes.map((entry) => (entry.size === 0 ? 0 : (seats.get(entry.theme) ?? 0) / entry.size));
	const total = [...seats.values()].reduce((sum, n) => sum + n, 0);
	const expectedOn = (day: number): number => {
		let sum = 0;
		for (const state of states) sum += seatsPerQuestion[state.theme]! * chanceRight(state.card as ReadinessQuestion['card'], day, luckyShare);
		return sum;
	};

	const review = (state: State, day: number, retention: number): void => {
		const engine = wholeDayEngine(retention);
		const card = state.card;
		let stability: number;
		let difficulty: number;
		if (card === null) {
			stability = engine.init_stability(Rating.Good);
			difficulty = engine.init_difficulty(Rating.Good);
		} else {
			const next = engine.next_state({ stability: card.stability, difficulty: card.difficulty }, Math.max(0, day - card.lastReviewDay), Rating.Good);
			stability = next.stability;
			difficulty = next.difficulty;
		}
		const proposed = day + Math.max(1, engine.next_interval(stability, card === null ? 0 : day - card.lastReviewDay));
		state.card = { stability, difficulty, lastReviewDay: day, reps: (card?.reps ?? 0) + 1, lastRating: Rating.Good };
		state.dueDay = capDueDay(day, proposed, finalSlotDay(state.questionId, plan.examDay), recallOnExamDay(stability, day, plan.examDay), plan.targetRecall);
	};

	const days: ForecastDay[] = [];
	let busiestDay = 0;
	const step = Math.max(1, Math.ceil((plan.examDay - today) / MAX_POINTS));
	for (let day = today; day < plan.examDay; day++) {
		const point = { day, answers: 0, expected: (day - today) % step === 0 ? expectedOn(day) : null };
		const capacity = Math.max(0, dailyCap - (day === today ? answeredToday : 0));
		const retention = retentionFor(day, plan);
		const seen = states.filter((state) => state.card !== null);
		let work: State[];
		if (isFinalWeek(day, plan.examDay)) {
			work = orderSweep(
				seen
					.filter((state) => state.dueDay <= day || (finalSlotDay(state.questionId, plan.examDay) <= day && state.card!.lastReviewDay < day))
					.map((state) => ({ questionId: state.questionId, state, recall: recallOnExamDay(state.card!.stability, state.card!.lastReviewDay, plan.examDay) })),
				plan.targetRecall
			).map((entry) => entry.state);
			const swept = new Set(work);
			for (const state of seen) if (state.dueDay <= day && !swept.has(state)) work.push(state);
		} else {
			work = seen.filter((state) => state.dueDay <= day).sort((a, b) => a.dueDay - b.dueDay);
		}
		for (const state of work.slice(0, capacity)) {
			review(state, day, retention);
			point.answers += 1;
		}
		const unseen = states.filter((state) => state.card === null);
		const fresh = newForToday(unseen.length, day, plan.examDay, point.answers + (day === today ? answeredToday : 0), dailyCap);
		for (const state of unseen.slice(0, fresh)) {
			review(state, day, retention);
			point.answers += 1;
		}
		busiestDay = Math.max(busiestDay, point.answers + (day === today ? answeredToday : 0));
		days.push(point);
	}
	const onExamDay = expectedOn(plan.examDay);
	days.push({ day: plan.examDay, answers: 0, expected: onExamDay });
	return { days, total, onExamDay, busiestDay };
}
