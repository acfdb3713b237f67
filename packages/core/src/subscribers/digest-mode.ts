// What a reader's digest carries (issue 19): the period's top trending papers (no topics
// needed), the papers matching their topics, or the topic sections then "Also trending".
// One rule for the subscribe form, the JSON API and the preferences page.

export const DIGEST_MODES = ['trending', 'topics', 'topics_trending'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

/** The words the form and emails use for each choice. */
export const DIGEST_MODE_LABELS: Record<DigestMode, string> = {
  trending: 'Top trending',
  topics: 'My topics',
  topics_trending: 'My topics + top trending',
};

export type DigestModeResult = { mode: DigestMode } | { field: 'digestMode' | 'topics'; error: string };

export function isDigestMode(value: unknown): value is DigestMode {
  return typeof value === 'string' && (DIGEST_MODES as readonly string[]).includes(value);
}

/**
 * The mode to store for a choice and the number of topics given. No choice: topics + trending
 * when there are topics, else trending (an email alone is a valid sign-up). "My topics" needs a
 * topic; "My topics + top trending" with none is exactly "Top trending", and is stored so.
 */
export function resolveDigestMode(choice: unknown, topicCount: number): DigestModeResult {
  if (choice === undefined || choice === null || choice === '')
    return { mode: topicCount > 0 ? 'topics_trending' : 'trending' };
  if (!isDigestMode(choice)) {
    return { field: 'digestMode', error: 'Please choose "Top trending", "My topics" or "My topics + top trending".' };
  }
  if (topicCount > 0) return { mode: choice };
  if (choice === 'topics') {
    return {
      field: 'topics',
      error:
        'Please add at least one topic, for example "reward models", or choose "Top trending" to get the most upvoted papers without topics.',
    };
  }
  return { mode: 'trending' };
}

/** Whether the reader's digest has topic sections / trending papers. */
export const followsTopics = (mode: DigestMode): boolean => mode !== 'trending';
export const followsTrending = (mode: DigestMode): boolean => mode !== 'topics';
