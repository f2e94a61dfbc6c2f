import { transformSync } from 'esbuild';
import type { Plugin } from 'vite';
import { LOCALES } from '../src/lib/domain/locale.js';
import { localeBundleDir } from '../src/lib/server/locale-bundle.js';

/*
 * One set of browser JavaScript per interface language, so a page downloads only its own
 * language's messages.
 *
 * Paraglide compiles every message into one function that holds the text in all languages and
 * picks one at run time. In the browser build this plugin makes that choice read a placeholder,
 * `globalThis.__KNM_LOCALE__` (undefined at run time: the normal choice). After the build, every
 * file under _app/immutable/ is written again under _app/immutable/l/<locale>/ with the
 * placeholder replaced by that language and minified, which drops the other languages' texts.
 * The files import each other by relative paths, so a page that starts from a language's folder
 * stays in it, also when it navigates. Stylesheets are not copied: the chunks name them three
 * folders up, where they are. The server points each page at its language's folder
 * (hooks.server.ts, `useLocaleBundle`).
 *
 * The placeholder comes before an explicit `{ locale }` option, so browser code must not ask a
 * message in another language (a test checks the components); the server does that instead.
 */

export const LOCALE_PLACEHOLDER = 'globalThis.__KNM_LOCALE__';

const MESSAGE_MODULE = /[\\/]src[\\/]lib[\\/]paraglide[\\/]messages[\\/](?!_index)[^\\/]+\.js$/;
/** Paraglide's choice of a language's text, once per language: `if (locale === "nl") return nl_…(inputs)`. */
const PARAGLIDE_CHOICE = 'if (locale === "';

export function localeBundles(): Plugin {
	return {
		name: 'knm-locale-bundles',
		apply: 'build',
		transform(code, id) {
			if (this.environment.name !== 'client' || !MESSAGE_MODULE.test(id)) return null;
			if (!code.includes(PARAGLIDE_CHOICE)) return null;
			return { code: code.replaceAll(PARAGLIDE_CHOICE, `if ((${LOCALE_PLACEHOLDER} ?? locale) === "`), map: null };
		},
		generateBundle: {
			// after Vite's own last touches to the chunks (its preload helper is filled in then)
			order: 'post',
			handler(_options, bundle) {
				if (this.environment.name !== 'client') return;
				let replaced = 0;
				for (const file of Object.values(bundle)) {
					// the JavaScript only: stylesheets and other assets stay where they are, so their
					// relative links (fonts) keep working
					if (file.type !== 'chunk' || !file.fileName.startsWith('_app/immutable/')) continue;
					const rest = file.fileName.slice('_app/immutable/'.length);
					if (file.code.includes(LOCALE_PLACEHOLDER)) replaced += 1;
					// a chunk names stylesheets relative to itself: from l/<locale>/<dir>/ they are three folders up
					const code = file.code.replace(/(["'`])\.\.\/assets\//g, '$1../../../assets/');
					for (const locale of LOCALES) {
						const source = code.includes(LOCALE_PLACEHOLDER)
							? transformSync(code.replaceAll(LOCALE_PLACEHOLDER, JSON.stringify(locale)), { minify: true, treeShaking: true, format: 'esm', charset: 'utf8', target: 'esnext' }).code
							: code;
						this.emitFile({ type: 'asset', fileName: `${localeBundleDir(locale)}${rest}`, source });
					}
				}
				if (replaced === 0) this.error('no message chunk carries the locale placeholder: Paraglide\'s output changed; see build-tools/locale-bundles.ts');
			}
		}
	};
}
