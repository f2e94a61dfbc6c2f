// `npm run content:import`: validates the content and imports it into DATABASE_URL (the same
// import the server runs at start-up), then prints what changed as one JSON line.
import { getDb } from '../src/lib/server/db';
import { importContent } from '../src/lib/server/content/import';
import { ContentInvalidError, loadContent } from '../src/lib/server/content/load';

try {
	const report = importContent(getDb(), loadContent(), new Date());
	console.log(JSON.stringify(report));
} catch (error) {
	if (error instanceof ContentInvalidError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
