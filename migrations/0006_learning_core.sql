CREATE TABLE `question_version` (
	`question_id` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`question_nl` text NOT NULL,
	`question_en` text NOT NULL,
	`options` text NOT NULL,
	`correct_index` integer NOT NULL,
	`explanation_nl` text NOT NULL,
	`explanation_en` text NOT NULL,
	`source_url` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `version`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `server_secret` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
DROP TABLE `showing`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_review_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`mode` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	`chosen_option` integer NOT NULL,
	`shown_order` text NOT NULL,
	`correct` integer NOT NULL,
	`guessed` integer NOT NULL,
	`response_ms` integer,
	`question_version` integer DEFAULT 1 NOT NULL,
	`rating` integer NOT NULL,
	`state_before` integer NOT NULL,
	`stability_before` real,
	`difficulty_before` real,
	`elapsed_days` integer NOT NULL,
	`predicted_recall` real,
	`state_after` integer NOT NULL,
	`stability_after` real NOT NULL,
	`difficulty_after` real NOT NULL,
	`due_after` integer NOT NULL,
	`desired_retention` real NOT NULL,
	`scheduler_version` text NOT NULL,
	`params_hash` text NOT NULL,
	`timezone` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_review_log`("id", "user_id", "question_id", "mode", "reviewed_at", "chosen_option", "shown_order", "correct", "guessed", "response_ms", "question_version", "rating", "state_before", "stability_before", "difficulty_before", "elapsed_days", "predicted_recall", "state_after", "stability_after", "difficulty_after", "due_after", "desired_retention", "scheduler_version", "params_hash", "timezone") SELECT "id", "user_id", "question_id", "mode", "reviewed_at", "chosen_option", "shown_order", "correct", "guessed", NULL, 1, "rating", "state_before", "stability_before", "difficulty_before", "elapsed_days", "predicted_recall", "state_after", "stability_after", "difficulty_after", "due_after", "desired_retention", "scheduler_version", "params_hash", "timezone" FROM `review_log`;--> statement-breakpoint
DROP TABLE `review_log`;--> statement-breakpoint
ALTER TABLE `__new_review_log` RENAME TO `review_log`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `review_log_user_time_idx` ON `review_log` (`user_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `review_log_user_question_idx` ON `review_log` (`user_id`,`question_id`,`reviewed_at`);--> statement-breakpoint
ALTER TABLE `exam_answer` ADD `correct` integer;--> statement-breakpoint
ALTER TABLE `exam_answer` ADD `question_version` integer;--> statement-breakpoint
ALTER TABLE `exam_answer` ADD `response_ms` integer;--> statement-breakpoint
ALTER TABLE `question` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `theme` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `user` ADD `day_starts_hour` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
CREATE INDEX `card_user_state_due_idx` ON `card` (`user_id`,`state`,`due`);--> statement-breakpoint
-- Hand-written backfill. Earlier response times were measured from the previous answer (practice)
-- or from the start of the exam: not the time to answer, so they are dropped above (NULL).
-- Every existing question becomes version 1 of itself; saved exam answers are graded once, now.
INSERT INTO `question_version` (`question_id`, `version`, `content_hash`, `question_nl`, `question_en`, `options`, `correct_index`, `explanation_nl`, `explanation_en`, `source_url`, `created_at`)
	SELECT `id`, 1, `content_hash`, `question_nl`, `question_en`, `options`, `correct_index`, `explanation_nl`, `explanation_en`, `source_url`, `updated_at` FROM `question`;--> statement-breakpoint
UPDATE `exam_answer` SET `question_version` = 1,
	`correct` = CASE WHEN `chosen` IS NULL THEN NULL
		ELSE (`chosen` = (SELECT `correct_index` FROM `question` WHERE `question`.`id` = `exam_answer`.`question_id`)) END;
