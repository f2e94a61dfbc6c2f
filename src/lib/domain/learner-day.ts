/**
 * The learner day: the one notion of "day" in KNM Hub. A learner day starts at a rollover hour
 * (04:00 by default, as in Anki) on the learner's local wall clock in their IANA time zone, so a
 * night owl practising at 01:00 is still on "yesterday". Everything that says today, due, elapsed
 * days, new today, the streak and the forecast counts learner days through this module.
 *
 * Days are numbered: day n is the local calendar date 1970-01-01 + n days. Pure: instants, zones
 * and hours are arguments; nothing reads a clock.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
export const DEFAULT_DAY_STARTS_HOUR = 4;

export interface DayModel {
	timeZone: string;
	/** local hour (0–23) at which a learner day starts */
	dayStartsHour: number;
}

// Creating an Intl.DateTimeFormat costs far more than using one: keep one per zone.
const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string): Intl.DateTimeFormat {
	let format = wallFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		wallFormats.set(timeZone, format);
	}
	return format;
}

/**
 * The local wall-clock reading of an instant, written as if it were UTC: 2026-03-29 02:30 in
 * Amsterdam becomes Date.UTC(2026, 2, 29, 2, 30). Milliseconds are kept.
 */
export function wallClockMs(instant: Date, timeZone: string): number {
	const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
	for (const part of wallFormat(timeZone).formatToParts(instant)) {
		if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
	}
	const ms = ((instant.getTime() % 1000) + 1000) % 1000;
	return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second, ms);
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
const offsets = new Map<string, number>();

/**
 * The zone's offset from UTC at `instant`, in ms. Every offset and every switch between offsets
 * in use falls on a quarter hour, so the offset is the same for a whole UTC quarter hour: it is
 * looked up once per zone and quarter hour (class pages compute learner days for thousands of
 * cards; one Intl call each cost about a second for a class of 200).
 */
function zoneOffsetMs(instant: Date, timeZone: string): number {
	const bucket = Math.floor(instant.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
	const key = `${timeZone}|${bucket}`;
	let offset = offsets.get(key);
	if (offset === undefined) {
		if (offsets.size > 50_000) offsets.clear();
		offset = wallClockMs(new Date(bucket), timeZone) - bucket;
		offsets.set(key, offset);
	}
	return offset;
}

/** The learner day that holds `instant`. */
export function learnerDay(instant: Date, model: DayModel): number {
	return Math.floor((instant.getTime() + zoneOffsetMs(instant, model.timeZone) - model.dayStartsHour * HOUR_MS) / DAY_MS);
}

/**
 * The first instant of learner day `day`: when the local clock first reads the rollover hour on
 * that date. When that reading does not exist (a DST jump over it, as at midnight in
 * America/Santiago or America/Havana with rollover 0), the day starts at the jump.
 */
export function startOfLearnerDay(day: number, model: DayModel): Date {
	const key = `${model.timeZone}|${model.dayStartsHour}|${day}`;
	let start = dayStarts.get(key);
	if (start === undefined) {
		if (dayStarts.size >= DAY_START_CACHE_SIZE) dayStarts.clear();
		start = findStartOfLearnerDay(day, model);
		dayStarts.set(key, start);
	}
	return new Date(start);
}

// A day's start never changes (for a given zone database): remember the ones asked for, so a
// streak or a forecast costs one zone look-up per day only the first time.
const DAY_START_CACHE_SIZE = 50_000;
const dayStarts = new Map<string, number>();

function findStartOfLearnerDay(day: number, model: DayModel): number {
	const wall = day * DAY_MS + model.dayStartsHour * HOUR_MS;
	// Two passes settle the zone offset on the day it changes.
	let guess = wall - (wallClockMs(new Date(wall), model.timeZone) - wall);
	guess = wall - (wallClockMs(new Date(guess), model.timeZone) - guess);
	if (learnerDay(new Date(guess), model) === day && learnerDay(new Date(guess - 1), model) === day - 1) {
		return guess;
	}
	// A gap or an odd transition: search for the first instant of the day (offsets span < 27 h).
	let low = wall - 15 * HOUR_MS; // before the day starts in every zone
	let high = wall + 15 * HOUR_MS; // after it starts in every zone
	while (high - low > 1) {
		const middle = Math.floor((low + high) / 2);
		if (learnerDay(new Date(middle), model) >= day) high = middle;
		else low = middle;
	}
	return high;
}

/** The learner day as a calendar date `YYYY-MM-DD` (its local date, rollover aside). */
export function learnerDayKey(day: number): string {
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The learner day of a calendar date `YYYY-MM-DD`. */
export function learnerDayOfKey(key: string): number {
	return Math.floor(Date.parse(`${key}T00:00:00Z`) / DAY_MS);
}

/**
 * The instant to hand ts-fsrs for a review at `instant`. ts-fsrs 5.4.2 counts elapsed days as the
 * difference of UTC calendar dates; this instant's UTC date is the learner day, so its day
 * arithmetic equals learner days. Its time of day is the learner's time since the rollover hour,
 * so minute-based learning steps between two such instants keep their wall-clock size.
 */
export function schedulerInstant(instant: Date, model: DayModel): Date {
	// instant + its zone offset is its wall-clock reading (wallClockMs), with the offset cached
	return new Date(instant.getTime() + zoneOffsetMs(instant, model.timeZone) - model.dayStartsHour * HOUR_MS);
}

/**
 * Consecutive learner days with practice, ending today (or yesterday, so the streak does not break
 * before today's practice). Takes answer times newest first and reads only as far back as the
 * streak goes: one zone look-up per day of the streak, not one per answer, so a long history
 * costs no more than a short one.
 */
export function countStreak(answeredAtNewestFirst: Iterable<number>, now: Date, model: DayModel): number {
	const today = learnerDay(now, model);
	let day = today; // the day an answer is looked for
	let dayStart = startOfLearnerDay(day, model).getTime();
	let practised = false; // whether `day` has an answer
	let streak = 0;
	for (const at of answeredAtNewestFirst) {
		if (at > now.getTime()) continue;
		while (at < dayStart) {
			// The answer is older than `day`: step back a day if `day` counted, or if it is today
			// (the streak may end yesterday); otherwise the streak has a gap and ends.
			if (!practised && day !== today) return streak;
			day -= 1;
			dayStart = startOfLearnerDay(day, model).getTime();
			practised = false;
		}
		if (!practised) {
			practised = true;
			streak += 1;
		}
	}
	return streak;
}
