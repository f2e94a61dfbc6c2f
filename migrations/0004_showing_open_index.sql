DROP INDEX `showing_user_scope_idx`;--> statement-breakpoint
CREATE INDEX `showing_open_idx` ON `showing` (`user_id`,`scope`,`used_at`,`issued_at`);