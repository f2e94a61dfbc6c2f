import { learnerDay } from '../../domain/learner-day';
import type Database from 'better-sqlite3';

/*
 * card.last_review_day is the learner day of card.last_review in the learner's day model (time
 * zone and rollover hour). saveCard writes it with every answer; these keep it true for cards
 * written before the column existed and after a learner changes their day model.
 */

interface CardDayRow {
	userId: string;
	questionId: string;
	lastReview: number;
	timezone: string;
	dayStartsHour: number;
}

function writeDays(sqlite: Database.Database, rows: CardDayRow[]): number {
	const update = sqlite.prepare('UPDATE card SET last_review_day = ? WHERE user_id = ? AND question_id = ?');
	sqlite.transaction(() => {
		for (const row of rows) {
			const day = learnerDay(new Date(row.lastReview), { timeZone: row.timezone, dayStartsHour: row.dayStartsHour });
			update.run(day, row.userId, row.questionId);
		}
	})();
	return rows.length;
}

const SELECT = `SELECT c.user_id AS userId, c.question_id AS questionId, c.last_review AS lastReview,
	u.timezone AS timezone, u.day_starts_hour AS dayStartsHour
	FROM card c JOIN user u ON u.id = c.user_id`;

/** Fills the day of every answered card that has none (cards from before migration 0010); returns how many. */
export function fillMissingReviewDays(sqlite: Database.Database): number {
	let filled = 0;
	for (;;) {
		const rows = sqlite.prepare(`${SELECT} WHERE c.last_review IS NOT NULL AND c.last_review_day IS NULL LIMIT 5000`).all() as CardDayRow[];
		if (rows.length === 0) return filled;
		filled += writeDays(sqlite, rows);
	}
}

/** Recomputes the days of one learner's cards, after they changed their time zone or rollover hour. */
export function refreshReviewDays(sqlite: Database.Database, userId: string): number {
	return writeDays(sqlite, sqlite.prepare(`${SELECT} WHERE c.user_id = ? AND c.last_review IS NOT NULL`).all(userId) as CardDayRow[]);
}
