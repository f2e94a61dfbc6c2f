/**
 * Dates and times as the learner reads them: in their interface language and in the time zone of
 * their settings, never the server's or the browser's, so server and client render the same text.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

const formats = new Map<string, Intl.DateTimeFormat>();

export type DateStyle = 'date' | 'date-long' | 'date-time' | 'date-long-time';

const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
	date: { dateStyle: 'medium' },
	'date-long': { dateStyle: 'long' },
	'date-time': { dateStyle: 'medium', timeStyle: 'short' },
	'date-long-time': { dateStyle: 'long', timeStyle: 'short' }
};

export function formatDateTime(value: string | Date, locale: string, timeZone: string | null | undefined, style: DateStyle): string {
	const zone = timeZone || DEFAULT_TIME_ZONE;
	const key = `${locale}|${zone}|${style}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone: zone });
		formats.set(key, format);
	}
	return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** A calendar date (YYYY-MM-DD: a due date, a course end), the same day in every time zone. */
export function formatDayKey(key: string, locale: string): string {
	return formatDateTime(`${key}T12:00:00Z`, locale, 'UTC', 'date-long');
}
