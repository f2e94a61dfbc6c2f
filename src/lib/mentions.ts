import { m } from './paraglide/messages';

/** "3 topic mentions, 1 guide mention", in the current language. */
export function mentionSummary(topics: number, guides: number): string {
	const topicText =
		topics === 1 ? m.source_topic_mentions_one() : m.source_topic_mentions_other({ count: topics });
	const guideText =
		guides === 1 ? m.source_guide_mentions_one() : m.source_guide_mentions_other({ count: guides });
	return `${topicText}, ${guideText}`;
}
