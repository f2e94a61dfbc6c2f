import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'.tmp/',
			'data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			],
			'svelte/button-has-type': 'error',
			// KNM Hub is served at the site root (no kit.paths.base), so plain internal hrefs are correct.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The domain layer is pure: no framework, no database, no clock, no randomness.
		files: ['src/lib/domain/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['$app/*', '$lib/server/*', '**/server/**'], message: 'lib/domain must stay pure.' },
						{ group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'node:*'], message: 'lib/domain must stay pure.' }
					]
				}
			],
			'no-restricted-properties': [
				'error',
				{ object: 'Date', property: 'now', message: 'Pass the time in as an argument.' },
				{ object: 'Math', property: 'random', message: 'Pass randomness in as an argument.' }
			]
		}
	}
);
