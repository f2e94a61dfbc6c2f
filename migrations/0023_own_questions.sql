CREATE TABLE `question_import` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text NOT NULL,
	`file_name` text NOT NULL,
	`rows` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_import_owner_idx` ON `question_import` (`owner_id`);--> statement-breakpoint
ALTER TABLE `question` ADD `origin` text DEFAULT 'bank' NOT NULL;--> statement-breakpoint
ALTER TABLE `question` ADD `owner_id` text REFERENCES user(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `question_owner_idx` ON `question` (`owner_id`,`created_at`);