import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AID_CHOICES } from '../../domain/aid';
import { TRANSLATION_KINDS } from '../../domain/content/translations';
import { LOCALES } from '../../domain/locale';

/*
 * Hub and question-bank tables (design.md §3). Content files are the source of truth: these rows are
 * written only by the importer (src/lib/server/content/import.ts). Localised texts are stored as one
 * column per locale so that a query can pick the user's language without parsing JSON.
 */

export const theme = sqliteTable('theme', {
	slug: text('slug').primaryKey(),
	number: integer('number').notNull(),
	nameNl: text('name_nl').notNull(),
	nameEn: text('name_en').notNull(),
	/** a theme of daily life (themes.yaml `everyday`): new questions come from these first */
	everyday: integer('everyday', { mode: 'boolean' }).notNull().default(false),
	/** set when the theme left content/themes.yaml; kept while retired questions still point at it */
	retiredAt: integer('retired_at', { mode: 'timestamp_ms' })
});

export const eindterm = sqliteTable(
	'eindterm',
	{
		code: text('code').primaryKey(),
		themeSlug: text('theme_slug')
			.notNull()
			.references(() => theme.slug),
		/** null for an eindterm (x.y); the eindterm's code for an indicator (x.y.z) */
		parentCode: text('parent_code'),
		descriptionNl: text('description_nl').notNull(),
		descriptionEn: text('description_en').notNull(),
		position: integer('position').notNull()
	},
	(t) => [index('eindterm_theme_idx').on(t.themeSlug)]
);

export const source = sqliteTable('source', {
	slug: text('slug').primaryKey(),
	name: text('name').notNull(),
	url: text('url').notNull(),
	ownerEn: text('owner_en').notNull(),
	ownerNl: text('owner_nl').notNull(),
	usageEn: text('usage_en').notNull(),
	usageNl: text('usage_nl').notNull(),
	checkedOn: text('checked_on').notNull(),
	position: integer('position').notNull(),
	contentHash: text('content_hash').notNull()
});

export const topic = sqliteTable('topic', {
	slug: text('slug').primaryKey(),
	titleEn: text('title_en').notNull(),
	titleNl: text('title_nl').notNull(),
	summaryEn: text('summary_en').notNull(),
	summaryNl: text('summary_nl').notNull(),
	position: integer('position').notNull(),
	contentHash: text('content_hash').notNull()
});

export const topicSource = sqliteTable(
	'topic_source',
	{
		topicSlug: text('topic_slug')
			.notNull()
			.references(() => topic.slug, { onDelete: 'cascade' }),
		sourceSlug: text('source_slug')
			.notNull()
			.references(() => source.slug, { onDelete: 'cascade' }),
		reasonEn: text('reason_en').notNull(),
		reasonNl: text('reason_nl').notNull(),
		position: integer('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.topicSlug, t.sourceSlug] }),
		index('topic_source_source_idx').on(t.sourceSlug)
	]
);

export const guide = sqliteTable('guide', {
	slug: text('slug').primaryKey(),
	titleEn: text('title_en').notNull(),
	titleNl: text('title_nl').notNull(),
	summaryEn: text('summary_en').notNull(),
	summaryNl: text('summary_nl').notNull(),
	bodyHtmlEn: text('body_html_en').notNull(),
	/** null until a Dutch translation of the guide exists */
	bodyHtmlNl: text('body_html_nl'),
	updatedOn: text('updated_on').notNull(),
	/** the day the guide's facts were checked against the official pages; null until they were */
	checkedOn: text('checked_on'),
	/** the guide states an amount, age, date or a rule being changed */
	volatile: integer('volatile', { mode: 'boolean' }).notNull().default(false),
	position: integer('position').notNull(),
	contentHash: text('content_hash').notNull()
});

export const guideSource = sqliteTable(
	'guide_source',
	{
		guideSlug: text('guide_slug')
			.notNull()
			.references(() => guide.slug, { onDelete: 'cascade' }),
		sourceSlug: text('source_slug')
			.notNull()
			.references(() => source.slug, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.guideSlug, t.sourceSlug] }),
		index('guide_source_source_idx').on(t.sourceSlug)
	]
);

