import { createHash } from 'node:crypto';

/*
 * Each page loads the browser JavaScript built for its interface language
 * (build-tools/locale-bundles.ts): the same files under _app/immutable/l/<locale>/, holding only
 * that language's messages. The page's links and its start-up script are pointed there; the
 * start-up script is inline, so its hash in the Content-Security-Policy is replaced too.
 */

/** A link to a built script: a quote or bracket, an optional relative or root prefix, then its folder (stylesheets stay where they are). */
const BUILT_PATH = /(["'(<])((?:\.{1,2}\/)*|\/)_app\/immutable\/(?=(?:entry|nodes|chunks)\/)/g;
const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** Where a language's copy of the built scripts lives (written by the build plugin, read by the server and bench:js). */
export const localeBundleDir = (locale: string): string => `_app/immutable/l/${locale}/`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');

const pointAt = (text: string, locale: string): string => text.replace(BUILT_PATH, (_, open: string, prefix: string) => `${open}${prefix}${localeBundleDir(locale)}`);

/** The `Link` header's module preloads, from the language's folder (SvelteKit sends them with a page). */
export function useLocaleBundleLinks(header: string, locale: string): string {
	return pointAt(header, locale);
}

export interface LocaleBundlePage {
	html: string;
	/** for each inline script that changed: the CSP hash it had and the one it has now */
	hashes: { from: string; to: string }[];
}

/** The page with its built files taken from the language's folder. */
export function useLocaleBundle(html: string, locale: string): LocaleBundlePage {
	const hashes: { from: string; to: string }[] = [];
	const point = (text: string) => pointAt(text, locale);
	const withScripts = html.replace(INLINE_SCRIPT, (whole, body: string) => {
		const changed = point(body);
		if (changed === body) return whole;
		hashes.push({ from: sha256(body), to: sha256(changed) });
		return `<script>${changed}</script>`;
	});
	// links in the head (stylesheets, module preloads) and the rest of the page
	return { html: withScripts.replace(/<(link|script)\b[^>]*>/g, (tag) => point(tag)), hashes };
}

/** The Content-Security-Policy with each changed inline script's hash replaced. */
export function replaceScriptHashes(policy: string, hashes: { from: string; to: string }[]): string {
	return hashes.reduce((result, { from, to }) => result.replaceAll(`'sha256-${from}'`, `'sha256-${to}'`), policy);
}
