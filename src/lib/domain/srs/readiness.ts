import { default_w, forgetting_curve } from 'ts-fsrs';
import { allocateSeats, EXAM_QUESTIONS } from '../exam/draw';

/*
 * Readiness: the expected score on the exam day, per theme and for a 40-question exam drawn like
 * the practice exam (seats per theme as in exam/draw.ts). Pure.
 *
 * For each question: the chance of a right answer on the exam day is the predicted recall R (the
 * FSRS-6 forgetting curve from the card's stability over the learner days from its last review to
 * the exam day) plus a third of the rest (a guess among 3 options). A question never answered
 * counts as a guess (1/3).
 *
 * Lucky guesses (srs.md §6): a first answer that was right may have been a guess, but FSRS then
 * believes the question is known (stability ≈ 2.3 days against a true ≈ 0.2). For a question
 * answered once, right, the recall is mixed with the recall after a wrong first answer, weighted
 * by the chance that the right answer was a guess: with an even prior of knowing it beforehand,
 * P(guess | right) = (1/2 · 1/3) / (1/2 + 1/2 · 1/3) = 1/4. That prior is replaced by what
 * `npm run eval:scheduler -- --save` measures from learners' second answers (calibration.ts),
 * once there are enough of them.
 *
 * The range: the exam's score is a sum of right-or-wrong answers; for each theme's seats the
 * variance of one drawn question is m(1 − m), m the theme's mean chance. The range is the expected
 * score ± 1.645 standard deviations (about 90% of exams), rounded to whole questions and kept
 * within 0–40. It is a prediction for practice, not a pass mark: DUO publishes none.
 */

export const GUESS = 1 / 3;
export const LUCKY_GUESS_SHARE = 1 / 4;
const Z90 = 1.645;

export interface ReadinessQuestion {
	theme: string;
	/** the question's eindterm or indicator (3.1 or 3.1.2); readiness groups by eindterm (3.1) */
	eindterm: string;
	/** null when never answered */
	card: { stability: number; lastReviewDay: number; reps: number; lastRating: number | null } | null;
}

export interface EindtermReadiness {
	/** the eindterm's code (3.1) */
	code: string;
	/** expected share right, 0–1 */
	expected: number;
	questions: number;
}

export interface ThemeReadiness {
	theme: string;
	/** expected share right on this theme's questions, 0–1 */
	expected: number;
	questions: number;
	answered: number;
	/** the theme's seats on a 40-question exam */
	seats: number;
	/** the eindtermen with the lowest expected share, weakest first (at most 3) */
	weakest: EindtermReadiness[];
}

export interface Readiness {
	/** expected right answers out of `total` */
	expected: number;
	low: number;
	high: number;
	total: number;
	themes: ThemeReadiness[];
}

/** Recall after a wrong first answer: FSRS-6's initial stability for Again. */
const AGAIN_STABILITY = default_w[0]!;

/** The recall `days` after a wrong first answer (the memory of a lucky guess). */
export function recallIfGuessed(days: number): number {
	return forgetting_curve(default_w, days, AGAIN_STABILITY);
}

/**
 * The chance of a right answer on the exam day for one question. `luckyShare`: the share of right
 * first answers that were guesses (LUCKY_GUESS_SHARE, or what calibration found).
 */
export function chanceRight(card: ReadinessQuestion['card'], examDay: number, luckyShare = LUCKY_GUESS_SHARE): number {
	if (card === null) return GUESS;
	const days = Math.max(0, examDay - card.lastReviewDay);
	let recall = forgetting_curve(default_w, days, card.stability);
	if (card.reps === 1 && card.lastRating === 3) {
		recall = (1 - luckyShare) * recall + luckyShare * recallIfGuessed(days);
	}
	return recall + (1 - recall) * GUESS;
}

export function estimateReadiness(questions: readonly ReadinessQuestion[], examDay: number, luckyShare = LUCKY_GUESS_SHARE): Readiness {
	const byTheme = new Map<string, { chances: number[]; answered: number; eindtermen: Map<string, number[]> }>();
	for (const question of questions) {
		let theme = byTheme.get(question.theme);
		if (!theme) byTheme.set(question.theme, (theme = { chances: [], answered: 0, eindtermen: new Map() }));
		const chance = chanceRight(question.card, examDay, luckyShare);
		theme.chances.push(chance);
		if (question.card) theme.answered += 1;
		const eindterm = question.eindterm.split('.').slice(0, 2).join('.');
		const list = theme.eindtermen.get(eindterm);
		if (list) list.push(chance);
		else theme.eindtermen.set(eindterm, [chance]);
	}
	const seats = allocateSeats([...byTheme].map(([theme, entry]) => ({ theme, size: entry.chances.length })));
	const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
	let expected = 0;
	let variance = 0;
	let total = 0;
	const themes: ThemeReadiness[] = [];
	for (const [theme, entry] of byTheme) {
		const share = mean(entry.chances);
		const themeSeats = seats.get(theme) ?? 0;
		expected += themeSeats * share;
		variance += themeSeats * share * (1 - share);
		total += themeSeats;
		themes.push({
			theme,
			expected: share,
			questions: entry.chances.length,
			answered: entry.answered,
			seats: themeSeats,
			weakest: [...entry.eindtermen]
				.map(([code, chances]) => ({ code, expected: mean(chances), questions: chances.length }))
				.sort((a, b) => a.expected - b.expected || a.code.localeCompare(b.code))
				.slice(0, 3)
		});
	}
	const spread = Z90 * Math.sqrt(variance);
	return {
		expected,
		low: Math.max(0, Math.floor(expected - spread)),
		high: Math.min(total, Math.ceil(expected + spread)),
		total: total || EXAM_QUESTIONS,
		themes
	};
}
