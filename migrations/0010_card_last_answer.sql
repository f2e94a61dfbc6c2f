-- card gains the newest answer's rating and learner day (teachers' progress counts read them), and
-- becomes a WITHOUT ROWID table clustered on (user_id, question_id): a learner's cards sit
-- together, so reading them is one range scan, and the primary key needs no separate index.
-- drizzle-kit does not model WITHOUT ROWID: a later migration that rebuilds card must keep it.
CREATE TABLE `__new_card` (
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` integer NOT NULL,
	`last_review` integer,
	`last_rating` integer,
	`last_review_day` integer,
	PRIMARY KEY(`user_id`, `question_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_card` (`user_id`, `question_id`, `due`, `stability`, `difficulty`, `scheduled_days`, `learning_steps`, `reps`, `lapses`, `state`, `last_review`, `last_rating`)
SELECT c.`user_id`, c.`question_id`, c.`due`, c.`stability`, c.`difficulty`, c.`scheduled_days`, c.`learning_steps`, c.`reps`, c.`lapses`, c.`state`, c.`last_review`,
	(SELECT r.`rating` FROM `review_log` r WHERE r.`user_id` = c.`user_id` AND r.`question_id` = c.`question_id` ORDER BY r.`reviewed_at` DESC, r.`id` DESC LIMIT 1)
FROM `card` c;
--> statement-breakpoint
DROP TABLE `card`;
--> statement-breakpoint
ALTER TABLE `__new_card` RENAME TO `card`;
--> statement-breakpoint
CREATE INDEX `card_user_due_idx` ON `card` (`user_id`,`due`);
--> statement-breakpoint
CREATE INDEX `card_user_state_due_idx` ON `card` (`user_id`,`state`,`due`);
