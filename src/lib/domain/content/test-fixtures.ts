import type { ContentFile } from './types';

/**
 * A small but complete, valid set of content files for tests. `overrides` replaces whole files by
 * path; pass `null` to leave a file out.
 */
export function buildContentFiles(overrides: Record<string, string | null> = {}): ContentFile[] {
	const files: Record<string, string> = {
		'content/themes.yaml': THEMES,
		'content/sources.yaml': SOURCES,
		'content/topics.yaml': TOPICS,
		'content/quick-answers.yaml': QUICK_ANSWERS,
		'content/exam-plan.yaml': EXAM_PLAN,
		'content/guides/which-integration-exams.md': GUIDE,
		'content/guides/nl/which-integration-exams.md': GUIDE_NL,
		'content/guides/knm-wonen.md': GUIDE_WONEN,
		'questions/wonen.yaml': questionsYaml([QUESTION_1, QUESTION_2])
	};
	for (const [path, text] of Object.entries(overrides)) {
		if (text === null) delete files[path];
		else files[path] = text;
	}
	return Object.entries(files).map(([path, text]) => ({ path, text }));
}

export function questionsYaml(questions: string[], theme = 'wonen'): string {
	return `theme: ${theme}\nquestions:\n${questions.join('')}`;
}

const THEMES = `themes:
  - slug: wonen
    number: 3
    name: { nl: Wonen, en: Housing }
    eindtermen:
      - code: "3.1"
        description: { nl: Een woning regelen, en: Arrange a home }
        indicators:
          - code: "3.1.1"
            description: { nl: Eerste woning, en: First home }
          - code: "3.1.2"
            description: { nl: Rechten van huurders, en: Tenant rights }
  - slug: instanties
    number: 6
    name: { nl: Instanties, en: Authorities }
    eindtermen:
      - code: "6.1"
        description: { nl: Informatie van de overheid, en: Government information }
        indicators:
          - code: "6.1.1"
            description: { nl: DigiD en BSN, en: DigiD and BSN }
`;

const SOURCES = `sources:
  - slug: duo
    name: DUO
    url: https://duo.nl/particulier/
    domains: [duo.nl]
    owner: { en: Dienst Uitvoering Onderwijs, nl: Dienst Uitvoering Onderwijs }
    usage: { en: Integration exams and loans., nl: Inburgeringsexamens en lening. }
    checked: 2026-11-29
  - slug: huurcommissie
    name: Huurcommissie
    url: https://www.huurcommissie.nl/
    domains: [huurcommissie.nl]
    owner: { en: Ministry of housing, nl: Ministerie van wonen }
    usage: { en: Disputes about rent., nl: Ruzie over de huur. }
    checked: 2026-11-29
  - slug: inburgeren-nl
    name: inburgeren.nl
    url: https://www.inburgeren.nl/
    domains: [inburgeren.nl]
    owner: { en: DUO, nl: DUO }
    usage: { en: Information about the exams., nl: Informatie over de examens. }
    checked: 2026-11-29
`;

const TOPICS = `topics:
  - slug: exam-information-and-planning
    title: { en: Exam information and planning, nl: Examens en planning }
    summary: { en: Where to read about the exams., nl: Waar u leest over de examens. }
    sources:
      - slug: duo
        reason: { en: DUO runs the exams., nl: DUO regelt de examens. }
      - slug: inburgeren-nl
        reason: { en: Explains every exam., nl: Legt elk examen uit. }
  - slug: housing
    title: { en: Housing, nl: Wonen }
    summary: { en: Renting a home., nl: Een huis huren. }
    sources:
      - slug: huurcommissie
        reason: { en: Rent disputes., nl: Ruzie over huur. }
`;

const QUICK_ANSWERS = `quick_answers:
  - id: exam-parts
    question: { en: Which exams are there?, nl: Welke examens zijn er? }
    answer: { en: Language exams and KNM., nl: Taalexamens en KNM. }
    guide: which-integration-exams
`;

/** Every fact the exam plan needs, small numbers; two exams (KNM for both laws, ONA for 2013). */
export const EXAM_PLAN = `facts:
${[
	['book-ahead', 6],
	['letter-before', 1],
	['result-wait', 8],
	['retake', null],
	['deadline', null],
	['staatsexamen-booking', null],
	['staatsexamen-result-wait', 5],
	['z-route', null]
]
	.map(
		([id, weeks]) => `  - id: ${id}
