CREATE TABLE `content_document` (
	`name` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`content_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `exam_plan` (
	`user_id` text PRIMARY KEY NOT NULL,
	`law` text,
	`route` text,
	`deadline` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exam_plan_exam` (
	`user_id` text NOT NULL,
	`exam_id` text NOT NULL,
	`status` text NOT NULL,
	`exam_date` text,
	PRIMARY KEY(`user_id`, `exam_id`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