export const guideTopic = sqliteTable(
	'guide_topic',
	{
		guideSlug: text('guide_slug')
			.notNull()
			.references(() => guide.slug, { onDelete: 'cascade' }),
		topicSlug: text('topic_slug')
			.notNull()
			.references(() => topic.slug, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.guideSlug, t.topicSlug] }),
		index('guide_topic_topic_idx').on(t.topicSlug)
	]
);

export const guideTheme = sqliteTable(
	'guide_theme',
	{
		guideSlug: text('guide_slug')
			.notNull()
			.references(() => guide.slug, { onDelete: 'cascade' }),
		themeSlug: text('theme_slug')
			.notNull()
			.references(() => theme.slug, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.guideSlug, t.themeSlug] }),
		index('guide_theme_theme_idx').on(t.themeSlug)
	]
);

export const guideRelated = sqliteTable(
	'guide_related',
	{
		guideSlug: text('guide_slug')
			.notNull()
			.references(() => guide.slug, { onDelete: 'cascade' }),
		relatedSlug: text('related_slug')
			.notNull()
			.references(() => guide.slug, { onDelete: 'cascade' }),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.guideSlug, t.relatedSlug] })]
);

export const quickAnswer = sqliteTable('quick_answer', {
	id: text('id').primaryKey(),
	questionEn: text('question_en').notNull(),
	questionNl: text('question_nl').notNull(),
	answerEn: text('answer_en').notNull(),
	answerNl: text('answer_nl').notNull(),
	guideSlug: text('guide_slug')
		.notNull()
		.references(() => guide.slug, { onDelete: 'cascade' }),
	position: integer('position').notNull(),
	contentHash: text('content_hash').notNull()
});

/** A KNM word (content/words/<theme>.yaml): written by the importer only, like the hub. */
export const word = sqliteTable('word', {
	id: text('id').primaryKey(),
	term: text('term').notNull(),
	/** de or het for a noun; null for a verb, adjective or name */
	article: text('article', { enum: ['de', 'het'] }),
	definitionNl: text('definition_nl').notNull(),
	translationEn: text('translation_en').notNull(),
	exampleNl: text('example_nl').notNull(),
	/** JSON array of theme slugs, the file's theme first */
	themes: text('themes', { mode: 'json' }).$type<string[]>().notNull(),
	guideSlug: text('guide_slug').references(() => guide.slug, { onDelete: 'set null' }),
	/** false: the term is not linked in feedback and guides (it has another everyday meaning) */
	linked: integer('linked', { mode: 'boolean' }).notNull().default(true),
	position: integer('position').notNull(),
	contentHash: text('content_hash').notNull()
});

/**
 * A translation of a Dutch content item into a learner's language (domain/content/translations.ts),
 * written by the importer from the translation files. `stale`: the Dutch changed since it was
 * translated, so learners see English instead.
 */
export const contentTranslation = sqliteTable(
	'content_translation',
	{
		/** kind/locale/id, the importer's key */
		key: text('key').primaryKey(),
		kind: text('kind', { enum: TRANSLATION_KINDS }).notNull(),
		itemId: text('item_id').notNull(),
		locale: text('locale').notNull(),
		/** the translated fields, as in the file (question, options, explanation; title, summary; …) */
		fields: text('fields', { mode: 'json' }).$type<Record<string, string | string[]>>().notNull(),
		stale: integer('stale', { mode: 'boolean' }).notNull(),
		contentHash: text('content_hash').notNull()
	},
	(t) => [index('content_translation_item_idx').on(t.kind, t.locale, t.itemId)]
);

