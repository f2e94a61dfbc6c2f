import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { validateContent } from '../domain/content';
import { getDb } from './db';
import type { Db } from './db';
import { importContent } from './content/import';
import type { ImportReport } from './content/import';
import { ContentInvalidError, readContentFiles, resolveContentRoot } from './content/load';
import type { ContentFile } from '../domain/content';

export type StartupReport = ({ skipped: false } & ImportReport) | { skipped: true };

/**
 * The fingerprint of what the last import saw: every content file and the build that validated
 * it. Parsing ~800 kB of YAML takes most of a second, so an unchanged start skips it.
 */
export function fingerprintContent(files: readonly ContentFile[], buildVersion: string): string {
	const hash = createHash('sha256').update(buildVersion).update('\0');
	for (const file of files) hash.update(file.path).update('\0').update(file.text).update('\0');
	return hash.digest('hex');
}

function readFingerprint(db: Db): string | undefined {
	return db.get<{ value: string } | undefined>(sql`SELECT value FROM content_meta WHERE key = 'files_fingerprint'`)?.value;
}

function writeFingerprint(db: Db, value: string): void {
	db.run(sql`INSERT INTO content_meta (key, value) VALUES ('files_fingerprint', ${value})
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}

/**
 * Runs once when the server starts: opens and migrates the database, then validates and imports
 * the content files unless exactly these files were imported by this build before. Throws
 * ContentInvalidError when the content is broken.
 */
export function prepareServer(now: Date, buildVersion: string, db: Db = getDb()): StartupReport {
	const files = readContentFiles(resolveContentRoot());
	const fingerprint = fingerprintContent(files, buildVersion);
	if (readFingerprint(db) === fingerprint) return { skipped: true };
	const result = validateContent(files);
	if (!result.ok) throw new ContentInvalidError(result.errors);
	const report = importContent(db, result.bundle, now);
	writeFingerprint(db, fingerprint);
	return { skipped: false, ...report };
}
