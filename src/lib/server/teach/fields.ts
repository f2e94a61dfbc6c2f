import { z } from 'zod';

/** A calendar date as a form sends it (YYYY-MM-DD) that exists: 2027-02-30 does not. */
export const dayKeySchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid')
	.refine((value) => {
		const date = new Date(`${value}T00:00:00Z`);
		return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
	}, 'date_invalid');
