import { m } from './paraglide/messages';

/** "3 topics, 1 guide", in the current language; the plural forms come from the catalogs. */
export function mentionSummary(topics: number, guides: number): string {
	return `${m.source_topic_mentions({ count: topics })}, ${m.source_guide_mentions({ count: guides })}`;
}
