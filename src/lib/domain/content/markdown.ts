import MarkdownIt from 'markdown-it';

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

export function renderMarkdown(markdown: string): string {
	return renderer.render(markdown);
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
