import { seededRandom } from '../random';
import { shuffleOrder } from '../srs/queue';

/**
 * Drawing a mock exam in the official format (knm-domain.md §1.1): 40 questions, grouped in theme
 * blocks, every theme in proportion to its share of the bank with at least 4 questions each.
 * Questions seen in the learner's last mock exams are avoided when the theme has enough others.
 * Pure and reproducible: the same bank, recent set and seed give the same exam.
 */

export const EXAM_QUESTIONS = 40;
export const EXAM_MINUTES = 45;
export const MIN_PER_THEME = 4;

export interface BankEntry {
	id: string;
	theme: string;
}

export interface ExamBlock {
	theme: string;
	questionIds: string[];
}

/**
 * Seats per theme: at least `minimum` each, the rest by the largest-remainder method over the
 * themes' shares of the bank. Themes with fewer questions than their seats get all they have.
 */
export function allocateSeats(
	themeSizes: { theme: string; size: number }[],
	total = EXAM_QUESTIONS,
	minimum = MIN_PER_THEME
): Map<string, number> {
	const available = themeSizes.filter((entry) => entry.size > 0);
	const bankSize = available.reduce((n, entry) => n + entry.size, 0);
	const seats = new Map(available.map((entry) => [entry.theme, Math.min(minimum, entry.size)]));
	let left = total - [...seats.values()].reduce((n, s) => n + s, 0);
	if (left <= 0 || bankSize === 0) return seats;
	// Ideal seats by share; give what is above the minimum, then the largest remainders.
	const ideal = available.map((entry) => ({ ...entry, quota: (entry.size / bankSize) * total }));
	for (const entry of ideal) {
		const extra = Math.max(0, Math.floor(entry.quota) - (seats.get(entry.theme) ?? 0));
		const room = entry.size - (seats.get(entry.theme) ?? 0);
		const give = Math.min(extra, room, left);
		seats.set(entry.theme, (seats.get(entry.theme) ?? 0) + give);
		left -= give;
	}
	const byRemainder = [...ideal].sort(
		(a, b) => b.quota - Math.floor(b.quota) - (a.quota - Math.floor(a.quota)) || a.theme.localeCompare(b.theme)
	);
	while (left > 0) {
		let gave = false;
		for (const entry of byRemainder) {
			if (left === 0) break;
			if ((seats.get(entry.theme) ?? 0) < entry.size) {
				seats.set(entry.theme, (seats.get(entry.theme) ?? 0) + 1);
				left -= 1;
				gave = true;
			}
		}
		if (!gave) break;
	}
	return seats;
}

/**
 * Draws the exam. `themeOrder` fixes the order of the blocks (the official theme numbers);
 * `recent` holds question ids of the learner's last mock exams.
 */
export function drawExam(
	bank: BankEntry[],
	themeOrder: string[],
	recent: ReadonlySet<string>,
	seed: number
): ExamBlock[] {
	const random = seededRandom(seed);
	const byTheme = new Map<string, string[]>();
	for (const entry of bank) byTheme.set(entry.theme, [...(byTheme.get(entry.theme) ?? []), entry.id]);
	const seats = allocateSeats(themeOrder.map((theme) => ({ theme, size: byTheme.get(theme)?.length ?? 0 })));
	const blocks: ExamBlock[] = [];
	for (const theme of themeOrder) {
		const count = seats.get(theme) ?? 0;
		if (count === 0) continue;
		const ids = [...(byTheme.get(theme) ?? [])].sort();
		const shuffled = shuffleOrder(ids.length, random).map((index) => ids[index] as string);
		// Unseen questions first, then recent ones only if the theme runs short.
		const fresh = shuffled.filter((id) => !recent.has(id));
		const seen = shuffled.filter((id) => recent.has(id));
		blocks.push({ theme, questionIds: [...fresh, ...seen].slice(0, count) });
	}
	return blocks;
}
