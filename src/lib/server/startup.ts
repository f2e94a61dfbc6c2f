import { getDb } from './db';
import { importContent } from './content/import';
import type { ImportReport } from './content/import';
import { loadContent } from './content/load';

/**
 * Runs once when the server starts: opens and migrates the database, validates the content files
 * and imports them. Throws ContentInvalidError when the content is broken.
 */
export function prepareServer(now: Date): ImportReport {
	const db = getDb();
	const bundle = loadContent();
	return importContent(db, bundle, now);
}
