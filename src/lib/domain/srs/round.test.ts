import { describe, expect, it } from 'vitest';
import { describeRound, parseRoundStart, ROUND_SIZE } from './round';

const NOW = new Date('2026-11-30T10:00:00Z');
const answer = (i: number, correct: boolean) => ({ questionId: `q-${i % 4}`, correct, question: `Vraag ${i % 4}` });

describe('rounds of practice', () => {
	it('accepts a recent round start only', () => {
		expect(parseRoundStart(String(NOW.getTime() - 60_000), NOW)).toEqual(new Date(NOW.getTime() - 60_000));
		expect(parseRoundStart(String(NOW.getTime() + 1000), NOW)).toBeNull();
		expect(parseRoundStart(String(NOW.getTime() - 13 * 3_600_000), NOW)).toBeNull();
		expect(parseRoundStart('12', NOW)).toBeNull();
		expect(parseRoundStart(null, NOW)).toBeNull();
	});

	it('counts the answers of a round and sums it up after 10', () => {
		const start = new Date(NOW.getTime() - 600_000);
		expect(describeRound(null, [])).toEqual({ start: null, answered: 0, size: ROUND_SIZE, summary: null });
		const nine = Array.from({ length: 9 }, (_, i) => answer(i, true));
		expect(describeRound(start, nine).summary).toBeNull();
		const ten = [...nine.slice(0, 7), answer(7, false), answer(8, false), answer(11, false)];
		expect(describeRound(start, ten)).toEqual({
			start: start.getTime(),
			answered: 10,
			size: 10,
			summary: {
				right: 7,
				wrong: 3,
				// q-3 was missed twice: listed once
				wrongQuestions: [
					{ questionId: 'q-3', question: 'Vraag 3' },
					{ questionId: 'q-0', question: 'Vraag 0' }
				]
			}
		});
	});
});
