PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_assignment` (
	`id` text PRIMARY KEY NOT NULL,
	`class_id` text NOT NULL,
	`set_id` text,
	`goal` text NOT NULL,
	`opens_on` text NOT NULL,
	`due_on` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `school_class`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_id`) REFERENCES `question_set`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_assignment`("id", "class_id", "set_id", "goal", "opens_on", "due_on", "created_at") SELECT "id", "class_id", "set_id", "goal", "opens_on", "due_on", "created_at" FROM `assignment`;--> statement-breakpoint
DROP TABLE `assignment`;--> statement-breakpoint
ALTER TABLE `__new_assignment` RENAME TO `assignment`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `assignment_class_idx` ON `assignment` (`class_id`,`due_on`);--> statement-breakpoint
CREATE INDEX `assignment_set_idx` ON `assignment` (`set_id`);