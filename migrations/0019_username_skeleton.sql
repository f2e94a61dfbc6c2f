ALTER TABLE `user` ADD `username_skeleton` text;--> statement-breakpoint
CREATE INDEX `user_username_skeleton_idx` ON `user` (`username_skeleton`);