${weeks === null ? '' : `    weeks: ${weeks}\n`}    text: { en: The ${id} fact., nl: Het feit ${id}. }
    guide: which-integration-exams
    source: inburgeren-nl
    source_url: https://inburgeren.nl/examen-doen/aanmelden.jsp
    checked: 2026-12-01
    volatile: true
`
	)
	.join('')}exams:
  - id: knm
    name: { en: KNM, nl: KNM }
    booking: { '2013': duo, '2021': duo }
  - id: reading
    name: { en: Reading, nl: Lezen }
    booking: { '2013': duo, '2021': staatsexamen }
  - id: ona
    name: { en: ONA, nl: ONA }
    booking: { '2013': duo }
`;

const GUIDE = `---
slug: which-integration-exams
title: Which integration exams are there?
title_nl: Welke inburgeringsexamens zijn er?
summary: The parts of the integration exam.
summary_nl: De delen van het inburgeringsexamen.
sources: [duo, inburgeren-nl]
topics: [exam-information-and-planning]
themes: []
related: [knm-wonen]
updated: 2026-11-29
---
## The parts

The exam has language parts and **KNM**. Read more at [DUO](/sources/duo).
`;

const GUIDE_NL = `---
slug: which-integration-exams
---
## De delen

Het examen heeft taal en **KNM**.
`;

export const GUIDE_WONEN = `---
slug: knm-wonen
title: What the KNM exam asks about housing
title_nl: Wat vraagt het KNM-examen over wonen?
summary: Housing in the KNM exam.
summary_nl: Wonen in het KNM-examen.
sources: [huurcommissie, inburgeren-nl]
topics: [housing]
themes: [wonen]
updated: 2026-11-29
---
## 3.1 Renting

**Tenants (3.1.2).** Renting, tenant rights and the Huurcommissie.
`;

export const QUESTION_1 = `  - id: wo-001
    eindterm: 3.1.2
    question:
      nl: Wie helpt bij ruzie over de huurprijs?
      en: Who helps with a dispute about the rent?
    options:
      - nl: De Huurcommissie
        en: The Huurcommissie
        correct: true
      - nl: De Belastingdienst
        en: The tax office
      - nl: Het UWV
        en: UWV
    explanation:
      nl: De Huurcommissie beslist bij ruzie over de huur.
      en: The Huurcommissie decides disputes about the rent.
    sources: [huurcommissie]
    guides: [knm-wonen]
    source_url: https://www.huurcommissie.nl/onderwerpen/huurprijs-en-punten
    checked: 2026-11-29
`;

export const QUESTION_2 = `  - id: wo-002
    eindterm: 3.1.1
    question:
      nl: Wat tekent u als u een huis huurt?
      en: What do you sign when you rent a home?
    options:
      - nl: Een huurcontract
        en: A rental contract
        correct: true
      - nl: Een arbeidscontract
        en: An employment contract
      - nl: Een zorgpolis
        en: A health insurance policy
    explanation:
      nl: In een huurcontract staan de huurprijs en de regels.
      en: A rental contract states the rent and the rules.
    sources: [huurcommissie]
    source_url: https://www.huurcommissie.nl/onderwerpen/huurcontract
    checked: 2026-11-29
    volatile: false
`;

/** Four KNM words of the wonen theme (content/words/wonen.yaml), for word-card tests. */
export const WORDS_WONEN = `theme: wonen
words:
  - id: huurcontract
    term: huurcontract
    article: het
    definition: Een papier met de afspraken tussen huurder en verhuurder.
    translation: rental contract
    example: Lees het huurcontract goed voordat u tekent.
    guide: knm-wonen
  - id: huurtoeslag
    term: huurtoeslag
    article: de
    definition: Geld van de overheid als uw huur hoog is en uw inkomen laag.
    translation: rent benefit
    example: Zij vraagt huurtoeslag aan.
  - id: verhuurder
    term: verhuurder
    article: de
    definition: De persoon of het bedrijf van wie u een woning huurt.
    translation: landlord
    example: De verhuurder repareert de kapotte kraan.
  - id: servicekosten
    term: servicekosten
    definition: Geld dat u naast de kale huur betaalt, bijvoorbeeld voor schoonmaak van de trap.
    translation: service charges
    example: De servicekosten staan op de rekening.
`;
