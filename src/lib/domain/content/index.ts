export { validateContent, formatContentError, CONTENT_PATHS, splitFrontmatter } from './validate';
export type { ValidationResult } from './validate';
export { summarizeContent } from './summary';
export type { ContentSummary } from './summary';
export { hashContent, stableStringify } from './hash';
export { eindtermAnchor, renderMarkdown, markdownToText } from './markdown';
export { splitTakeaway } from './takeaway';
export { isOfficialUrl, OFFICIAL_DOMAINS } from './official-domains';
export type * from './types';
