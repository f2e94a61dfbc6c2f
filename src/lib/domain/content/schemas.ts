import { z } from 'zod';

/**
 * zod schemas for the content files (design.md §4). They check the shape of one file; references
 * between files (slugs, eindterm codes) are checked in validate.ts, which knows all files at once.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const slugSchema = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug (a-z, 0-9 and -)');

/** The message for keys a strict object does not know, e.g. `has unknown key "tr" (...)`. */
function unknownKeys(allowed: string): z.core.$ZodErrorMap {
	return (issue) => {
		if (issue.code !== 'unrecognized_keys') return undefined;
		const keys = issue.keys.map((key) => `"${key}"`).join(', ');
		return `has unknown key${issue.keys.length === 1 ? '' : 's'} ${keys} (${allowed})`;
	};
}

/**
 * A text in Dutch and English. Any other key is an error: the app shows only these two languages,
 * so a third one (`tr: ...`) or a typo (`NL: ...`) would otherwise be dropped without a word.
 */
export const localizedSchema = z.strictObject(
	{ nl: nonEmpty, en: nonEmpty },
	{ error: unknownKeys('a text has only nl and en') }
);


/** YAML turns `2026-11-29` into a Date; accept both forms and keep an ISO date string. */
export const dateSchema = z.preprocess(
	(value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
	z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-29')
);

/** validate.ts keeps codes as written in the file (`3.10` stays "3.10"), so a code is a string. */
const codeSchema = z.string().regex(/^\d+\.\d+(?:\.\d+)?$/, 'must be a code like 4.4 or 4.4.1');

export const themesFileSchema = z.strictObject({
	themes: z.array(
		z.strictObject({
			slug: slugSchema,
			number: z.number().int().min(1),
			name: localizedSchema,
			/** a theme of daily life: new learners meet its questions first (practice/queue.ts) */
			everyday: z.boolean().optional(),
			eindtermen: z.array(
				z.strictObject({
					code: codeSchema,
					description: localizedSchema,
					indicators: z.array(z.strictObject({ code: codeSchema, description: localizedSchema }))
				})
			)
		})
	)
});

export const sourcesFileSchema = z.strictObject({
	sources: z.array(
		z.strictObject({
			slug: slugSchema,
			name: nonEmpty,
			url: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
			/** the sites the organisation speaks through; a question's source_url must be on one */
			domains: z.array(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'must be a lower-case host name such as duo.nl')).min(1),
			owner: localizedSchema,
			usage: localizedSchema,
			checked: dateSchema
		})
	)
});

export const topicsFileSchema = z.strictObject({
	topics: z.array(
		z.strictObject({
			slug: slugSchema,
			title: localizedSchema,
			summary: localizedSchema,
			sources: z.array(z.strictObject({ slug: slugSchema, reason: localizedSchema })).min(1)
		})
	)
});

export const quickAnswersFileSchema = z.strictObject({
	quick_answers: z.array(
		z.strictObject({
			id: slugSchema,
			question: localizedSchema,
			answer: localizedSchema,
			guide: slugSchema
		})
	)
});

/** content/exam-plan.yaml: the facts "My exam plan" dates its checklist with, and the exams. */
export const examPlanFileSchema = z.strictObject({
	facts: z.array(
		z.strictObject({
			id: slugSchema,
			weeks: z.number().int().min(1).max(52).optional(),
			text: localizedSchema,
			guide: slugSchema,
			source: slugSchema,
			source_url: nonEmpty,
			checked: dateSchema,
			volatile: z.boolean()
		})
	),
	exams: z.array(
		z.strictObject({
			id: slugSchema,
			name: localizedSchema,
			booking: z.strictObject({ '2013': z.enum(['duo', 'staatsexamen']).optional(), '2021': z.enum(['duo', 'staatsexamen']).optional() })
		})
	)
});

export const guideFrontmatterSchema = z.strictObject({
	slug: slugSchema,
	title: nonEmpty,
	title_nl: nonEmpty,
	summary: nonEmpty,
	summary_nl: nonEmpty,
	sources: z.array(slugSchema).default([]),
	topics: z.array(slugSchema).default([]),
	themes: z.array(slugSchema).default([]),
	related: z.array(slugSchema).default([]),
	updated: dateSchema,
	/** the day every fact in the guide was last checked against its official page */
	checked: dateSchema.optional(),
	/** true when the guide states an amount, age, date or a rule that is being changed */
	volatile: z.boolean().default(false)
});

export const guideTranslationFrontmatterSchema = z.strictObject({ slug: slugSchema });

/** A bank question's id: a theme prefix and a number, e.g. wo-001. */
export const BANK_QUESTION_ID = /^[a-z]{2}-\d{3,4}$/;

/**
 * The texts of a question, for the bank's files (both languages) and a teacher's own question
 * (Dutch, English optional): one definition, so both are read by the same rules. Options are
 * checked loosely here and precisely by question-rules.ts (checkOptionShape), so that "not exactly
 * 3 options" and "not exactly one correct option" get messages of their own.
 */
export function questionTextsShape(english: 'required' | 'optional') {
	const en = english === 'required' ? nonEmpty : z.string().trim().default('');
	return {
		eindterm: codeSchema,
		question: z.strictObject({ nl: nonEmpty, en }, { error: unknownKeys('a text has only nl and en') }),
		options: z.array(z.strictObject({ nl: nonEmpty, en, correct: z.boolean().optional() }, { error: unknownKeys('an option has only nl, en and correct') })),
		explanation: z.strictObject({ nl: nonEmpty, en }, { error: unknownKeys('a text has only nl and en') })
	};
}

/** A question in a content file: its texts, its id, and its links into the hub. */
export const questionSchema = z.strictObject({
	id: z.string().regex(BANK_QUESTION_ID, 'must look like wo-001'),
	...questionTextsShape('required'),
	sources: z.array(slugSchema).default([]),
	guides: z.array(slugSchema).default([]),
	/** questions that test the same fact on purpose, from another angle (not near-duplicates) */
	variants: z.array(z.string().regex(BANK_QUESTION_ID, 'must look like wo-001')).default([]),
	source_url: z.string().optional(),
	/** the date the fact was verified against source_url; absent means not yet verified */
	checked: dateSchema.optional(),
	volatile: z.boolean().default(false),
	image: z.string().optional()
});

export const questionsFileSchema = z.strictObject({
	theme: z.string(),
	questions: z.array(z.unknown())
});

/** content/words/<theme>.yaml: the KNM words of a theme (content/README.md). */
export const wordsFileSchema = z.strictObject({
	theme: z.string(),
	words: z.array(
		z.strictObject({
			// at most 80: a word card's question id is "word-" and this id (domain/content/word-cards.ts)
			id: slugSchema.max(80),
			term: nonEmpty,
			article: z.enum(['de', 'het']).optional(),
			definition: nonEmpty,
			translation: nonEmpty,
			example: nonEmpty,
			themes: z.array(slugSchema).default([]),
			guide: slugSchema.optional(),
			/** false for a term that is also an everyday word with another meaning ("direct") */
			link: z.boolean().default(true)
		})
	)
});

export type Localized = z.infer<typeof localizedSchema>;
export type QuestionInput = z.infer<typeof questionSchema>;
