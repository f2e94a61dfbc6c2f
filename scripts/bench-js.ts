// `npm run bench:js` (after `npm run build`): the JavaScript a first visit to a page downloads,
// brotli-compressed as the server sends it: the client entry, the root layout and the page's own
// node, with every chunk they import, from the build of each interface language
// (_app/immutable/l/<locale>/, build-tools/locale-bundles.ts). Prints kB per page and language;
// the budget for the practice page is 50 kB in every language.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../src/lib/domain/locale';
import { localeBundleDir } from '../src/lib/server/locale-bundle';

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
const sizeOf = (file: string, locale: string) => statSync(join(CLIENT, file.replace('_app/immutable/', localeBundleDir(locale)) + '.br')).size;
const report: Record<string, Record<string, number>> = {};
let over = false;
console.log(`${'page'.padEnd(34)} ${LOCALES.map((locale) => locale.padStart(6)).join(' ')}   (kB brotli)`);
for (const [name, route] of pages) {
	const all = [...new Set([...entry, ...layout, ...(route === '' ? [] : nodeImports(route))])];
	report[name] = {};
	for (const locale of LOCALES) report[name][locale] = Math.round((all.reduce((sum, file) => sum + sizeOf(file, locale), 0) / 1024) * 10) / 10;
	const practice = route === '/practice/session';
	if (practice) over = Object.values(report[name]).some((kb) => kb > BUDGET_KB);
	console.log(`${name.padEnd(34)} ${LOCALES.map((locale) => report[name]![locale]!.toFixed(1).padStart(6)).join(' ')}${practice ? `   budget ${BUDGET_KB} kB: ${over ? 'OVER' : 'within'}` : ''}`);
}
console.log(JSON.stringify({ budgetKb: BUDGET_KB, practiceWithinBudget: !over, pages: report }));
