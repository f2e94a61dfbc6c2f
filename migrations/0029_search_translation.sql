-- Full-text search over the hub's translations into the learners' languages (guide titles and
-- summaries, quick answers), one row per item and language, rebuilt by the importer like
-- search_index (0001). FTS5 virtual tables cannot be described in the drizzle schema.
CREATE VIRTUAL TABLE `search_translation` USING fts5(
	kind UNINDEXED,
	slug UNINDEXED,
	locale UNINDEXED,
	title,
	body,
	tokenize = 'unicode61 remove_diacritics 2'
);
