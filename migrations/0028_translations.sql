CREATE TABLE `content_translation` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`item_id` text NOT NULL,
	`locale` text NOT NULL,
	`fields` text NOT NULL,
	`stale` integer NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `content_translation_item_idx` ON `content_translation` (`kind`,`locale`,`item_id`);--> statement-breakpoint
ALTER TABLE `exam_attempt` ADD `aid` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `aid_fading` integer DEFAULT true NOT NULL;