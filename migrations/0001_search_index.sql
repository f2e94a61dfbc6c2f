-- Full-text search over the hub (sources, topics, guides, quick answers), rebuilt by the importer.
-- FTS5 virtual tables cannot be described in the drizzle schema, so this migration is hand-written.
CREATE VIRTUAL TABLE `search_index` USING fts5(
	kind UNINDEXED,
	slug UNINDEXED,
	title_en,
	title_nl,
	body_en,
	body_nl,
	tokenize = 'unicode61 remove_diacritics 2'
);
