import type { Localized } from './schemas';
import type { Translation } from './translations';

export type { Localized };

/** A content file as read from disk; `path` is relative to the project root. */
export interface ContentFile {
	path: string;
	text: string;
}

export interface ContentError {
	file: string;
	id: string | null;
	message: string;
}

export interface Indicator {
	code: string;
	description: Localized;
}

export interface Eindterm {
	code: string;
	description: Localized;
	indicators: Indicator[];
}

export interface Theme {
	slug: string;
	number: number;
	name: Localized;
	everyday: boolean;
	eindtermen: Eindterm[];
}

export interface Source {
	slug: string;
	name: string;
	url: string;
	/** the host names (with their subdomains) the organisation publishes on */
	domains: string[];
	owner: Localized;
	usage: Localized;
	checked: string;
	position: number;
}

export interface Topic {
	slug: string;
	title: Localized;
	summary: Localized;
	sources: { slug: string; reason: Localized }[];
	position: number;
}

export interface Guide {
	slug: string;
	file: string;
	title: Localized;
	summary: Localized;
	sources: string[];
	topics: string[];
	themes: string[];
	related: string[];
	updated: string;
	/** the day its facts were last checked against the official pages; null until they were */
	checked: string | null;
	/** it states an amount, age, date or a rule being changed: the page says so */
	volatile: boolean;
	/** Markdown; `nl` is null until a Dutch translation exists. */
	body: { en: string; nl: string | null };
	position: number;
}

export interface QuickAnswer {
	id: string;
	question: Localized;
	answer: Localized;
	guide: string;
	position: number;
}

export interface Question {
	id: string;
	file: string;
	theme: string;
	eindterm: string;
	question: Localized;
	options: Localized[];
	correctIndex: number;
	explanation: Localized;
	sources: string[];
	guides: string[];
	/** ids of questions meant to test the same fact from another angle */
	variants: string[];
	sourceUrl: string;
	/** null until someone verified the fact against sourceUrl */
	checked: string | null;
	volatile: boolean;
	image: string | null;
	position: number;
}

/** An integration law: the Wet inburgering 2013 or 2021. */
export type Law = '2013' | '2021';
/** Who runs an exam: DUO's integration exam, or the Staatsexamen NT2. */
export type ExamBooking = 'duo' | 'staatsexamen';

/** A fact "My exam plan" uses (content/exam-plan.yaml). */
export interface PlanFact {
	id: string;
	/** the number of weeks the fact is about, when it has one */
	weeks: number | null;
	text: Localized;
	guide: string;
	source: string;
	sourceUrl: string;
	checked: string;
	volatile: boolean;
}

/** An exam a learner can plan, and who runs it under each law (none: not part of that law). */
export interface PlanExam {
	id: string;
	name: Localized;
	booking: Partial<Record<Law, ExamBooking>>;
}

export interface ExamPlanContent {
	facts: PlanFact[];
	exams: PlanExam[];
}

/** A KNM word (content/words/<theme>.yaml): a term with a plain Dutch definition. */
export interface Word {
	id: string;
	file: string;
	term: string;
	/** de or het for a noun; null for a verb, adjective or name */
	article: 'de' | 'het' | null;
	/** one A2 Dutch sentence */
	definition: string;
	/** plain English */
	translation: string;
	/** one Dutch sentence that uses the term */
	example: string;
	/** the file's theme first, then the others the word names */
	themes: string[];
	guide: string | null;
	/** linked where feedback and guides use the term; false when the term has another everyday meaning */
	link: boolean;
	position: number;
}

export interface ContentBundle {
	examPlan: ExamPlanContent;
	/** translations into the languages beyond Dutch and English (translations.ts) */
	translations: Translation[];
	words: Word[];
	themes: Theme[];
	sources: Source[];
	topics: Topic[];
	guides: Guide[];
	quickAnswers: QuickAnswer[];
	questions: Question[];
}
