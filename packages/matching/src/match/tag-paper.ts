// Tags one paper with every topic of the index it matches: one pass over its tokens finds the
// phrases present, then only the topics using those phrases are checked (all phrases of an
// alternative present, no exclusion present).
import { fieldStream, type AnalyzedPaper, type FieldIndex } from './analyze-paper';
import { addOccurrence, matchAt, occurrenceAt, type Occurrence } from './phrase-search';
import type { IndexedTopic, TopicIndex } from './topic-index';

/** Phrase id → where it occurs in the paper. */
export type PhraseHits = Map<number, Occurrence[]>;

export function findPhrases(index: TopicIndex, doc: AnalyzedPaper): PhraseHits {
  const hits: PhraseHits = new Map();
  for (const field of [0, 1] as FieldIndex[]) {
    const s = fieldStream(doc, field);
    for (let i = 0; i < s.tokens.length; i += 1) {
      const refs = index.byFirstToken.get(s.tokens[i] as string);
      if (refs === undefined) continue;
      let lastPhrase = -1;
      for (const ref of refs) {
        if (ref.phraseId === lastPhrase) continue; // one occurrence per phrase and start position
        const maxGap = index.phrases[ref.phraseId]?.maxGap ?? 0;
        const last = matchAt(s, ref.variant, maxGap, i);
        if (last < 0) continue;
        lastPhrase = ref.phraseId;
        const occ = occurrenceAt(s, field, i, last, ref.variant.tokens.length);
        const list = hits.get(ref.phraseId);
        if (list === undefined) hits.set(ref.phraseId, [occ]);
        else addOccurrence(list, occ);
      }
    }
  }
  return hits;
}

/** The matching alternatives of a topic (phrase id lists), or none when excluded. */
export function matchingAlternatives(topic: IndexedTopic, hits: PhraseHits): number[][] {
  if (topic.exclusions.some((id) => hits.has(id))) return [];
  return topic.alternatives.filter((alt) => alt.every((id) => hits.has(id)));
}

/** Topic indices the paper matches, each with its matching alternatives. */
export function tagPaper(index: TopicIndex, hits: PhraseHits): Map<number, number[][]> {
  const tagged = new Map<number, number[][]>();
  for (const phraseId of hits.keys()) {
    for (const topicIdx of index.topicsByPhrase[phraseId] ?? []) {
      if (tagged.has(topicIdx)) continue;
      const alts = matchingAlternatives(index.topics[topicIdx] as IndexedTopic, hits);
      tagged.set(topicIdx, alts);
    }
  }
  for (const [topicIdx, alts] of tagged) if (alts.length === 0) tagged.delete(topicIdx);
  return tagged;
}
