import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
import { PARAGLIDE_OPTIONS, syncInlangLocales } from './build-tools/inlang-settings.js';
import { localeBundles } from './build-tools/locale-bundles.js';

// Paraglide's languages are written from LANGUAGES (src/lib/domain/locale.ts) before it compiles.
syncInlangLocales();

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({ ...PARAGLIDE_OPTIONS, strategy: [...PARAGLIDE_OPTIONS.strategy] }),
		localeBundles()
	]
});
