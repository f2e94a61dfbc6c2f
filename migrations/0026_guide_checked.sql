ALTER TABLE `guide` ADD `checked_on` text;--> statement-breakpoint
ALTER TABLE `guide` ADD `volatile` integer DEFAULT false NOT NULL;