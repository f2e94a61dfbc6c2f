// `npm run bench:js` (after `npm run build`): the JavaScript a first visit to a page downloads,
// brotli-compressed as the server sends it: the client entry, the root layout and the page's own
// node, with every chunk they import. Prints kB per page; the budget for the practice page is 50 kB.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SERVER = '.svelte-kit/output/server';
const CLIENT = 'build/client';
if (!existsSync(join(SERVER, 'manifest.js')) || !existsSync(CLIENT)) {
	console.error('Build first: npm run build');
	process.exit(1);
}

const files = (text: string): string[] => [...text.matchAll(/"(_app\/immutable\/[^"]+\.js)"/g)].map((match) => match[1]!);
const manifest = readFileSync(join(SERVER, 'manifest.js'), 'utf8');
const entry = files(/client: \{(.*?)\},\n/s.exec(manifest)?.[1] ?? '');

/** The node of a route: the generated node file that loads the route's +page.svelte. */
function nodeImports(route: string): string[] {
	for (let index = 0; index < 200; index += 1) {
		const path = join(SERVER, 'nodes', `${index}.js`);
		if (!existsSync(path)) break;
		const text = readFileSync(path, 'utf8');
		if (text.includes(`entries/pages${route}/_page.svelte.js`) || (route === '' && index === 0)) {
			return files(text.split('export const imports')[1]?.split(';')[0] ?? '');
		}
	}
	throw new Error(`no node for route "${route}"`);
}

const layout = nodeImports('');
const pages: [string, string][] = [
	['practice (/practice/session)', '/practice/session'],
	['home (/)', ''],
	['mock exam question (/exam/[id])', '/exam/_id_'],
	['guide (/guides/[slug])', '/guides/_slug_']
];
const BUDGET_KB = 50;
for (const [name, route] of pages) {
	const all = new Set([...entry, ...layout, ...(route === '' ? [] : nodeImports(route))]);
	const bytes = [...all].reduce((sum, file) => sum + statSync(join(CLIENT, `${file}.br`)).size, 0);
	const kb = bytes / 1024;
	console.log(`${name.padEnd(34)} ${kb.toFixed(1).padStart(6)} kB brotli, ${all.size} files${route === '/practice/session' ? ` (budget ${BUDGET_KB} kB: ${kb <= BUDGET_KB ? 'within' : 'OVER'})` : ''}`);
}
