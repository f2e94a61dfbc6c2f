import MarkdownIt from 'markdown-it';
import { linkTerms } from './term-links';
import type { TermEntry } from './term-links';

/**
 * Renders guide markdown to HTML. `html: false` makes markdown-it escape any raw HTML in the
 * content, and its link validator drops javascript:, vbscript:, file: and data: URLs (except a few
 * image types), so a content file can never inject markup or script into a page.
 */
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });

const defaultLinkOpen =
	renderer.renderer.rules.link_open ??
	((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// Links to other sites open normally but say they leave KNM Hub; internal links stay as they are.
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
	const token = tokens[idx];
	const href = String(token?.attrGet('href') ?? '');
	if (token && /^https?:\/\//.test(href)) {
		token.attrSet('rel', 'noopener noreferrer external');
	}
	return defaultLinkOpen(tokens, idx, options, env, self);
};

/**
 * The anchor of an eindterm in a theme guide: `3.1` → `eindterm-3-1`, `3.1.2` → `eindterm-3-1-2`.
 * Practice feedback links to it, so "Read more" opens the guide at the fact.
 */
export function eindtermAnchor(code: string): string {
	return `eindterm-${code.replaceAll('.', '-')}`;
}

const sectionCode = /^(\d+\.\d+)\s/;
const indicatorCode = /\((\d+\.\d+\.\d+)\)/;

// Theme guides name their eindtermen: a heading "## 3.1 …" and a paragraph that opens with
// "**… (3.1.2).**". Both get the eindterm's anchor as id (the first paragraph for each code).
renderer.core.ruler.push('eindterm_anchors', (state) => {
	const seen = new Set<string>();
	const tokens = state.tokens;
	for (let i = 0; i + 1 < tokens.length; i += 1) {
		const open = tokens[i]!;
		const inline = tokens[i + 1]!;
		if (inline.type !== 'inline') continue;
		let code: string | undefined;
		if (open.type === 'heading_open' && open.tag === 'h2') code = sectionCode.exec(inline.content)?.[1];
		else if (open.type === 'paragraph_open' && inline.content.startsWith('**')) {
			const lead = inline.content.slice(2, inline.content.indexOf('**', 2));
			code = indicatorCode.exec(lead)?.[1];
		}
		if (!code || seen.has(code)) continue;
		seen.add(code);
		open.attrSet('id', eindtermAnchor(code));
	}
});

/** How many KNM words one guide links at most, so its text does not turn into a list of links. */
export const MAX_GUIDE_TERM_LINKS = 15;

// KNM words (content/words) link to their explanation on /words: each at its first place in the
// guide, in running text only (not in a heading, not inside another link), in reading order.
renderer.core.ruler.push('term_links', (state) => {
	const terms = (state.env as { terms?: readonly TermEntry[] } | undefined)?.terms ?? [];
	if (terms.length === 0) return;
	const used = new Set<string>();
	let budget = MAX_GUIDE_TERM_LINKS;
	const tokens = state.tokens;
	for (let i = 0; i < tokens.length && budget > 0; i += 1) {
		const inline = tokens[i]!;
		if (inline.type !== 'inline' || !inline.children || tokens[i - 1]?.type === 'heading_open') continue;
		// the terms this paragraph (or list item) contains at all: usually none or a few
		const lower = inline.content.toLowerCase().replace(/\s+/g, ' ');
		const candidates = terms.filter((entry) => !used.has(entry.id) && lower.includes(entry.term.toLowerCase()));
		if (candidates.length === 0) continue;
		const children: typeof inline.children = [];
		let inLink = 0;
		for (const child of inline.children) {
			if (child.type === 'link_open') inLink += 1;
			if (child.type === 'link_close') inLink -= 1;
			if (child.type !== 'text' || inLink > 0 || budget === 0) {
				children.push(child);
				continue;
			}
			for (const segment of linkTerms(child.content, candidates, budget, used)) {
				const text = new state.Token('text', '', 0);
				text.content = segment.text;
				if (!segment.wordId) {
					children.push(text);
					continue;
				}
				used.add(segment.wordId);
				budget -= 1;
				const open = new state.Token('link_open', 'a', 1);
				open.attrs = [
					['href', `/words?q=${encodeURIComponent(segment.text)}#${segment.wordId}`],
					['class', 'term']
				];
				children.push(open, text, new state.Token('link_close', 'a', -1));
			}
		}
		inline.children = children;
	}
});

/**
 * The guide's HTML. With `terms` (the KNM words), the first place of each term in the text links
 * to its word; only terms the text contains are tried, so rendering stays fast.
 */
export function renderMarkdown(markdown: string, terms: readonly TermEntry[] = []): string {
	// a term can only be present when each of its words is: a set lookup, not a scan of the text
	const words = new Set(markdown.toLowerCase().split(/[^\p{L}\p{N}]+/u));
	const present = terms.filter((entry) => entry.term.toLowerCase().split(/[^\p{L}\p{N}]+/u).every((part) => part === '' || words.has(part)));
	return renderer.render(markdown, { terms: present });
}

/** Plain text of a markdown document, for the search index. */
export function markdownToText(markdown: string): string {
	return markdown
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
		.replace(/^\s*(?:#+|>)\s*/gm, '')
		.replace(/[*_`~|]+/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}