/**
 * A KNM question. Never deleted once answered: a question removed from the files (or a teacher's
 * own question deleted while in use) gets `retired_at`, so review logs and assignments that point
 * at it keep their meaning.
 */
export const question = sqliteTable(
	'question',
	{
		id: text('id').primaryKey(),
		themeSlug: text('theme_slug')
			.notNull()
			.references(() => theme.slug),
		eindterm: text('eindterm').notNull(),
		questionNl: text('question_nl').notNull(),
		questionEn: text('question_en').notNull(),
		/** JSON array of 3 `{ nl, en }` objects, in file order */
		options: text('options', { mode: 'json' }).$type<{ nl: string; en: string }[]>().notNull(),
		correctIndex: integer('correct_index').notNull(),
		explanationNl: text('explanation_nl').notNull(),
		explanationEn: text('explanation_en').notNull(),
		sourceUrl: text('source_url').notNull(),
		/** null until the fact was verified against source_url */
		checkedOn: text('checked_on'),
		volatile: integer('volatile', { mode: 'boolean' }).notNull().default(false),
		image: text('image'),
		position: integer('position').notNull(),
		contentHash: text('content_hash').notNull(),
		/** the current row of question_version; a new version whenever the content changes */
		version: integer('version').notNull().default(1),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
		/**
		 * The order new questions are introduced in (db/new-order.ts: themes take turns, everyday
		 * themes first); null when retired. Ranked at every import, so picking a learner's next new
		 * question is an index walk, not a window query per answer.
		 */
		newOrder: integer('new_order'),
		/**
		 * 'bank': from the content files; 'teacher': a teacher's own question (lib/server/teach/
		 * own-questions.ts), in that teacher's sets only and never in the bank, exams or readiness;
		 * 'word': a KNM word's card (domain/content/word-cards.ts), practised in the `words:<theme>`
		 * scope and with the due cards, never in sets, exams, readiness or the bank's counts.
		 */
		origin: text('origin', { enum: ['bank', 'teacher', 'word'] })
			.notNull()
			.default('bank'),
		/** the teacher who wrote an own question; null for the bank, and after the teacher left */
		ownerId: text('owner_id').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		index('question_theme_idx').on(t.themeSlug, t.position),
		index('question_owner_idx').on(t.ownerId, t.createdAt),
		index('question_eindterm_idx').on(t.eindterm),
		index('question_new_order_idx').on(t.newOrder)
	]
);

/**
 * Every version of a question as learners saw it. Answers record the version they answered, so a
 * result page shows that question, those options and that right answer after the files change.
 */
export const questionVersion = sqliteTable(
	'question_version',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => question.id),
		version: integer('version').notNull(),
		contentHash: text('content_hash').notNull(),
		questionNl: text('question_nl').notNull(),
		questionEn: text('question_en').notNull(),
		options: text('options', { mode: 'json' }).$type<{ nl: string; en: string }[]>().notNull(),
		correctIndex: integer('correct_index').notNull(),
		explanationNl: text('explanation_nl').notNull(),
		explanationEn: text('explanation_en').notNull(),
		sourceUrl: text('source_url').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.questionId, t.version] })]
);

export const questionSource = sqliteTable(
	'question_source',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		sourceSlug: text('source_slug')
			.notNull()
			.references(() => source.slug, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.sourceSlug] }),
		index('question_source_source_idx').on(t.sourceSlug)
	]
);

export const questionGuide = sqliteTable(
	'question_guide',
	{
		questionId: text('question_id')
			.notNull()
			.references(() => question.id, { onDelete: 'cascade' }),
		guideSlug: text('guide_slug')
			.notNull()
			.references(() => guide.slug, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.questionId, t.guideSlug] }),
		index('question_guide_guide_idx').on(t.guideSlug)
	]
);

/** One row per import run: what changed, for operators and for the start-up log. */
export const contentImport = sqliteTable('content_import', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	importedAt: integer('imported_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch() * 1000)`),
	bundleHash: text('bundle_hash').notNull(),
	summary: text('summary', { mode: 'json' }).notNull()
});

