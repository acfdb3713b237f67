// Tags one paper with every topic of the index it is about: one pass over its tokens finds the
// phrases present (the topics' own and their related terms), then only the topics using those
// phrases are judged (topic-evidence.ts).
import { fieldStream, type AnalyzedPaper, type FieldIndex } from './analyze-paper';
import type { BatchStats, Bm25Options } from './bm25';
import { FIELD_BIT, PhraseHits } from './phrase-hits';
import { addOccurrence, findAt, occurrenceAt } from './phrase-search';
import { judgeTopic, type TopicEvidence } from './topic-evidence';
import type { IndexedTopic, TopicIndex } from './topic-index';

export function findPhrases(index: TopicIndex, doc: AnalyzedPaper): PhraseHits {
  // The index's tokens this paper has, a bit per field (FIELD_BIT). A common first word
  // ("efficient", "energy") starts hundreds of variants, and trying each at every place cost the
  // matching ~4 M tries for 1,000 papers; a variant with a word the field lacks cannot be there
  // (~93 % of them). Judging reads the marks again for the topics' words together.
  const present = new Uint8Array(index.tokenIds.size);
  const hits = new PhraseHits(index.phrases.length, present);
  for (const field of [0, 1] as FieldIndex[]) {
    const s = fieldStream(doc, field);
    const mark = FIELD_BIT[field];
    for (const token of s.tokens) {
      const id = index.tokenIds.get(token);
      if (id !== undefined) present[id] = (present[id] as number) | mark;
    }
    for (let i = 0; i < s.tokens.length; i += 1) {
      const refs = index.byFirstToken.get(s.tokens[i] as string);
      if (refs === undefined) continue;
      let lastPhrase = -1;
      for (const ref of refs) {
        if (ref.phraseId === lastPhrase) continue; // one occurrence per phrase and start position
        const phrase = index.phrases[ref.phraseId];
        if (phrase === undefined || hits.fieldsHolding(ref.rest, mark) === 0) continue;
        const found = findAt(s, ref.variant, phrase.maxGap, phrase.window, i, phrase.join, phrase.acrossBrackets);
        if (found < 0) continue;
        lastPhrase = ref.phraseId;
        const occ = occurrenceAt(s, field, i, found, ref.variant.tokens.length);
        const list = hits.get(ref.phraseId);
        if (list === undefined) hits.set(ref.phraseId, [occ]);
        else addOccurrence(list, occ);
      }
    }
  }
  return hits;
}

/** Topic indices the paper is about, each with its evidence. */
export function tagPaper(
  index: TopicIndex,
  doc: AnalyzedPaper,
  hits: PhraseHits,
  stats: BatchStats,
  bm25: Bm25Options,
): Map<number, TopicEvidence> {
  const tagged = new Map<number, TopicEvidence>();
  // Topics judged already, one byte each: most of the ~1,000 judged a paper say no, and a map
  // entry for each of them was much of the matcher's garbage.
  const judged = new Uint8Array(index.topics.length);
  for (const phraseId of hits.ids()) {
    const topics = index.topicsByPhrase[phraseId] ?? [];
    const beside = index.nominatesBeside[phraseId] ?? [];
    for (let k = 0; k < topics.length; k += 1) {
      const topicIdx = topics[k] as number;
      if (judged[topicIdx] === 1) continue;
      // Not yet marked: another of the paper's phrases may still nominate the topic.
      const needs = beside[k];
      if (needs !== undefined && !needs.some((id) => hits.has(id))) continue;
      judged[topicIdx] = 1;
      const evidence = judgeTopic(index.topics[topicIdx] as IndexedTopic, doc, hits, stats, bm25);
      if (evidence !== undefined) tagged.set(topicIdx, evidence);
    }
  }
  return tagged;
}
