CREATE TABLE `word` (
	`id` text PRIMARY KEY NOT NULL,
	`term` text NOT NULL,
	`article` text,
	`definition_nl` text NOT NULL,
	`translation_en` text NOT NULL,
	`example_nl` text NOT NULL,
	`themes` text NOT NULL,
	`guide_slug` text,
	`position` integer NOT NULL,
	`content_hash` text NOT NULL,
	FOREIGN KEY (`guide_slug`) REFERENCES `guide`(`slug`) ON UPDATE no action ON DELETE set null
);