export type QuestionRow = typeof question.$inferSelect;
export type SourceRow = typeof source.$inferSelect;
export type GuideRow = typeof guide.$inferSelect;
export type TopicRow = typeof topic.$inferSelect;

/** Small key/value facts about the imported content (e.g. the hash of the theme list). */
export const contentMeta = sqliteTable('content_meta', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});

/*
 * Accounts (issue: accounts). A username and a password are enough: no email address, because
 * many learners have none they want to share.
 */
export const user = sqliteTable('user', {
	id: text('id').primaryKey(),
	/** as typed at registration, for display */
	username: text('username').notNull(),
	/** lower-cased: usernames are unique without regard to case */
	usernameKey: text('username_key').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	role: text('role', { enum: ['learner', 'teacher'] }).notNull(),
	displayName: text('display_name'),
	uiLocale: text('ui_locale', { enum: LOCALES }).notNull().default('en'),
	/** the language of the translation shown under a Dutch question; 'none' hides it */
	translationLocale: text('translation_locale', { enum: AID_CHOICES }).notNull().default('en'),
	/** fading aid: a question answered right twice starts with its translation folded */
	aidFading: integer('aid_fading', { mode: 'boolean' }).notNull().default(true),
	/** the learner's booked exam date (YYYY-MM-DD), used by the scheduler later */
	examDate: text('exam_date'),
	timezone: text('timezone').notNull().default('Europe/Amsterdam'),
	/** the local hour at which the learner's day starts (domain/learner-day.ts), as in Anki */
	dayStartsHour: integer('day_starts_hour').notNull().default(4),
	/** FSRS desired retention, 0.80–0.97 */
	desiredRetention: real('desired_retention').notNull().default(0.9),
	/** how many new questions a day at most */
	newPerDay: integer('new_per_day').notNull().default(20),
	/** with an exam date: the most answers a day the exam-date policy plans (domain/srs/exam-policy.ts) */
	dailyCap: integer('daily_cap').notNull().default(100),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	/**
	 * TR39's skeleton of username_key (domain/auth/confusables.ts): look-alike names share it, so a
	 * new name whose skeleton is taken is refused. Filled for older accounts when the database opens.
	 */
	usernameSkeleton: text('username_skeleton')
}, (t) => [index('user_username_skeleton_idx').on(t.usernameSkeleton)]);

/** A session; `id` is the SHA-256 of the token, the token itself lives only in the cookie. */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export type UserRow = typeof user.$inferSelect;
export type SessionRow = typeof session.$inferSelect;

/*
 * Practice with spaced repetition (issue: practice). Cards are created on a learner's first answer;
 * the review log is append-only and holds what is needed to measure the scheduler later.
 */

