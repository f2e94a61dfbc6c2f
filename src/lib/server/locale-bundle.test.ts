import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replaceScriptHashes, useLocaleBundle, useLocaleBundleLinks } from './locale-bundle';

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

const SCRIPT = `
	Promise.all([import("./_app/immutable/entry/start.Ab1.js"), import("./_app/immutable/entry/app.Cd2.js")]);
	const data = {title:"_app/immutable/ in a text"};`;
const PAGE = `<html><head><link href="../_app/immutable/assets/0.css" rel="stylesheet"><link rel="modulepreload" href="../_app/immutable/entry/start.Ab1.js"></head>
<body><p>"./_app/immutable/ typed by a teacher"</p><script>${SCRIPT}</script></body></html>`;

describe('a page takes its JavaScript from its language’s build', () => {
	it('points links and the start-up imports at _app/immutable/l/<locale>/, and nothing else', () => {
		const { html } = useLocaleBundle(PAGE, 'ar');
		// stylesheets stay where they are (their links to fonts are relative)
		expect(html).toContain('href="../_app/immutable/assets/0.css"');
		expect(html).toContain('href="../_app/immutable/l/ar/entry/start.Ab1.js"');
		expect(html).toContain('import("./_app/immutable/l/ar/entry/start.Ab1.js")');
		expect(html).toContain('import("./_app/immutable/l/ar/entry/app.Cd2.js")');
		// text of the page is not a link
		expect(html).toContain('<p>"./_app/immutable/ typed by a teacher"</p>');
		// done once: a second pass changes nothing
		expect(useLocaleBundle(html, 'ar').html).toBe(html);
	});

	it('gives the changed start-up script’s new hash for the Content-Security-Policy', () => {
		const { html, hashes } = useLocaleBundle(PAGE, 'uk');
		const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
		expect(hashes).toEqual([{ from: hash(SCRIPT), to: hash(script) }]);
		const policy = `default-src 'self'; script-src 'self' 'sha256-${hash(SCRIPT)}'; object-src 'none'`;
		expect(replaceScriptHashes(policy, hashes)).toBe(`default-src 'self'; script-src 'self' 'sha256-${hash(script)}'; object-src 'none'`);
	});

	it('points the Link header’s module preloads there too, and leaves the stylesheets', () => {
		const header = '<./_app/immutable/assets/0.css>; rel="preload"; as="style"; nopush, <./_app/immutable/entry/start.Ab1.js>; rel="modulepreload"; nopush, <./_app/immutable/chunks/X.js>; rel="modulepreload"; nopush';
		expect(useLocaleBundleLinks(header, 'fa')).toBe(
			'<./_app/immutable/assets/0.css>; rel="preload"; as="style"; nopush, <./_app/immutable/l/fa/entry/start.Ab1.js>; rel="modulepreload"; nopush, <./_app/immutable/l/fa/chunks/X.js>; rel="modulepreload"; nopush'
		);
	});
});
