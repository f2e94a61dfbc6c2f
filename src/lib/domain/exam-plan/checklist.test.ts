import { describe, expect, it } from 'vitest';
import { validateContent } from '../content';
import { buildContentFiles } from '../content/test-fixtures';
import type { ExamPlanContent } from '../content/types';
import { buildChecklist } from './checklist';
import type { PlannedExam, PlanSituation } from './checklist';

/*
 * The fixture's facts: book 6 weeks ahead (42 days), DUO's letter 1 week before (7), DUO's result
 * within 8 weeks (56), the Staatsexamen's result after 5 weeks (35). Exams: KNM (DUO under both
 * laws), reading (DUO under 2013, Staatsexamen under 2021), ONA (2013 only). Days are learner days.
 */
function fixtureContent(): ExamPlanContent {
	const result = validateContent(buildContentFiles());
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result.bundle.examPlan;
}

const content = fixtureContent();
const TODAY = 20_000;

function plan(situation: Partial<PlanSituation>, exams: PlannedExam[] = []) {
	return buildChecklist(content, { law: null, route: null, deadlineDay: null, ...situation }, exams, TODAY);
}

describe('the exam plan checklist', () => {
	it('without a deadline or a law: asks for the deadline first, then what to book (2021 law exams, undated)', () => {
		const { steps, open } = plan({});
		expect(steps).toEqual([
			{ kind: 'deadline_unknown', factIds: ['deadline'] },
			{ kind: 'book', examId: 'knm', byDay: null, late: false, factIds: ['book-ahead', 'result-wait'] },
			{ kind: 'register_staatsexamen', examIds: ['reading'], factIds: ['staatsexamen-booking'] }
		]);
		expect(open).toBe(3);
	});

	it('dates the booking so a retake still fits: deadline − result wait − two times book ahead', () => {
		// 200 days left: exam at the latest on day +102 (102 + 56 + 42 = 200), booked 42 days before: +60
		const { steps } = plan({ law: '2013', deadlineDay: TODAY + 200 });
		expect(steps[0]).toEqual({ kind: 'deadline', day: TODAY + 200, weeksLeft: 28, factIds: ['deadline'] });
		expect(steps.filter((step) => step.kind === 'book')).toEqual(
			['knm', 'reading', 'ona'].map((examId) => ({ kind: 'book', examId, byDay: TODAY + 60, late: false, factIds: ['book-ahead', 'result-wait'] }))
		);
	});

	it('flags a book-by day that has passed as late', () => {
		const { steps } = plan({ law: '2021', route: 'b1', deadlineDay: TODAY + 100 });
		expect(steps.find((step) => step.kind === 'book')).toMatchObject({ examId: 'knm', byDay: TODAY - 40, late: true });
	});

	it('a booked DUO exam: the letter a week before, the exam (with room for a retake or not), the result 8 weeks later', () => {
		const booked: PlannedExam[] = [{ examId: 'knm', status: 'booked', day: TODAY + 30 }];
		expect(plan({ law: '2021', route: 'b1', deadlineDay: TODAY + 200 }, booked).steps.slice(1, 4)).toEqual([
			{ kind: 'letter', examId: 'knm', day: TODAY + 23, factIds: ['letter-before'] },
			{ kind: 'exam', examId: 'knm', day: TODAY + 30, afterDeadline: false, retakeRoom: true, factIds: ['result-wait', 'book-ahead'] },
			{ kind: 'result', examId: 'knm', aroundDay: TODAY + 86, factIds: ['result-wait'] }
		]);
		// 30 + 56 + 42 = 128 days: no room for a retake before a deadline 100 days away
		expect(plan({ law: '2021', deadlineDay: TODAY + 100 }, booked).steps.find((step) => step.kind === 'exam')).toMatchObject({ retakeRoom: false, afterDeadline: false });
		expect(plan({ law: '2021', deadlineDay: TODAY + 20 }, booked).steps.find((step) => step.kind === 'exam')).toMatchObject({ afterDeadline: true });
		// without a deadline nothing is said about a retake
		expect(plan({ law: '2021' }, booked).steps.find((step) => step.kind === 'exam')).toMatchObject({ retakeRoom: null, factIds: [] });
	});

	it('no letter step once the letter is due, and only the result once the exam day has passed', () => {
		expect(plan({ law: '2021' }, [{ examId: 'knm', status: 'booked', day: TODAY + 3 }]).steps.map((step) => step.kind)).toEqual(['deadline_unknown', 'exam', 'result', 'register_staatsexamen']);
		expect(plan({ law: '2021' }, [{ examId: 'knm', status: 'booked', day: TODAY - 10 }]).steps.find((step) => 'examId' in step && step.examId === 'knm')).toEqual({
			kind: 'result',
			examId: 'knm',
			aroundDay: TODAY + 46,
			factIds: ['result-wait']
		});
	});

	it("one step for all the Staatsexamen's parts still to book", () => {
		const withListening: ExamPlanContent = { ...content, exams: [...content.exams, { id: 'listening', name: { en: 'Listening', nl: 'Luisteren' }, booking: { '2013': 'duo', '2021': 'staatsexamen' } }] };
		const { steps } = buildChecklist(withListening, { law: '2021', route: 'b1', deadlineDay: null }, [], TODAY);
		expect(steps.filter((step) => step.kind === 'register_staatsexamen')).toEqual([{ kind: 'register_staatsexamen', examIds: ['reading', 'listening'], factIds: ['staatsexamen-booking'] }]);
	});

	it('a booked Staatsexamen has no DUO letter and its own result wait', () => {
		const steps = plan({ law: '2021', route: 'b1' }, [{ examId: 'reading', status: 'booked', day: TODAY + 30 }]).steps;
		expect(steps.filter((step) => 'examId' in step && step.examId === 'reading')).toEqual([
			{ kind: 'exam', examId: 'reading', day: TODAY + 30, afterDeadline: false, retakeRoom: null, factIds: [] },
			{ kind: 'result', examId: 'reading', aroundDay: TODAY + 65, factIds: ['staatsexamen-result-wait'] }
		]);
	});

	it('a failed exam: book the retake by 6 weeks before the deadline; passed exams come last and are not open', () => {
		const { steps, open } = plan({ law: '2013', deadlineDay: TODAY + 200 }, [
			{ examId: 'knm', status: 'passed', day: TODAY - 60 },
			{ examId: 'reading', status: 'failed', day: TODAY - 60 },
			{ examId: 'ona', status: 'not_needed', day: null }
		]);
		expect(steps).toEqual([
			{ kind: 'deadline', day: TODAY + 200, weeksLeft: 28, factIds: ['deadline'] },
			{ kind: 'retake', examId: 'reading', byDay: TODAY + 158, late: false, factIds: ['retake', 'book-ahead'] },
			{ kind: 'passed', examId: 'knm', factIds: [] }
		]);
		expect(open).toBe(2);
	});

	it('the Z-route: no exams unless the learner says otherwise', () => {
		expect(plan({ law: '2021', route: 'z', deadlineDay: TODAY - 1 }).steps).toEqual([
			{ kind: 'deadline_passed', day: TODAY - 1, factIds: ['deadline'] },
			{ kind: 'z_route', factIds: ['z-route'] }
		]);
		expect(plan({ law: '2021', route: 'z' }, [{ examId: 'knm', status: 'todo', day: null }]).steps.map((step) => step.kind)).toEqual(['deadline_unknown', 'z_route', 'book']);
	});

	it('sorts dated steps by date whatever the exam order (ONA, not booked: book by day +260)', () => {
		const steps = plan({ law: '2013', deadlineDay: TODAY + 400 }, [
			{ examId: 'knm', status: 'booked', day: TODAY + 90 },
			{ examId: 'reading', status: 'booked', day: TODAY + 20 }
		]).steps;
		// the deadline first, then the rest by date
		expect(steps[0]!.kind).toBe('deadline');
		const days = steps.slice(1).map((step) => ('day' in step ? step.day : 'aroundDay' in step ? step.aroundDay : 'byDay' in step ? step.byDay : null));
		expect(days).toEqual([TODAY + 13, TODAY + 20, TODAY + 76, TODAY + 83, TODAY + 90, TODAY + 146, TODAY + 260]);
	});
});