/** A question set: built-in ones (one per theme, owner null) or a teacher's own. */
export const questionSet = sqliteTable('question_set', {
	id: text('id').primaryKey(),
	titleEn: text('title_en').notNull(),
	titleNl: text('title_nl').notNull(),
	ownerId: text('owner_id').references(() => user.id, { onDelete: 'cascade' }),
	themeSlug: text('theme_slug').references(() => theme.slug),
	position: integer('position').notNull().default(0),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export const questionSetItem = sqliteTable(
	'question_set_item',
	{
		setId: text('set_id')
			.notNull()
			.references(() => questionSet.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => question.id),
		position: integer('position').notNull()
	},
	(t) => [primaryKey({ columns: [t.setId, t.questionId] }), index('question_set_item_question_idx').on(t.questionId)]
);

/**
 * FSRS memory state of one question for one learner (ts-fsrs Card, mapped in domain/srs), one per
 * learner and answered question. WITHOUT ROWID since migration 0010 (clustered on the
 * primary key; drizzle-kit does not model this, so a migration that rebuilds card must keep it).
 */
export const card = sqliteTable(
	'card',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => question.id),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		/** 0 new, 1 learning, 2 review, 3 relearning (ts-fsrs State) */
		state: integer('state').notNull(),
		lastReview: integer('last_review', { mode: 'timestamp_ms' }),
		/** the rating of the newest answer in time (1 Again, 3 Good): a guess or a wrong answer is 1 */
		lastRating: integer('last_rating'),
		/** the learner day (domain/learner-day.ts) of last_review, in the learner's day model when answered */
		lastReviewDay: integer('last_review_day')
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.questionId] }),
		index('card_user_due_idx').on(t.userId, t.due),
		// the queue asks for the first due card of a kind: learning steps (1, 3) or review (2)
		index('card_user_state_due_idx').on(t.userId, t.state, t.due),
		// who answered a teacher's own question (own-questions.ts): the bank's cards are left out,
		// so the index stays as small as the teachers' questions are used
		index('card_own_question_idx')
			.on(t.questionId)
			.where(sql`${t.questionId} LIKE 'own-%'`)
	]
);

/** Append-only: one row per graded answer, never updated. */
export const reviewLog = sqliteTable(
	'review_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		questionId: text('question_id')
			.notNull()
			.references(() => question.id),
		mode: text('mode', { enum: ['practice', 'mistakes', 'exam'] }).notNull(),
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
		/** the chosen option as an index in file order (not the shuffled position) */
		chosenOption: integer('chosen_option').notNull(),
		/** the shuffled order shown, as file-order indexes, e.g. [2,0,1] */
		shownOrder: text('shown_order', { mode: 'json' }).$type<number[]>().notNull(),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		guessed: integer('guessed', { mode: 'boolean' }).notNull(),
		/** from showing the question to the answer, capped at 60 s; null where it cannot be known */
		responseMs: integer('response_ms'),
		/** the question_version answered */
		questionVersion: integer('question_version').notNull().default(1),
		rating: integer('rating').notNull(),
		stateBefore: integer('state_before').notNull(),
		stabilityBefore: real('stability_before'),
		difficultyBefore: real('difficulty_before'),
		/** learner days since the card's previous review, as the scheduler used them */
		elapsedDays: integer('elapsed_days').notNull(),
		/** FSRS retrievability the scheduler used for this answer; null for a first answer */
		predictedRecall: real('predicted_recall'),
		stateAfter: integer('state_after').notNull(),
		stabilityAfter: real('stability_after').notNull(),
		difficultyAfter: real('difficulty_after').notNull(),
		dueAfter: integer('due_after', { mode: 'timestamp_ms' }).notNull(),
		desiredRetention: real('desired_retention').notNull(),
		/** the policy that scheduled this answer: plain FSRS, or the exam-date policy (domain/srs/exam-policy.ts) */
		policy: text('policy', { enum: ['fsrs', 'exam'] })
			.notNull()
			.default('fsrs'),
		schedulerVersion: text('scheduler_version').notNull(),
		paramsHash: text('params_hash').notNull(),
		timezone: text('timezone').notNull()
	},
	(t) => [
		index('review_log_user_time_idx').on(t.userId, t.reviewedAt),
		// a learner's answers to one question in time order; with what the class insight counts
		// (right or not, the option chosen, the version answered), so its grouped queries read the
		// index alone
		index('review_log_user_question_idx').on(t.userId, t.questionId, t.reviewedAt, t.correct, t.chosenOption, t.questionVersion)
	]
);

/** The scheduler parameters a params_hash stands for, so a log row can be replayed exactly. */
export const schedulerParams = sqliteTable('scheduler_params', {
	hash: text('hash').primaryKey(),
	params: text('params', { mode: 'json' }).notNull()
});

/**
 * Server-side secrets, made once per database on first use (lib/server/secret.ts): the key that
 * signs practice tokens and derives option orders, so a page never carries the right answer.
 */
