import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown';

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
