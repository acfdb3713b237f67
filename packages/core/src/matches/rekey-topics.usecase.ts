// A stored topic's key is what normalizeTopic made of the reader's words when they subscribed.
// An upgrade may read the same words another way (a bracket restating an acronym, a British
// spelling, words asking for papers): the stored key then stays the old reading, and the reader
// keeps getting what the old matcher found for it. This gives every stored topic the key its
// words have now, batch by batch; a reader left with two topics of one key keeps one. Operators
// run it after upgrading, before the matches are refreshed (`matches:refresh` does both).
import { normalizeTopic } from '@paperboy/matching';
import { positiveInt, type MatchingDeps } from './matching-deps';
import { rekeyTopicRows, topicRowsAfter } from './store';

export interface RekeyTopicsResult {
  /** Topic rows read. */
  topics: number;
  /** Rows whose key changed. */
  rekeyed: number;
  /** Rows removed: the reader already had the topic under its new key. */
  merged: number;
  /** Words that no longer make a topic (kept as they are), at most ten shown. */
  unreadable: string[];
}

export async function rekeyStoredTopics(
  deps: Pick<MatchingDeps, 'db'>,
  options: { batchSize?: number } = {},
): Promise<RekeyTopicsResult> {
  const batchSize = positiveInt(options.batchSize ?? 2000, 'batchSize', 100_000);
  const result: RekeyTopicsResult = { topics: 0, rekeyed: 0, merged: 0, unreadable: [] };
  // Readers share wordings: each is read once.
  const keyOf = new Map<string, string | null>();
  let after = 0;
  for (;;) {
    const rows = await topicRowsAfter(deps.db, after, batchSize);
    if (rows.length === 0) return result;
    after = rows[rows.length - 1]!.id;
    result.topics += rows.length;
    const moves = new Map<string, number[]>();
    for (const row of rows) {
      if (!keyOf.has(row.raw)) keyOf.set(row.raw, currentKey(row.raw));
      const key = keyOf.get(row.raw);
      if (key === null) {
        if (result.unreadable.length < 10 && !result.unreadable.includes(row.raw)) result.unreadable.push(row.raw);
      } else if (key !== undefined && key !== row.key) moves.set(key, [...(moves.get(key) ?? []), row.id]);
    }
    for (const [key, ids] of moves) {
      const moved = await rekeyTopicRows(deps.db, ids, key);
      result.rekeyed += moved.rekeyed;
      result.merged += moved.merged;
    }
  }
}

/** The key the words make now, or null when they make no topic any more. */
function currentKey(raw: string): string | null {
  try {
    return normalizeTopic(raw).key;
  } catch {
    return null;
  }
}
