// A stored topic's key is what normalizeTopic made of the reader's words when they subscribed.
// An upgrade may read the same words another way (a bracket restating an acronym, a British
// spelling, words asking for papers): the stored key then stays the old reading, and the reader
// keeps getting what the old matcher found for it. This gives every stored topic the key its
// words make now. Topics are read in id order, batch by batch; a reader with a topic to re-key has
// all their topics planned at once, so that two of their topics meeting on one key become one
// (the one that had the key already, else the first) whatever order the keys move in. Operators
// run it after upgrading, before the matches are refreshed (`matches:refresh` does both).
import { normalizeTopic } from '@paperboy/matching';
import { positiveInt, type MatchingDeps } from './matching-deps';
import { applyTopicKeys, topicRowsAfter, topicsOfReaders, type TopicKeyRow } from './store';

export interface RekeyTopicsResult {
  /** Topic rows read. */
  topics: number;
  /** Rows whose key changed. */
  rekeyed: number;
  /** Rows removed: the reader already had the topic under its new key. */
  merged: number;
  /** Words that no longer make a topic (their rows kept as they are), the first ten. */
  unreadable: string[];
}

type TopicRow = Pick<TopicKeyRow, 'id' | 'raw' | 'key'>;

/** Reads words into keys, each wording once (readers share them); null: no topic any more. */
class KeyReader {
  private readonly keys = new Map<string, string | null>();
  readonly unreadable: string[] = [];

  keyOf(row: TopicRow): string {
    if (!this.keys.has(row.raw)) this.keys.set(row.raw, currentKey(row.raw));
    const key = this.keys.get(row.raw);
    if (key !== null && key !== undefined) return key;
    if (this.unreadable.length < 10 && !this.unreadable.includes(row.raw)) this.unreadable.push(row.raw);
    return row.key;
  }
}

/** One reader's topics → the rows to remove and the rows to re-key. */
export function planReaderKeys(
  rows: readonly TopicRow[],
  keyOf: (row: TopicRow) => string,
): { remove: number[]; rekey: { id: number; key: string }[] } {
  const byKey = new Map<string, TopicRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, [row]);
    else same.push(row);
  }
  const remove: number[] = [];
  const rekey: { id: number; key: string }[] = [];
  for (const [key, same] of byKey) {
    const kept = same.find((r) => r.key === key) ?? (same[0] as TopicRow);
    for (const r of same) if (r !== kept) remove.push(r.id);
    if (kept.key !== key) rekey.push({ id: kept.id, key });
  }
  return { remove, rekey };
}

export async function rekeyStoredTopics(
  deps: Pick<MatchingDeps, 'db'>,
  options: { batchSize?: number } = {},
): Promise<RekeyTopicsResult> {
  const batchSize = positiveInt(options.batchSize ?? 2000, 'batchSize', 100_000);
  const reader = new KeyReader();
  const result: RekeyTopicsResult = { topics: 0, rekeyed: 0, merged: 0, unreadable: reader.unreadable };
  let after = 0;
  for (;;) {
    const rows = await topicRowsAfter(deps.db, after, batchSize);
    if (rows.length === 0) return result;
    after = rows[rows.length - 1]!.id;
    result.topics += rows.length;
    const readers = [...new Set(rows.filter((r) => reader.keyOf(r) !== r.key).map((r) => r.subscriberId))];
    if (readers.length === 0) continue;
    // Each reader's rows, grouped in one pass (a filter per reader would cost readers × rows).
    const topicsOf = new Map<number, TopicKeyRow[]>();
    for (const row of await topicsOfReaders(deps.db, readers)) {
      const list = topicsOf.get(row.subscriberId);
      if (list === undefined) topicsOf.set(row.subscriberId, [row]);
      else list.push(row);
    }
    for (const id of readers) {
      const plan = await rekeyReader(deps, id, topicsOf.get(id) ?? [], (r) => reader.keyOf(r));
      result.rekeyed += plan.rekey.length;
      result.merged += plan.remove.length;
    }
  }
}

/** How many times a reader's plan is read again when they changed their topics meanwhile. */
const ATTEMPTS = 3;

/** Applies one reader's plan; if they edited their topics since they were read (a key taken, a
 * row gone), reads them again and plans anew. */
async function rekeyReader(
  deps: Pick<MatchingDeps, 'db'>,
  id: number,
  rows: readonly TopicRow[],
  keyOf: (row: TopicRow) => string,
): Promise<ReturnType<typeof planReaderKeys>> {
  let current = rows;
  for (let attempt = 1; ; attempt += 1) {
    const plan = planReaderKeys(current, keyOf);
    try {
      await applyTopicKeys(deps.db, plan.remove, plan.rekey);
      return plan;
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      current = await topicsOfReaders(deps.db, [id]);
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
