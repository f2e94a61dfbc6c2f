CREATE TABLE `scheduler_calibration` (
	`name` text PRIMARY KEY NOT NULL,
	`value` real NOT NULL,
	`answers` integer NOT NULL,
	`computed_at` integer NOT NULL
);
