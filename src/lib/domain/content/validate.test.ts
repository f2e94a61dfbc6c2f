import { describe, expect, it } from 'vitest';
import { buildContentFiles, EXAM_PLAN, QUESTION_1, QUESTION_2, questionsYaml } from './test-fixtures';
import { formatContentError, validateContent } from './validate';

const QUESTIONS = 'questions/wonen.yaml';

/** Validates the fixture with one file replaced and returns the formatted error lines. */
function errorsWith(overrides: Record<string, string | null>): string[] {
	const result = validateContent(buildContentFiles(overrides));
	if (result.ok) return [];
	return result.errors.map(formatContentError);
}

describe('validateContent', () => {
	it('accepts the valid fixture and builds the bundle', () => {
		const result = validateContent(buildContentFiles());
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.bundle.questions.map((q) => q.id)).toEqual(['wo-001', 'wo-002']);
		expect(result.bundle.questions[0]?.correctIndex).toBe(0);
		expect(result.bundle.guides.find((g) => g.slug === 'which-integration-exams')?.body.nl).toContain(
			'De delen'
		);
		expect(result.bundle.themes[0]?.eindtermen[0]?.indicators).toHaveLength(2);
	});

	it('reports an unknown source slug with file and id', () => {
		const question = QUESTION_1.replace('sources: [huurcommissie]', 'sources: [huurkommissie]');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([question, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: unknown source slug "huurkommissie"'
		]);
	});

	it('reports an unknown guide slug in a quick answer', () => {
		const answers = `quick_answers:
  - id: exam-parts
    question: { en: Which exams?, nl: Welke examens? }
    answer: { en: Language and KNM., nl: Taal en KNM. }
    guide: no-such-guide
`;
		expect(errorsWith({ 'content/quick-answers.yaml': answers })).toEqual([
			'content/quick-answers.yaml: exam-parts: unknown guide slug "no-such-guide"'
		]);
	});

	it('reports a duplicate question id', () => {
		const copy = QUESTION_2.replace('id: wo-002', 'id: wo-001');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1, copy]) })).toEqual([
			'questions/wonen.yaml: wo-001: duplicate question id (first defined in questions/wonen.yaml)'
		]);
	});

	it('reports a question with 2 options', () => {
		const twoOptions = QUESTION_1.replace(
			`      - nl: Het UWV
        en: UWV
`,
			''
		);
		expect(errorsWith({ [QUESTIONS]: questionsYaml([twoOptions, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: has 2 options; a question needs exactly 3'
		]);
	});

	it('reports a question with 4 options', () => {
		const fourOptions = QUESTION_1.replace(
			`      - nl: Het UWV
        en: UWV
`,
			`      - nl: Het UWV
        en: UWV
      - nl: De SVB
        en: SVB
`
		);
		expect(errorsWith({ [QUESTIONS]: questionsYaml([fourOptions, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: has 4 options; a question needs exactly 3'
		]);
	});

	it('reports a question with no correct option', () => {
		const none = QUESTION_1.replace('        correct: true\n', '');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([none, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: has 0 correct options; exactly one option must be marked correct: true'
		]);
	});

	it('reports a question with two correct options', () => {
		const two = QUESTION_1.replace('        en: UWV\n', '        en: UWV\n        correct: true\n');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([two, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: has 2 correct options; exactly one option must be marked correct: true'
		]);
	});

	it('reports a question without source_url as a missing source', () => {
		const noSource = QUESTION_1.replace('    source_url: https://www.huurcommissie.nl/onderwerpen/huurprijs-en-punten\n', '');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([noSource, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: missing source: source_url must name the official page that backs the fact'
		]);
	});

	it('reports a question without hub sources or guides as a missing source', () => {
		const noLinks = QUESTION_2.replace('    sources: [huurcommissie]\n', '');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1, noLinks]) })).toEqual([
			'questions/wonen.yaml: wo-002: missing source: name at least one hub source or guide'
		]);
	});

	it('reports a source_url that is not https on an official domain', () => {
		const blog = QUESTION_1.replace('https://www.huurcommissie.nl/onderwerpen/huurprijs-en-punten', 'http://example.com/huur');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([blog, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: source_url "http://example.com/huur" must be https on an official domain'
		]);
	});

	it('reports a homepage as source_url, and one on no site of the sources the question names', () => {
		const homepage = QUESTION_1.replace('https://www.huurcommissie.nl/onderwerpen/huurprijs-en-punten', 'https://www.huurcommissie.nl/');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([homepage, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: source_url "https://www.huurcommissie.nl/" is a homepage; cite the page that states the fact'
		]);
		// duo.nl is official, but wo-001 names only the Huurcommissie
		const elsewhere = QUESTION_1.replace('https://www.huurcommissie.nl/onderwerpen/huurprijs-en-punten', 'https://duo.nl/particulier/huur');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([elsewhere, QUESTION_2]) })).toEqual([
			"questions/wonen.yaml: wo-001: source_url is on duo.nl, which is not a site of huurcommissie; name the source that publishes it (sources.yaml lists each source's domains)"
		]);
		// naming the source whose site it is, or a subdomain of that site, passes
		const named = elsewhere.replace('sources: [huurcommissie]', 'sources: [huurcommissie, duo]');
		const subdomain = QUESTION_1.replace('https://www.huurcommissie.nl/onderwerpen/huurprijs-en-punten', 'https://zoeken.huurcommissie.nl/uitspraak');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([named, QUESTION_2]) })).toEqual([]);
		expect(errorsWith({ [QUESTIONS]: questionsYaml([subdomain, QUESTION_2]) })).toEqual([]);
	});

	it('reports a near-duplicate question unless one names the other as a variant', () => {
		// the same fact asked again: most question words and the right answer are the same
		const again = QUESTION_1.replace('id: wo-001', 'id: wo-003').replace('Wie helpt bij ruzie over de huurprijs?', 'Wie helpt u bij ruzie over de huurprijs met de verhuurder?');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1, QUESTION_2, again]) })).toEqual([
			'questions/wonen.yaml: wo-003: near-duplicate of wo-001 (question words 75% the same, right answers 100%): merge them, make them test different facts, or name the other in variants'
		]);
		const variant = again.replace('    guides: [knm-wonen]\n', '    guides: [knm-wonen]\n    variants: [wo-001]\n');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1, QUESTION_2, variant]) })).toEqual([]);
		// a different fact with the same words around it is no duplicate
		const other = again.replace('Wie helpt u bij ruzie over de huurprijs met de verhuurder?', 'Wie helpt bij ruzie over de servicekosten?').replace('nl: De Huurcommissie', 'nl: Het Juridisch Loket');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1, QUESTION_2, other]) }).filter((error) => error.includes('near-duplicate'))).toEqual([]);
		const unknown = QUESTION_2.replace('    sources: [huurcommissie]\n', '    sources: [huurcommissie]\n    variants: [wo-099]\n');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1, unknown]) })).toEqual(['questions/wonen.yaml: wo-002: variants names unknown question "wo-099"']);
	});

	it('reads the KNM words of a theme and reports every kind of bad word', () => {
		const WORDS = 'content/words/wonen.yaml';
		const word = (id: string, fields: string) => `  - id: ${id}\n${fields}`;
		const good = word(
			'huurcontract',
			'    term: huurcontract\n    article: het\n    definition: De afspraken tussen huurder en verhuurder, op papier.\n    translation: rental agreement\n    example: Lees uw huurcontract goed.\n    guide: knm-wonen\n'
		);
		const file = (...words: string[]) => `theme: wonen\nwords:\n${words.join('')}`;
		const result = validateContent(buildContentFiles({ [WORDS]: file(good) }));
		expect(result.ok && result.bundle.words).toEqual([
			{
				id: 'huurcontract',
				file: WORDS,
				term: 'huurcontract',
				article: 'het',
				definition: 'De afspraken tussen huurder en verhuurder, op papier.',
				translation: 'rental agreement',
				example: 'Lees uw huurcontract goed.',
				themes: ['wonen'],
				guide: 'knm-wonen',
				link: true,
				position: 0
			}
		]);
		const bad = [
			word('verhuurder', '    term: verhuurder\n    article: de\n    definition: Dit is de verhuurder van het huis.\n    translation: landlord\n    example: De verhuurder belt.\n'),
			word('huurder', '    term: huurder\n    article: de\n    definition: Iemand die huurt. Hij betaalt elke maand.\n    translation: tenant\n    example: Zij woont hier.\n    themes: [verkeer]\n    guide: geen-gids\n'),
			word('huurcontract-2', '    term: Huurcontract\n    article: het\n    definition: Een papier met afspraken.\n    translation: lease\n    example: Het huurcontract is klaar.\n'),
			word('woning', '    term: woning\n    article: een\n    definition: Een huis.\n    translation: home\n    example: Een woning.\n')
		];
		expect(errorsWith({ [WORDS]: file(good, ...bad) })).toEqual([
			'content/words/wonen.yaml: woning: words.4.article Invalid option: expected one of "de"|"het"'
		]);
		expect(errorsWith({ [WORDS]: file(good, ...bad.slice(0, 3)) })).toEqual([
			'content/words/wonen.yaml: verhuurder: the definition uses the term "verhuurder" itself',
			'content/words/wonen.yaml: huurder: unknown theme "verkeer"',
			'content/words/wonen.yaml: huurder: the definition must be one sentence of at most 20 words (it has 7)',
			'content/words/wonen.yaml: huurder: the example does not use the term "huurder"',
			'content/words/wonen.yaml: huurcontract: duplicate word term (first defined in content/words/wonen.yaml)',
			'content/words/wonen.yaml: huurder: unknown guide slug "geen-gids"'
		]);
		expect(errorsWith({ 'content/words/verkeer.yaml': file(good) })).toEqual([
			'content/words/verkeer.yaml: the file must be named after its theme, and "wonen" must be a theme slug'
		]);
	});

	it('reports an unknown theme', () => {
		expect(errorsWith({ [QUESTIONS]: questionsYaml([QUESTION_1], 'huisvesting') })).toEqual([
			'questions/wonen.yaml: unknown theme "huisvesting"'
		]);
	});

	it('reports an unknown eindterm', () => {
		const wrongCode = QUESTION_1.replace('eindterm: 3.1.2', 'eindterm: 3.9.1');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([wrongCode, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: unknown eindterm "3.9.1" for theme 3 (wonen)'
		]);
	});

	it('reports an eindterm of another theme as unknown', () => {
		const otherTheme = QUESTION_1.replace('eindterm: 3.1.2', 'eindterm: 6.1.1');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([otherTheme, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: unknown eindterm "6.1.1" for theme 3 (wonen)'
		]);
	});

	it('reports malformed YAML with the file name', () => {
		const errors = errorsWith({ [QUESTIONS]: 'theme: wonen\nquestions:\n  - id: [wo-001\n' });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^questions\/wonen\.yaml: malformed YAML: /);
	});

	it('reports a missing required field with the item id', () => {
		const noExplanation = QUESTION_1.replace(
			/ {4}explanation:\n.*\n.*\n/,
			''
		);
		expect(errorsWith({ [QUESTIONS]: questionsYaml([noExplanation, QUESTION_2]) })).toEqual([
			expect.stringMatching(/^questions\/wonen\.yaml: wo-001: explanation /)
		]);
	});

	it('reports an unknown source slug in a topic and a guide', () => {
		const guide = buildContentFiles()
			.find((f) => f.path === 'content/guides/knm-wonen.md')!
			.text.replace('sources: [huurcommissie, inburgeren-nl]', 'sources: [huurcommissie, ind]');
		expect(errorsWith({ 'content/guides/knm-wonen.md': guide })).toEqual([
			'content/guides/knm-wonen.md: knm-wonen: unknown source slug "ind"'
		]);
	});

	it('reports a guide whose slug does not match its file name', () => {
		const guide = buildContentFiles().find((f) => f.path === 'content/guides/knm-wonen.md')!.text;
		expect(errorsWith({ 'content/guides/knm-wonen.md': null, 'content/guides/wonen.md': guide })).toContain(
			'content/guides/wonen.md: knm-wonen: slug must match the file name "wonen"'
		);
	});

	it('keeps an unquoted eindterm code 3.10 as written instead of reading the number 3.1', () => {
		const themes = buildContentFiles()
			.find((f) => f.path === 'content/themes.yaml')!
			.text.replace(
				'  - slug: instanties',
				`      - code: 3.10
        description: { nl: Buren, en: Neighbours }
        indicators:
          - code: 3.10.1
            description: { nl: Overlast, en: Nuisance }
  - slug: instanties`
			);
		const question = QUESTION_1.replace('eindterm: 3.1.2', 'eindterm: 3.10');
		const result = validateContent(
			buildContentFiles({ 'content/themes.yaml': themes, [QUESTIONS]: questionsYaml([question, QUESTION_2]) })
		);
		if (!result.ok) throw new Error(result.errors.map(formatContentError).join('\n'));
		expect(result.bundle.themes[0]?.eindtermen.map((e) => e.code)).toEqual(['3.1', '3.10']);
		expect(result.bundle.questions[0]?.eindterm).toBe('3.10');
	});

	it('reports a text with an unknown language key, naming the file, the id and the key', () => {
		const turkish = QUESTION_1.replace(
			'      en: Who helps with a dispute about the rent?\n',
			'      en: Who helps with a dispute about the rent?\n      tr: Kira anlaşmazlığında kim yardım eder?\n'
		);
		expect(errorsWith({ [QUESTIONS]: questionsYaml([turkish, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: question has unknown key "tr" (a text has only nl and en)'
		]);
		const themes = buildContentFiles()
			.find((f) => f.path === 'content/themes.yaml')!
			.text.replace('name: { nl: Wonen, en: Housing }', 'name: { nl: Wonen, en: Housing, tr: Konut }');
		expect(errorsWith({ 'content/themes.yaml': themes })).toContain(
			'content/themes.yaml: wonen: themes.0.name has unknown key "tr" (a text has only nl and en)'
		);
	});

	it('reports a misspelt key in an option', () => {
		const typo = QUESTION_1.replace('        correct: true\n', '        corect: true\n');
		expect(errorsWith({ [QUESTIONS]: questionsYaml([typo, QUESTION_2]) })).toEqual([
			'questions/wonen.yaml: wo-001: options.0 has unknown key "corect" (an option has only nl, en and correct)'
		]);
	});

	it('reports exam-plan facts the checklist needs but cannot use: missing, without weeks, unofficial, unknown guide', () => {
		const PLAN = 'content/exam-plan.yaml';
		const broken = EXAM_PLAN.replace(/ {2}- id: retake\n[\s\S]*?volatile: true\n/, '')
			.replace('    weeks: 8\n', '')
			.replace(/(id: letter-before\n[\s\S]*?)source_url: \S+/, '$1source_url: https://www.example.com/exam')
			.replace(/(id: deadline\n[\s\S]*?)guide: which-integration-exams/, '$1guide: no-such-guide')
			.replace(/ {2}- id: knm\n {4}name: \{ en: KNM, nl: KNM \}\n {4}booking: \{ '2013': duo, '2021': duo \}\n/, '');
		expect(errorsWith({ [PLAN]: broken })).toEqual([
			`${PLAN}: letter-before: source_url must be an https page on an official domain, not "https://www.example.com/exam"`,
			`${PLAN}: result-wait: this fact needs weeks (the exam plan counts with it)`,
			`${PLAN}: retake: this fact is missing (the exam plan needs it)`,
			`${PLAN}: knm: the KNM exam is missing (its date is the one practice plans for)`,
			`${PLAN}: deadline: unknown guide slug "no-such-guide"`
		]);
	});

	it('reports an exam-plan fact whose page is on another source\'s site, as for a question', () => {
		const PLAN = 'content/exam-plan.yaml';
		const elsewhere = EXAM_PLAN.replace(/(id: retake\n[\s\S]*?)source_url: \S+/, '$1source_url: https://duo.nl/particulier/herkansen');
		expect(errorsWith({ [PLAN]: elsewhere })).toEqual([
			`${PLAN}: retake: source_url is on duo.nl, which is not a site of inburgeren-nl; name the source that publishes it (sources.yaml lists each source's domains)`
		]);
		const named = elsewhere.replace(/(id: retake\n[\s\S]*?)source: inburgeren-nl/, '$1source: duo');
		expect(errorsWith({ [PLAN]: named })).toEqual([]);
	});

	it('reports a missing content file', () => {
		expect(errorsWith({ 'content/sources.yaml': null })).toContain(
			'content/sources.yaml: file is missing'
		);
	});
});
