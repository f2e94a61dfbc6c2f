import { describe, expect, it } from 'vitest';
import { eindtermAnchor, markdownToText, renderMarkdown } from './markdown';

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
