// A topic key that appears after its papers were matched (a reader follows something new):
// match it against the papers of the recent window, so the reader's next digest already has
// papers. The readers code enqueues QUEUE.match {topicKeys} (or calls this directly).
import { buildTopicIndex, matchPapers, parseTopicKey, type ParsedTopic } from '@paperboy/matching';
import { AppError } from '../errors';
import { flattenMatches } from './match-new-papers.usecase';
import { removeStaleMatches, upsertMatches } from './store';
import type { MatchingDeps } from './matching-deps';
import { windowPaperChunks } from './window-papers';
import { processAssociations } from './stored-associations';

const MAX_KEYS = 100;

export interface TopicBackfillResult {
  papers: number;
  matches: number;
}

function parseKeys(topicKeys: readonly string[]): ParsedTopic[] {
  if (!Array.isArray(topicKeys) || topicKeys.length === 0 || topicKeys.length > MAX_KEYS) {
    throw new AppError('invalid_input', `topicKeys must hold 1 to ${MAX_KEYS} keys`);
  }
  return [...new Set(topicKeys)].map((key) => {
    try {
      return parseTopicKey(key);
    } catch (error) {
      throw new AppError(
        'invalid_input',
        `"${String(key).slice(0, 100)}" is not a topic key (store normalizeTopic(raw).key)`,
        { cause: error },
      );
    }
  });
}

/** Matches the keys against every paper published in the last `sinceDays` (default MATCH_WINDOW_DAYS). */
export async function matchTopicsAgainstRecentPapers(
  deps: MatchingDeps,
  topicKeys: readonly string[],
  sinceDays?: number,
): Promise<TopicBackfillResult> {
  const parsed = parseKeys(topicKeys);
  const window = windowPaperChunks(deps, sinceDays);
  // The same associations as the match job, so a backfilled topic matches as it will later.
  const index = buildTopicIndex(parsed, { associations: (await processAssociations.get(deps.db)).table });
  const keys = parsed.map((t) => t.key);
  let papers = 0;
  let matches = 0;
  for await (const chunk of window) {
    papers += chunk.length;
    const found = flattenMatches(matchPapers(index, chunk));
    matches += await upsertMatches(deps.db, found);
    await removeStaleMatches(
      deps.db,
      chunk.map((p) => p.id),
      keys,
      found,
    );
  }
  return { papers, matches };
}

export const matchTopicAgainstRecentPapers = (
  deps: MatchingDeps,
  topicKey: string,
  sinceDays?: number,
): Promise<TopicBackfillResult> => matchTopicsAgainstRecentPapers(deps, [topicKey], sinceDays);
