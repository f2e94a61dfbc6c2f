// `npm run paraglide`: writes the interface languages into Paraglide's project settings (from
// LANGUAGES, build-tools/inlang-settings.ts), then compiles the message catalogs to src/lib/paraglide.
// Extra arguments (e.g. --silent) go to the compiler.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PARAGLIDE_OPTIONS, syncInlangLocales } from '../build-tools/inlang-settings';

if (syncInlangLocales()) console.log('project.inlang/settings.json: locales written from LANGUAGES.');
const compile = spawnSync(
	process.execPath,
	[
		join('node_modules', '@inlang', 'paraglide-js', 'bin', 'run.js'),
		'compile',
		'--project',
		PARAGLIDE_OPTIONS.project,
		'--outdir',
		PARAGLIDE_OPTIONS.outdir,
		'--strategy',
		...PARAGLIDE_OPTIONS.strategy,
		...process.argv.slice(2)
	],
	{ stdio: 'inherit' }
);
process.exit(compile.status ?? 1);
