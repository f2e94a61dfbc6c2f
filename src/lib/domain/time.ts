/**
 * Calendar days in the learner's time zone: "today", streaks and the due forecast count local days,
 * not UTC days. Pure: the instant and the zone are arguments.
 */

// Creating an Intl.DateTimeFormat costs far more than using one: keep one per zone and purpose.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const instantFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
	let format = dayFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		dayFormats.set(timeZone, format);
	}
	return format;
}

function instantFormat(timeZone: string): Intl.DateTimeFormat {
	let format = instantFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		instantFormats.set(timeZone, format);
	}
	return format;
}

/** The local date `YYYY-MM-DD` of an instant in a time zone. */
export function localDayKey(instant: Date, timeZone: string): string {
	const parts = dayFormat(timeZone).formatToParts(instant);
	const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Offset of the zone from UTC at that instant, in ms (positive east of Greenwich). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
	const parts = instantFormat(timeZone).formatToParts(instant);
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant local midnight starts the day that holds `instant`. */
export function startOfLocalDay(instant: Date, timeZone: string): Date {
	const [year, month, day] = localDayKey(instant, timeZone).split('-').map(Number) as [number, number, number];
	const guess = Date.UTC(year, month - 1, day);
	// Two passes settle the offset on days when it changes (daylight saving time).
	let start = guess - zoneOffsetMs(new Date(guess), timeZone);
	start = guess - zoneOffsetMs(new Date(start), timeZone);
	return new Date(start);
}

/** The next `count` local day keys starting with today's. */
export function nextDayKeys(now: Date, timeZone: string, count: number): string[] {
	const keys: string[] = [];
	let cursor = startOfLocalDay(now, timeZone);
	for (let i = 0; i < count; i++) {
		keys.push(localDayKey(cursor, timeZone));
		// 26 hours past a local midnight is always on the next local day, whatever DST does.
		cursor = startOfLocalDay(new Date(cursor.getTime() + 26 * 3_600_000), timeZone);
	}
	return keys;
}

/**
 * Consecutive local days with practice, ending today (or yesterday, so the streak does not
 * break before today's practice).
 */
export function countStreak(practisedDays: ReadonlySet<string>, now: Date, timeZone: string): number {
	let cursor = startOfLocalDay(now, timeZone);
	if (!practisedDays.has(localDayKey(cursor, timeZone))) {
		cursor = startOfLocalDay(new Date(cursor.getTime() - 2 * 3_600_000), timeZone);
	}
	let streak = 0;
	while (practisedDays.has(localDayKey(cursor, timeZone))) {
		streak += 1;
		cursor = startOfLocalDay(new Date(cursor.getTime() - 2 * 3_600_000), timeZone);
	}
	return streak;
}
