import type Database from 'better-sqlite3';

/*
 * The order in which new questions are introduced, kept in question.new_order. New questions take
 * turns across the themes (the first question of each theme, then the second of each, …); within
 * a theme they come in file order. Everyday themes (themes.yaml `everyday`) come first in each
 * turn, and the other themes join two turns later, so a first session is all daily life. Retired
 * questions and teachers' own ones (met only in that teacher's sets) have no place. Ranked in one statement over the bank (545 rows).
 */
export function rankNewQuestions(sqlite: Database.Database): void {
	sqlite.exec(`
		UPDATE question SET new_order = NULL WHERE new_order IS NOT NULL;
		WITH turns AS (
			SELECT q.id, th.number, th.everyday,
				ROW_NUMBER() OVER (PARTITION BY q.theme_slug ORDER BY q.position) AS turn
			FROM question q JOIN theme th ON th.slug = q.theme_slug
			WHERE q.retired_at IS NULL AND q.origin = 'bank'
		), ranked AS (
			SELECT id, ROW_NUMBER() OVER (ORDER BY turn + 2 * (1 - everyday), everyday DESC, number) AS n FROM turns
		)
		UPDATE question SET new_order = ranked.n FROM ranked WHERE question.id = ranked.id;`);
}

/** After migration 0020, or a database whose last import was skipped: rank once. */
export function fillMissingNewOrder(sqlite: Database.Database): boolean {
	const missing = sqlite.prepare("SELECT 1 FROM question WHERE retired_at IS NULL AND origin = 'bank' AND new_order IS NULL LIMIT 1").get();
	if (missing) rankNewQuestions(sqlite);
	return missing !== undefined;
}
