import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
	CONTENT_PATHS,
	formatContentError,
	validateContent
} from '../../domain/content';
import { TRANSLATION_PATHS } from '../../domain/content/translations';
import type { ContentBundle, ContentError, ContentFile } from '../../domain/content';

/** Thrown when the content files do not validate; `message` lists every problem, one per line. */
export class ContentInvalidError extends Error {
	readonly errors: ContentError[];
	constructor(errors: ContentError[]) {
		super(
			`Content is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n` +
				errors.map((error) => `  ${formatContentError(error)}`).join('\n')
		);
		this.name = 'ContentInvalidError';
		this.errors = errors;
	}
}

/** The folder holding `content/` and `questions/`: CONTENT_ROOT, else the working directory. */
export function resolveContentRoot(): string {
	return resolve(process.env.CONTENT_ROOT ?? '.');
}

function listFiles(root: string, dir: string, pattern: RegExp): string[] {
	const full = join(root, dir);
	if (!existsSync(full)) return [];
	return readdirSync(full, { withFileTypes: true })
		.filter((entry) => entry.isFile() && pattern.test(entry.name))
		.map((entry) => `${dir}${entry.name}`)
		.sort();
}

/** Every file below a folder (recursively), as paths relative to the root; none when it is absent. */
function listTree(root: string, dir: string): string[] {
	const full = join(root, dir);
	if (!existsSync(full)) return [];
	return readdirSync(full, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** Reads every content file below `root` (paths in the result are relative to it). */
export function readContentFiles(root: string): ContentFile[] {
	const paths: string[] = [
		CONTENT_PATHS.themes,
		CONTENT_PATHS.sources,
		CONTENT_PATHS.topics,
		CONTENT_PATHS.quickAnswers,
		CONTENT_PATHS.examPlan
	].filter((path) => existsSync(join(root, path)));
	paths.push(
		...listFiles(root, CONTENT_PATHS.guidesDir, /\.md$/),
		...listFiles(root, CONTENT_PATHS.guideTranslationsDir, /\.md$/),
		...listFiles(root, CONTENT_PATHS.questionsDir, /\.ya?ml$/),
		...listFiles(root, CONTENT_PATHS.wordsDir, /\.ya?ml$/),
		// every file in a translation folder: one with a wrong name or place is reported, not skipped
		...listTree(root, TRANSLATION_PATHS.questionsDir),
		...listTree(root, TRANSLATION_PATHS.contentDir)
	);
	return paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
}

/** Reads and validates the content; throws ContentInvalidError with every problem found. */
export function loadContent(root = resolveContentRoot()): ContentBundle {
	const result = validateContent(readContentFiles(root));
	if (!result.ok) throw new ContentInvalidError(result.errors);
	return result.bundle;
}
