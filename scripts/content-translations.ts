// `npm run content:translations -- <lang> [kind] [theme]`: what a translator has to do for one
// language. Prints YAML of every item without a current translation (missing, or stale because the
// Dutch changed), each with its id, the hash to copy into the translation, the Dutch text to
// translate and the English to compare with. Reads the files only; writes nothing.
//   kind: question | quick-answer | guide | theme | word (all kinds when left out)
//   theme: a theme slug, for questions and words
import { stringify } from 'yaml';
import { validateContent, formatContentError } from '../src/lib/domain/content';
import { classifyTranslationPath, isTranslatedLocale, isTranslationPath, listTranslatableItems, TRANSLATED_LOCALES, TRANSLATION_KINDS, translationHash } from '../src/lib/domain/content/translations';
import type { Translation, TranslationKind } from '../src/lib/domain/content/translations';
import { readContentFiles, resolveContentRoot } from '../src/lib/server/content/load';

const [locale, kind, theme] = process.argv.slice(2);
if (!locale || !isTranslatedLocale(locale)) {
	console.error(`Usage: npm run content:translations -- <lang> [kind] [theme]\n  lang: ${TRANSLATED_LOCALES.join(', ')}\n  kind: ${TRANSLATION_KINDS.join(', ')}`);
	process.exit(1);
}
if (kind !== undefined && !(TRANSLATION_KINDS as readonly string[]).includes(kind)) {
	console.error(`Unknown kind "${kind}"; kinds: ${TRANSLATION_KINDS.join(', ')}`);
	process.exit(1);
}
const files = readContentFiles(resolveContentRoot());
const base = files.filter((file) => !isTranslationPath(file.path));
const result = validateContent(base);
if (!result.ok) {
	for (const error of result.errors) console.error(formatContentError(error));
	process.exit(1);
}
// This language's translation files one by one: a file with a problem (or one being written) is
// reported and counts as not translated; the others still count.
const translations: Translation[] = [];
for (const file of files.filter((f) => classifyTranslationPath(f.path)?.locale === locale)) {
	const checked = validateContent([...base, file]);
	if (checked.ok) translations.push(...checked.bundle.translations);
	else for (const error of checked.errors) console.error(`not counted: ${formatContentError(error)}`);
}
const current = new Set(translations.filter((t) => !t.stale).map((t) => `${t.kind}:${t.id}`));
const stale = new Set(translations.filter((t) => t.stale).map((t) => `${t.kind}:${t.id}`));
const todo = listTranslatableItems(result.bundle).filter(
	(item) => !current.has(`${item.kind}:${item.id}`) && (kind === undefined || item.kind === (kind as TranslationKind)) && (theme === undefined || item.theme === theme)
);
console.log(
	stringify(
		todo.map((item) => ({
			kind: item.kind,
			id: item.id,
			...(item.theme ? { theme: item.theme } : {}),
			hash: translationHash(item.dutch),
			...(stale.has(`${item.kind}:${item.id}`) ? { stale: true } : {}),
			nl: item.dutch,
			en: item.english
		})),
		{ lineWidth: 0 }
	)
);
console.error(`${todo.length} item(s) to translate into ${locale}.`);
