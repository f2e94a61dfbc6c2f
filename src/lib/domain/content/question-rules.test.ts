import { describe, expect, it } from 'vitest';
import { checkBankWarnings } from './quality';
import { compareQuestions, findEcho, hasChangeableFigure, isHomepage, meaningWords, wordOverlap } from './question-rules';
import type { Question } from './types';

const question = (nl: string, options: string[], correctIndex = 0) => ({
	question: { nl },
	options: options.map((option) => ({ nl: option })),
	correctIndex
});

describe('near-duplicates', () => {
	it('flag the same fact asked twice, in other words', () => {
		const a = question('Wanneer belt u het alarmnummer 112?', ['Als er direct gevaar is voor iemands leven', 'Als u een vraag heeft', 'Als uw fiets weg is']);
		const b = question('Wanneer belt u 112?', ['Als er direct gevaar is', 'Bij een vraag aan de politie', 'Bij lawaai van de buren']);
		expect(compareQuestions(a, b)).toEqual({ question: 2 / 3, answer: 0.5 });
	});

	it('leave alone questions with the same frame and another fact', () => {
		const havo = question('Hoeveel jaar duurt de havo?', ['5 jaar', '4 jaar', '6 jaar']);
		const vwo = question('Hoeveel jaar duurt het vwo?', ['6 jaar', '5 jaar', '4 jaar']);
		expect(compareQuestions(havo, vwo)).toBeNull();
		const marry = question('Vanaf welke leeftijd mag u in Nederland trouwen?', ['Vanaf 18 jaar', 'Vanaf 16 jaar', 'Vanaf 21 jaar']);
		const school = question('Vanaf welke leeftijd is een kind leerplichtig?', ['Vanaf 5 jaar', 'Vanaf 4 jaar', 'Vanaf 6 jaar']);
		expect(compareQuestions(marry, school)).toBeNull();
	});

	it('count words without function words, accents or case', () => {
		expect([...meaningWords('Wat is de Tweede Kamer? Wie kiest hem?')]).toEqual(['tweede', 'kamer', 'kiest', 'hem']);
		expect(wordOverlap(meaningWords('officiële taal'), meaningWords('Officiele TAAL'))).toBe(1);
		expect(wordOverlap(new Set(), new Set())).toBe(0);
	});
});

describe('warnings', () => {
	it('find a right answer that repeats a rare word of the question', () => {
		const rare = () => true;
		expect(findEcho(question('Wat maakt de ambtenaar op na een geboorteaangifte?', ['Een geboorteakte', 'Een paspoort', 'Een uittreksel van de BRP']), rare)).toBe('geboorteaangifte');
		// a wrong answer with the same word: no giveaway
		expect(findEcho(question('Wat maakt de ambtenaar op na een geboorteaangifte?', ['Een geboorteakte', 'Een geboortekaartje', 'Een paspoort']), rare)).toBeNull();
		// a common word does not count
		expect(findEcho(question('Wat maakt de ambtenaar op na een geboorteaangifte?', ['Een geboorteakte', 'Een paspoort', 'Een rijbewijs']), () => false)).toBeNull();
	});

	it('find figures that can change, not historic years, days of the month or clock times', () => {
		expect(hasChangeableFigure('Hoeveel eigen risico betaalt u? €385')).toBe(true);
		expect(hasChangeableFigure('Vanaf 18 jaar')).toBe(true);
		expect(hasChangeableFigure('Ongeveer 26 procent')).toBe(true);
		expect(hasChangeableFigure('Wat was de VOC, opgericht in 1602?')).toBe(false);
		expect(hasChangeableFigure('Wat doen veel mensen op 4 mei om 20.00 uur?')).toBe(false);
		expect(hasChangeableFigure('Sinds 2010 zijn dat bijzondere gemeenten.')).toBe(false);
		expect(hasChangeableFigure('Bel 112, of 0900-8844 zonder spoed, of 0800-2000.')).toBe(false);
		expect(hasChangeableFigure('Het Nationaal Comité 4 en 5 mei')).toBe(false);
		expect(hasChangeableFigure('In de 17e eeuw, zegt artikel 23.')).toBe(false);
		expect(hasChangeableFigure('Binnen 5 dagen')).toBe(true);
	});

	it('know a homepage from a page', () => {
		for (const home of ['https://www.politie.nl/', 'https://www.politie.nl', 'https://www.politie.nl//']) expect(isHomepage(home), home).toBe(true);
		for (const page of ['https://www.politie.nl/contact', 'https://www.politie.nl/?pagina=wijkagent']) expect(isHomepage(page), page).toBe(false);
	});

	it('list each warning with the question id, and none for a volatile figure', () => {
		const base: Omit<Question, 'id' | 'question' | 'options' | 'volatile'> = {
			file: 'questions/x.yaml',
			theme: 'wonen',
			eindterm: '3.1',
			correctIndex: 0,
			explanation: { nl: 'Uitleg.', en: 'Explanation.' },
			sources: ['rijksoverheid'],
			guides: [],
			variants: [],
			sourceUrl: 'https://www.rijksoverheid.nl/x',
			checked: '2026-12-01',
			image: null,
			position: 0
		};
		const texts = (nl: string) => ({ nl, en: nl });
		const questions: Question[] = [
			{ ...base, id: 'wo-001', question: texts('Hoeveel huurtoeslag krijgt u?'), options: ['Tot €300', 'Niets', 'Alles'].map(texts), volatile: false },
			{ ...base, id: 'wo-002', question: texts('Hoeveel huurtoeslag krijgt u?'), options: ['Tot €300', 'Niets', 'Alles'].map(texts), volatile: true },
			{ ...base, id: 'ow-065', question: texts('Wat maakt de ambtenaar op na een geboorteaangifte?'), options: ['Een geboorteakte', 'Een paspoort', 'Een rijbewijs'].map(texts), volatile: false },
		];
		const guides = [
			{ slug: 'knm-wonen', checked: '2026-12-01' },
			{ slug: 'exam-day', checked: null }
		];
		expect(checkBankWarnings({ questions, guides })).toEqual([
			'wo-001: has a figure that can change (amount, age, percentage or number) but is not volatile',
			'ow-065: the right answer repeats "geboorteaangifte" from the question and no wrong answer does',
			'guide exam-day: no checked date; check its facts against the official pages and add `checked:`'
		]);
	});
});
