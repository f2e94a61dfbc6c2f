CREATE TABLE `rate_limit` (
	`limiter` text NOT NULL,
	`key` text NOT NULL,
	`failures` text NOT NULL,
	`touched` integer NOT NULL,
	PRIMARY KEY(`limiter`, `key`)
);
--> statement-breakpoint
CREATE INDEX `rate_limit_touched_idx` ON `rate_limit` (`limiter`,`touched`);