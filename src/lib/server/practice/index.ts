/*
 * Practice with spaced repetition, one module per concern:
 * scopes (what a session draws from), showings (signed tokens and option orders), queue (what to
 * ask next; reads only), answers (grading), feedback (an answer's feedback, read from its log row), reviews (cards and the review log; the only writer),
 * progress (counts per theme and per learner day).
 */
export { choiceField, measureResponse, RESPONSE_CAP_MS, responseMsField, submitAnswer } from './answers';
export type { AnswerProblem, AnswerResult } from './answers';
export { loadFeedback, parseAnswerId } from './feedback';
export { countNewToday, loadRound, practiceStreak, progressOverview, themeProgress } from './progress';
export { loadExamOutlook, loadPlanForecast, loadReadiness, loadTodayPlan, pendingExamOutcome, saveExamOutcome } from './readiness';
export type { PlanForecastView, ReadinessView, TodayPlan } from './readiness';
export type { ProgressOverview, ThemeProgress } from './progress';
export { findDueCandidates, listMistakes, nextQuestion } from './queue';
export type { Mistake } from './queue';
export { dayModelOf, loadCard, markGuessed, recordReview, saveCard } from './reviews';
export type { MarkGuessedProblem, ReviewInput } from './reviews';
export { listSets, parseScope, scopeExists, scopeKey } from './scopes';
export type { PracticeSet, Scope } from './scopes';
