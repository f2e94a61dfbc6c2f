ALTER TABLE `question` ADD `new_order` integer;--> statement-breakpoint
CREATE INDEX `question_new_order_idx` ON `question` (`new_order`);