CREATE TABLE `content_import` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`imported_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`bundle_hash` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `content_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `eindterm` (
	`code` text PRIMARY KEY NOT NULL,
	`theme_slug` text NOT NULL,
	`parent_code` text,
	`description_nl` text NOT NULL,
	`description_en` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`theme_slug`) REFERENCES `theme`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `eindterm_theme_idx` ON `eindterm` (`theme_slug`);--> statement-breakpoint
CREATE TABLE `guide` (
	`slug` text PRIMARY KEY NOT NULL,
	`title_en` text NOT NULL,
	`title_nl` text NOT NULL,
	`summary_en` text NOT NULL,
	`summary_nl` text NOT NULL,
	`body_html_en` text NOT NULL,
	`body_html_nl` text,
	`updated_on` text NOT NULL,
	`position` integer NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `guide_related` (
	`guide_slug` text NOT NULL,
	`related_slug` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`guide_slug`, `related_slug`),
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `guide_source` (
	`guide_slug` text NOT NULL,
	`source_slug` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`guide_slug`, `source_slug`),
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_slug`) REFERENCES `source`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guide_source_source_idx` ON `guide_source` (`source_slug`);--> statement-breakpoint
CREATE TABLE `guide_theme` (
	`guide_slug` text NOT NULL,
	`theme_slug` text NOT NULL,
	PRIMARY KEY(`guide_slug`, `theme_slug`),
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_slug`) REFERENCES `theme`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guide_theme_theme_idx` ON `guide_theme` (`theme_slug`);--> statement-breakpoint
CREATE TABLE `guide_topic` (
	`guide_slug` text NOT NULL,
	`topic_slug` text NOT NULL,
	PRIMARY KEY(`guide_slug`, `topic_slug`),
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_slug`) REFERENCES `topic`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `guide_topic_topic_idx` ON `guide_topic` (`topic_slug`);--> statement-breakpoint
CREATE TABLE `question` (
	`id` text PRIMARY KEY NOT NULL,
	`theme_slug` text NOT NULL,
	`eindterm` text NOT NULL,
	`question_nl` text NOT NULL,
	`question_en` text NOT NULL,
	`options` text NOT NULL,
	`correct_index` integer NOT NULL,
	`explanation_nl` text NOT NULL,
	`explanation_en` text NOT NULL,
	`source_url` text NOT NULL,
	`checked_on` text,
	`volatile` integer DEFAULT false NOT NULL,
	`image` text,
	`position` integer NOT NULL,
	`content_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`retired_at` integer,
	FOREIGN KEY (`theme_slug`) REFERENCES `theme`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `question_theme_idx` ON `question` (`theme_slug`,`position`);--> statement-breakpoint
CREATE INDEX `question_eindterm_idx` ON `question` (`eindterm`);--> statement-breakpoint
CREATE TABLE `question_guide` (
	`question_id` text NOT NULL,
	`guide_slug` text NOT NULL,
	PRIMARY KEY(`question_id`, `guide_slug`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_guide_guide_idx` ON `question_guide` (`guide_slug`);--> statement-breakpoint
CREATE TABLE `question_source` (
	`question_id` text NOT NULL,
	`source_slug` text NOT NULL,
	PRIMARY KEY(`question_id`, `source_slug`),
	FOREIGN KEY (`question_id`) REFERENCES `question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_slug`) REFERENCES `source`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `question_source_source_idx` ON `question_source` (`source_slug`);--> statement-breakpoint
CREATE TABLE `quick_answer` (
	`id` text PRIMARY KEY NOT NULL,
	`question_en` text NOT NULL,
	`question_nl` text NOT NULL,
	`answer_en` text NOT NULL,
	`answer_nl` text NOT NULL,
	`guide_slug` text NOT NULL,
	`position` integer NOT NULL,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `source` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`owner_en` text NOT NULL,
	`owner_nl` text NOT NULL,
	`usage_en` text NOT NULL,
	`usage_nl` text NOT NULL,
	`checked_on` text NOT NULL,
	`position` integer NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `theme` (
	`slug` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL,
	`name_nl` text NOT NULL,
	`name_en` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `topic` (
	`slug` text PRIMARY KEY NOT NULL,
	`title_en` text NOT NULL,
	`title_nl` text NOT NULL,
	`summary_en` text NOT NULL,
	`summary_nl` text NOT NULL,
	`position` integer NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `topic_source` (
	`topic_slug` text NOT NULL,
	`source_slug` text NOT NULL,
	`reason_en` text NOT NULL,
	`reason_nl` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`topic_slug`, `source_slug`),
	FOREIGN KEY (`topic_slug`) REFERENCES `topic`(`slug`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_slug`) REFERENCES `source`(`slug`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `topic_source_source_idx` ON `topic_source` (`source_slug`);