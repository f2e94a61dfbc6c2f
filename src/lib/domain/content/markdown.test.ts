import { describe, expect, it } from 'vitest';
import { eindtermAnchor, markdownToText, MAX_GUIDE_TERM_LINKS, renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders headings, emphasis, lists and links', () => {
		const html = renderMarkdown('## Exams\n\n- **KNM**\n- [DUO](/sources/duo)\n');
		expect(html).toContain('<h2>Exams</h2>');
		expect(html).toContain('<strong>KNM</strong>');
		expect(html).toContain('<a href="/sources/duo">DUO</a>');
	});

	it('escapes raw HTML blocks instead of passing them through', () => {
		const html = renderMarkdown('<script>alert(1)</script>\n\n<div onclick="x()">hi</div>');
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<div');
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
	});

	it('escapes inline HTML', () => {
		const html = renderMarkdown('Hello <img src=x onerror="alert(1)"> world');
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
	});

	it('drops javascript: links', () => {
		const html = renderMarkdown('[click](javascript:alert(1))');
		expect(html).not.toContain('href="javascript:');
	});

	it('marks links to other sites as external', () => {
		expect(renderMarkdown('[DUO](https://duo.nl/)')).toContain(
			'<a href="https://duo.nl/" rel="noopener noreferrer external">DUO</a>'
		);
	});
});

describe('markdownToText', () => {
	it('keeps the words and drops the markup', () => {
		expect(markdownToText('## Title\n\nRead [DUO](/sources/duo) **now**.')).toBe('Title Read DUO now.');
	});
});

describe('eindterm anchors', () => {
	const guide = [
		'## 3.1 Arranging a home',
		'',
		'**Your first home (3.1.1).** A contract says what you pay.',
		'',
		'**Tenants (3.1.2).** Tenants have rights. See also (3.1.1).',
		'',
		'Text that mentions (3.1.3) in passing.',
		'',
		'## Key facts to remember'
	].join('\n');

	it('gives each eindterm heading and the paragraph that opens with an indicator its anchor', () => {
		const html = renderMarkdown(guide);
		expect(html).toContain('<h2 id="eindterm-3-1">3.1 Arranging a home</h2>');
		expect(html).toContain('<p id="eindterm-3-1-1"><strong>Your first home (3.1.1).</strong>');
		expect(html).toContain('<p id="eindterm-3-1-2"><strong>Tenants (3.1.2).</strong>');
		// a code in running text is not an anchor, and headings without a code get none
		expect(html).not.toContain('eindterm-3-1-3');
		expect(html).toContain('<h2>Key facts to remember</h2>');
	});

	it('names anchors after the code', () => {
		expect(eindtermAnchor('3.1')).toBe('eindterm-3-1');
		expect(eindtermAnchor('10.2.3')).toBe('eindterm-10-2-3');
	});
});

describe('KNM words in a guide', () => {
	const terms = [
		{ id: 'gemeente', term: 'gemeente' },
		{ id: 'eigen-risico', term: 'eigen risico' },
		{ id: 'risico', term: 'risico' }
	];

	it('link each term at its first place in the running text, not in a heading or another link', () => {
		const html = renderMarkdown(
			'## De gemeente\n\nDe [gemeente](/sources/gemeente) helpt. Uw Gemeente schrijft u in. De gemeente betaalt.\n\n- Het eigen risico is per jaar.\n- Een risico.',
			terms
		);
		expect(html).toContain('<h2>De gemeente</h2>');
		expect(html).toContain('<a href="/sources/gemeente">gemeente</a> helpt. Uw <a href="/words?q=Gemeente#gemeente" class="term">Gemeente</a> schrijft u in. De gemeente betaalt.');
		// the longer term first; the shorter one inside it is not linked there, but at its own first place
		expect(html).toContain('Het <a href="/words?q=eigen%20risico#eigen-risico" class="term">eigen risico</a> is per jaar.');
		expect(html).toContain('Een <a href="/words?q=risico#risico" class="term">risico</a>.');
	});

	it(`link at most ${MAX_GUIDE_TERM_LINKS} words in one guide, and none without the word list`, () => {
		const many = Array.from({ length: MAX_GUIDE_TERM_LINKS + 5 }, (_, index) => ({ id: `woord-${index}`, term: `woord${index}` }));
		const html = renderMarkdown(many.map((entry) => `Dit is ${entry.term}.`).join('\n\n'), many);
		expect(html.match(/class="term"/g)).toHaveLength(MAX_GUIDE_TERM_LINKS);
		expect(renderMarkdown('De gemeente helpt.')).toBe('<p>De gemeente helpt.</p>\n');
	});
});
