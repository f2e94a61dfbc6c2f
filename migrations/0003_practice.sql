CREATE TABLE `card` (
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
	PRIMARY KEY(`user_id`, `question_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `card_user_due_idx` ON `card` (`user_id`,`due`);--> statement-breakpoint
CREATE TABLE `question_set` (
	`id` text PRIMARY KEY NOT NULL,
	`title_en` text NOT NULL,
	`title_nl` text NOT NULL,
	`owner_id` text,
	`theme_slug` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_slug`) REFERENCES `theme`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `question_set_item` (
	`set_id` text NOT NULL,
	`question_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`set_id`, `question_id`),
	FOREIGN KEY (`set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_set_item_question_idx` ON `question_set_item` (`question_id`);--> statement-breakpoint
CREATE TABLE `review_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`mode` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	`chosen_option` integer NOT NULL,
	`shown_order` text NOT NULL,
	`correct` integer NOT NULL,
	`guessed` integer NOT NULL,
	`response_ms` integer NOT NULL,
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
CREATE INDEX `review_log_user_time_idx` ON `review_log` (`user_id`,`reviewed_at`);--> statement-breakpoint
CREATE INDEX `review_log_user_question_idx` ON `review_log` (`user_id`,`question_id`,`reviewed_at`);--> statement-breakpoint
CREATE TABLE `scheduler_params` (
	`hash` text PRIMARY KEY NOT NULL,
	`params` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `showing` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`question_id` text NOT NULL,
	`scope` text NOT NULL,
	`kind` text NOT NULL,
	`option_order` text NOT NULL,
	`issued_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `showing_user_scope_idx` ON `showing` (`user_id`,`scope`,`issued_at`);--> statement-breakpoint
ALTER TABLE `user` ADD `desired_retention` real DEFAULT 0.9 NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `new_per_day` integer DEFAULT 20 NOT NULL;