import { z } from 'zod';
import { slugSchema } from '../domain/content/schemas';

/** A route slug as the content defines it, or null (the route answers 404). */
export function slugParam(value: string): string | null {
	const parsed = slugSchema.max(100).safeParse(value);
	return parsed.success ? parsed.data : null;
}

export const searchQuerySchema = z
	.string()
	.transform((value) => value.trim().slice(0, 200));