export const serverSecret = sqliteTable('server_secret', {
	name: text('name').primaryKey(),
	value: text('value').notNull()
});

export type CardRow = typeof card.$inferSelect;
export type ReviewLogRow = typeof reviewLog.$inferSelect;

/**
 * How a learner's real exam went, asked once after their exam date (optional). Used for
 * calibration only: the readiness estimate made for that day is stored beside the answer.
 */
export const examOutcome = sqliteTable(
	'exam_outcome',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		examDate: text('exam_date').notNull(),
		result: text('result', { enum: ['passed', 'failed', 'unknown', 'skipped'] }).notNull(),
		/** the expected share right on the exam day (domain/srs/readiness.ts) when the answer was given */
		predictedScore: real('predicted_score').notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.examDate] })]
);

/**
 * Failed attempts per limiter and key (lib/server/auth/limiter-store.ts): wrong passwords per
 * username and per address, registrations, join codes. Kept in the database so a restart is not a
 * reset; rows whose failures are all older than the window are swept.
 */
export const rateLimit = sqliteTable(
	'rate_limit',
	{
		limiter: text('limiter').notNull(),
		key: text('key').notNull(),
		/** JSON array of failure times (ms) */
		failures: text('failures').notNull(),
		/** the latest failure (ms) */
		touched: integer('touched').notNull()
	},
	(t) => [primaryKey({ columns: [t.limiter, t.key] }), index('rate_limit_touched_idx').on(t.limiter, t.touched)]
);

/**
 * What `npm run eval:scheduler -- --save` measured from the review log, for the app to use:
 * `lucky_guess_share` (readiness's share of right first answers that were guesses).
 */
export const schedulerCalibration = sqliteTable('scheduler_calibration', {
	name: text('name').primaryKey(),
	value: real('value').notNull(),
	/** how many answers the value rests on */
	answers: integer('answers').notNull(),
	computedAt: integer('computed_at', { mode: 'timestamp_ms' }).notNull()
});

/**
 * A validated content document kept whole as JSON: `exam-plan` is content/exam-plan.yaml (the facts
 * and exams of "My exam plan"), written by the content import.
 */
export const contentDocument = sqliteTable('content_document', {
	name: text('name').primaryKey(),
	body: text('body', { mode: 'json' }).notNull(),
	contentHash: text('content_hash').notNull()
});

/**
 * "My exam plan": the learner's law, route and deadline (inburgeringstermijn). The KNM exam date
 * is not here: it is `user.exam_date`, the one practice plans for.
 */
export const examPlan = sqliteTable('exam_plan', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	law: text('law', { enum: ['2013', '2021'] }),
	route: text('route', { enum: ['b1', 'onderwijs', 'z'] }),
	/** YYYY-MM-DD, the last day of the inburgeringstermijn */
	deadline: text('deadline'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** One exam in "My exam plan": still to do, booked (with its date), passed, failed or not needed. */
export const examPlanExam = sqliteTable(
	'exam_plan_exam',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** an exam id of content/exam-plan.yaml */
		examId: text('exam_id').notNull(),
		status: text('status', { enum: ['todo', 'booked', 'passed', 'failed', 'not_needed'] }).notNull(),
		/** YYYY-MM-DD; for KNM the date lives in user.exam_date */
		examDate: text('exam_date')
	},
	(t) => [primaryKey({ columns: [t.userId, t.examId] })]
);

/*
 * Mock exams (issue: mock exams). The deadline is stored, so reloading continues the same attempt
 * with the same time left; the draw's seed is stored, so an attempt can be reproduced.
 */
export const examAttempt = sqliteTable(
	'exam_attempt',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		seed: integer('seed').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }).notNull(),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		closedReason: text('closed_reason', { enum: ['handed_in', 'expired'] }),
		score: integer('score'),
		total: integer('total').notNull(),
		/** the learner allowed the translation in this practice exam (the real exam is Dutch only) */
		aid: integer('aid', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [index('exam_attempt_user_idx').on(t.userId, t.startedAt)]
);

