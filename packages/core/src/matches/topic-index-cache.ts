// The TopicIndex over every followed key, kept per process: building it expands every phrase
// into its alias variants, which is worth doing once, not once per match job. It is rebuilt
// only when the set of keys changed (a reader followed a new topic or the last reader of one
// left) or the term-association table did (the daily rebuild); comparing ~2,000 sorted keys
// costs far less than rebuilding.
import { buildTopicIndex, parseTopicKey, type ParsedTopic, type TopicIndex } from '@paperboy/matching';
import { SHIPPED_ASSOCIATIONS, type AssociationSnapshot } from './stored-associations';

export interface IndexedKeys {
  index: TopicIndex;
  /** Stored keys that are not canonical (written by hand or by an older normaliser): skipped. */
  invalid: string[];
}

export class TopicIndexCache {
  private signature?: string;
  private current?: IndexedKeys;
  /** How many times the index was built (tests and metrics read it). */
  builds = 0;

  get(keys: readonly string[], associations: AssociationSnapshot = SHIPPED_ASSOCIATIONS): IndexedKeys {
    const sorted = [...new Set(keys)].sort();
    const signature = `${associations.version}\n${sorted.join('\n')}`;
    if (this.current && signature === this.signature) return this.current;
    const parsed: ParsedTopic[] = [];
    const invalid: string[] = [];
    for (const key of sorted) {
      try {
        parsed.push(parseTopicKey(key));
      } catch {
        invalid.push(key); // one bad row must not stop matching for everyone else
      }
    }
    this.current = { index: buildTopicIndex(parsed, { associations: associations.table }), invalid };
    this.signature = signature;
    this.builds += 1;
    return this.current;
  }
}

/** The process-wide cache used when the caller does not bring its own. */
export const processTopicIndex = new TopicIndexCache();
