import { describe, expect, it } from 'vitest';
import { MIN_RETENTION } from './scheduler';
import {
	capDueDay,
	MIN_LEARNING_RETENTION,
	choosePolicy,
	FINAL_DAYS,
	finalSlotDay,
	INTRODUCE_BEFORE,
	isFinalWeek,
	learningRetentionFor,
	newForToday,
	orderSweep,
	pickSweep,
	recallOnExamDay,
	retentionFor
} from './exam-policy';

const EXAM = 20_000;

describe('the exam-date policy', () => {
	it('applies before the exam day only; after it, plain FSRS', () => {
		expect(choosePolicy(EXAM - 1, EXAM)).toBe('exam');
		expect(choosePolicy(EXAM, EXAM)).toBe('fsrs');
		expect(choosePolicy(EXAM + 3, EXAM)).toBe('fsrs');
		expect(choosePolicy(EXAM - 100, null)).toBe('fsrs');
	});

	it('learns at a lower retention and rises to the target as the date comes near', () => {
		const plan = { examDay: EXAM, targetRecall: 0.9 };
		expect(learningRetentionFor(0.9)).toBe(0.7);
		expect(learningRetentionFor(0.8)).toBe(0.6);
		expect(learningRetentionFor(0.97)).toBe(0.77);
		// the scheduler accepts the lowest learning level
		expect(MIN_RETENTION).toBeLessThanOrEqual(MIN_LEARNING_RETENTION);
		expect(retentionFor(EXAM - 90, plan)).toBe(0.7);
		expect(retentionFor(EXAM - 30, plan)).toBe(0.7);
		expect(retentionFor(EXAM - 1, plan)).toBe(0.9);
		const ramp = Array.from({ length: 30 }, (_, i) => retentionFor(EXAM - 30 + i, plan));
		for (let i = 1; i < ramp.length; i++) expect(ramp[i]!).toBeGreaterThanOrEqual(ramp[i - 1]!);
		expect(retentionFor(EXAM - 15, plan)).toBeGreaterThan(0.75);
		expect(retentionFor(EXAM - 15, plan)).toBeLessThan(0.85);
	});

	it('gives every question a last-review slot in the final 7 days, spread over them', () => {
		const slots = new Map<number, number>();
		for (let i = 0; i < 545; i++) {
			const slot = finalSlotDay(`wo-${String(i).padStart(3, '0')}`, EXAM);
			expect(slot).toBeGreaterThanOrEqual(EXAM - FINAL_DAYS);
			expect(slot).toBeLessThanOrEqual(EXAM - 1);
			slots.set(slot, (slots.get(slot) ?? 0) + 1);
		}
		expect(slots.size).toBe(FINAL_DAYS);
		// none of the 7 days gets fewer than half or more than double its share
		for (const count of slots.values()) {
			expect(count).toBeGreaterThan(545 / FINAL_DAYS / 2);
			expect(count).toBeLessThan((545 / FINAL_DAYS) * 2);
		}
		expect(finalSlotDay('wo-001', EXAM)).toBe(finalSlotDay('wo-001', EXAM));
	});

	it('caps an interval at the slot, so the last review before the exam lands in the final week', () => {
		const slot = EXAM - 4;
		// A 30-day interval from 20 days out would skip the final week: it is cut to the slot.
		expect(capDueDay(EXAM - 20, EXAM + 10, slot, 0.7, 0.9)).toBe(slot);
		// A short interval stays.
		expect(capDueDay(EXAM - 20, EXAM - 15, slot, 0.7, 0.9)).toBe(EXAM - 15);
		// On or after the slot: as proposed (after the exam, plain FSRS takes over).
		expect(capDueDay(slot, EXAM + 10, slot, 0.7, 0.9)).toBe(EXAM + 10);
		expect(capDueDay(EXAM - 2, EXAM - 1, slot, 0.7, 0.9)).toBe(EXAM - 1);
		// Strong enough for the exam day without another review: not brought back.
		expect(capDueDay(EXAM - 20, EXAM + 10, slot, 0.92, 0.9)).toBe(EXAM + 10);
		// Following one question's reviews with its proposed intervals: its last review before the
		// exam is in the final week.
		let day = EXAM - 60;
		let interval = 3;
		const reviews: number[] = [];
		while (day < EXAM) {
			reviews.push(day);
			day = capDueDay(day, day + interval, slot, 0.5, 0.9);
			interval = Math.round(interval * 2.5);
		}
		expect(reviews.at(-1)).toBe(slot);
	});

	it('sweeps, in the final week, the questions below the target for the exam day, weakest first', () => {
		expect(isFinalWeek(EXAM - 7, EXAM)).toBe(true);
		expect(isFinalWeek(EXAM - 8, EXAM)).toBe(false);
		expect(isFinalWeek(EXAM, EXAM)).toBe(false);
		// FSRS: stability S means recall 0.90 after S days.
		expect(recallOnExamDay(5, EXAM - 5, EXAM)).toBeCloseTo(0.9, 9);
		expect(recallOnExamDay(5, EXAM - 10, EXAM)).toBeLessThan(0.9);
		const candidates = [
			{ questionId: 'a', recall: 0.95 },
			{ questionId: 'b', recall: 0.6 },
			{ questionId: 'c', recall: 0.85 },
			{ questionId: 'd', recall: 0.6 },
			{ questionId: 'e', recall: 0.9 }
		];
		expect(orderSweep(candidates, 0.9).map((candidate) => candidate.questionId)).toEqual(['b', 'd', 'c']);
	});

	it('paces new questions so all are introduced two weeks before the exam, within the daily cap', () => {
		// 545 questions, 60 days out: over the 46 days until two weeks before.
		expect(newForToday(545, EXAM - 60, EXAM, 0, 100)).toBe(Math.ceil(545 / (60 - INTRODUCE_BEFORE)));
		// the cap leaves room after what is due
		expect(newForToday(545, EXAM - 60, EXAM, 95, 100)).toBe(5);
		expect(newForToday(545, EXAM - 60, EXAM, 120, 100)).toBe(0);
		// late: all that is left, within the cap
		expect(newForToday(40, EXAM - 10, EXAM, 30, 100)).toBe(40);
		expect(newForToday(400, EXAM - 10, EXAM, 30, 100)).toBe(70);
		expect(newForToday(0, EXAM - 60, EXAM, 0, 100)).toBe(0);
		// walking the days at the pace introduces the whole bank by then
		let left = 545;
		for (let day = EXAM - 60; day < EXAM - INTRODUCE_BEFORE; day++) left -= newForToday(left, day, EXAM, 20, 100);
		expect(left).toBe(0);
	});
});

describe('the final sweep of the learner\'s cards', () => {
	it('takes the weakest card past its slot, not answered today, and only in the final week', () => {
		const plan = { examDay: EXAM, targetRecall: 0.9 };
		const today = EXAM - 1; // every slot has come
		const cards = [
			{ questionId: 'strong', stability: 60, lastReviewDay: EXAM - 5 },
			{ questionId: 'weak', stability: 3, lastReviewDay: EXAM - 9 },
			{ questionId: 'weakest-but-today', stability: 1, lastReviewDay: today },
			{ questionId: 'weaker', stability: 2, lastReviewDay: EXAM - 9 }
		];
		expect(pickSweep(cards, today, plan)).toBe('weaker');
		expect(pickSweep(cards.slice(0, 1), today, plan)).toBeNull();
		expect(pickSweep(cards, EXAM - 8, plan)).toBeNull();
		expect(pickSweep(cards, EXAM, plan)).toBeNull();
	});
});
