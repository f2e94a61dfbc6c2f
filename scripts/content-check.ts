// `npm run content:check`: validates every content file without a database and checks the bank's
// quality rules (quality.ts). Prints one JSON
// summary line (counts per theme, per eindterm, per content kind, and the number of warnings, each
// warning on stderr), or the problems and exit 1.
import { formatContentError, summarizeContent, validateContent } from '../src/lib/domain/content';
import { checkBankQuality, checkBankWarnings } from '../src/lib/domain/content/quality';
import { readContentFiles, resolveContentRoot } from '../src/lib/server/content/load';

const result = validateContent(readContentFiles(resolveContentRoot()));
if (!result.ok) {
	for (const error of result.errors) console.error(formatContentError(error));
	console.error(`content:check failed: ${result.errors.length} problem(s).`);
	process.exit(1);
}
// the bank's quality rules (the same the bank test checks): counts, coverage, lengths, links
const problems = checkBankQuality(result.bundle);
if (problems.length > 0) {
	for (const problem of problems) console.error(problem);
	console.error(`content:check failed: ${problems.length} quality problem(s).`);
	process.exit(1);
}
const warnings = checkBankWarnings(result.bundle);
for (const warning of warnings) console.error(`warning: ${warning}`);
// a stale translation is not an error (learners see English until it is refreshed), but it is listed
for (const translation of result.bundle.translations.filter((item) => item.stale)) {
	console.error(`stale translation: ${translation.file}: ${translation.id} (the Dutch changed; translate it again and update its hash)`);
}
console.log(JSON.stringify({ ...summarizeContent(result.bundle), warnings: warnings.length }));