export const examAnswer = sqliteTable(
	'exam_answer',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => examAttempt.id, { onDelete: 'cascade' }),
		/** 0-based place in the exam */
		position: integer('position').notNull(),
		questionId: text('question_id')
			.notNull()
			.references(() => question.id),
		themeSlug: text('theme_slug').notNull(),
		/** the shuffled option order shown, as file-order indexes */
		order: text('option_order', { mode: 'json' }).$type<number[]>().notNull(),
		/** the chosen option as a file-order index; null while unanswered */
		chosen: integer('chosen'),
		flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		/** graded when saved, against question_version: scores never change after the fact */
		correct: integer('correct', { mode: 'boolean' }),
		questionVersion: integer('question_version'),
		/** from showing the question to choosing, capped at 60 s; null where it cannot be known */
		responseMs: integer('response_ms')
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.position] })]
);

export type ExamAttemptRow = typeof examAttempt.$inferSelect;
export type ExamAnswerRow = typeof examAnswer.$inferSelect;

/*
 * Teachers' classes (issue: teachers). A class has one owner; learners join with its join code.
 * Leaving deletes the membership row only, never the learner's own practice data.
 */

export const schoolClass = sqliteTable(
	'school_class',
	{
		/** random (ids.ts), so class ids in URLs cannot be probed */
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** the last day of the course (YYYY-MM-DD), optional */
		courseEndOn: text('course_end_on'),
		/** 8 characters from the join-code alphabet (domain/teach/join-code.ts); a new one replaces it */
		joinCode: text('join_code').notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('school_class_owner_idx').on(t.ownerId)]
);

export const classMember = sqliteTable(
	'class_member',
	{
		classId: text('class_id')
			.notNull()
			.references(() => schoolClass.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * Whether the learner joined under the promise that lists their exam date (the class insight's
		 * "needs attention"); members who joined before it was listed keep it private.
		 */
		sharesExamDate: integer('shares_exam_date', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.classId, t.userId] }), index('class_member_user_idx').on(t.userId)]
);

export type SchoolClassRow = typeof schoolClass.$inferSelect;

/**
 * A question set given to a class, open from `opens_on` to `due_on` (learner days, YYYY-MM-DD), with
 * a goal: 'know' (known by the due date, domain/teach/known.ts) or 'once' (each question answered).
 * A set in use cannot be deleted by its teacher (sets.ts checks); deleting an account takes all.
 */
export const assignment = sqliteTable(
	'assignment',
	{
		id: text('id').primaryKey(),
		classId: text('class_id')
			.notNull()
			.references(() => schoolClass.id, { onDelete: 'cascade' }),
		/** the question set; null for a mock-exam task */
		setId: text('set_id').references(() => questionSet.id, { onDelete: 'cascade' }),
		/** know: known by the due date; once: each question answered; exam: one mock exam taken */
		goal: text('goal', { enum: ['know', 'once', 'exam'] }).notNull(),
		opensOn: text('opens_on').notNull(),
		dueOn: text('due_on').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('assignment_class_idx').on(t.classId, t.dueOn), index('assignment_set_idx').on(t.setId)]
);

export type AssignmentRow = typeof assignment.$inferSelect;

/**
 * A teacher's CSV import between the preview and the confirmation (lib/server/teach/
 * question-import.ts): the rows that passed every check, saved as own questions only when the
 * teacher confirms. Removed when confirmed; an hour old, it has expired.
 */
export const questionImport = sqliteTable(
	'question_import',
	{
		id: text('id').primaryKey(),
		ownerId: text('owner_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		/** JSON: the valid rows as own-question drafts, with the id of the question each one changes */
		rows: text('rows', { mode: 'json' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('question_import_owner_idx').on(t.ownerId)]
);
