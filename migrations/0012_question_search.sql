-- Full-text search over the question bank for the teachers' set picker, rebuilt by the importer
-- like search_index (0001). FTS5 virtual tables cannot be described in the drizzle schema.
CREATE VIRTUAL TABLE `question_search` USING fts5(
	id UNINDEXED,
	question_nl,
	question_en,
	options_nl,
	options_en,
	explanation_nl,
	explanation_en,
	tokenize = 'unicode61 remove_diacritics 2'
);
