import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout must mirror for a right-to-left language (issue: the learner's own language), so the
 * styles use logical properties (inline-start/end, text-align start/end), never left or right.
 */

function listStyleFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : listStyleFiles(path);
		return /\.(svelte|css)$/.test(entry.name) ? [path] : [];
	});
}

/** The CSS of a file: a stylesheet whole, a component's <style> blocks. */
function cssOf(path: string): string {
	const text = readFileSync(path, 'utf8');
	if (path.endsWith('.css')) return text;
	return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
}

const PHYSICAL = /(?:^|[\s;{])((?:margin|padding|border)-(?:left|right)[\w-]*|(?:left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)|border-(?:top|bottom)-(?:left|right)-radius)/gm;

describe('styles', () => {
	it('use logical properties, never left or right', () => {
		const found = listStyleFiles('src').flatMap((path) => [...cssOf(path).matchAll(PHYSICAL)].map((match) => `${path}: ${match[1]}`));
		expect(found).toEqual([]);
	});

	it('find a physical property where there is one', () => {
		expect(['.a { margin-left: 1rem; }', '.b {\n\tleft: 0;\n}', '.c { text-align: right }'].map((css) => [...css.matchAll(PHYSICAL)].length)).toEqual([1, 1, 1]);
		expect([...'.d { margin-inline-start: 1rem; inset-inline-end: 0; text-align: start }'.matchAll(PHYSICAL)]).toEqual([]);
	});
});
