CREATE TABLE `exam_outcome` (
	`user_id` text NOT NULL,
	`exam_date` text NOT NULL,
	`result` text NOT NULL,
	`predicted_score` real NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `exam_date`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
