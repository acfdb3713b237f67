// Decides whether one paper is about one topic, from the phrases found in it, and how strongly.
// Shared by the indexed matcher and the naive one, so both agree to the last digit.
//   1. Traps first: an occurrence overlapping a trap phrase is another sense of the words
//      ("reaction-diffusion models", "speech emotion recognition") and does not count.
//   2. Exclusions: any excluded phrase and the paper is out.
//   3. Direct: every phrase of an alternative present → BM25F weight of the best alternative.
//   4. Related: otherwise, the related terms' evidence (weight per mention, title twice) must
//      reach 1; it then scores below any direct hit (RELATED_MAX), so naming the topic wins.
import type { AnalyzedPaper } from './analyze-paper';
import type { BatchStats, Bm25Options } from './bm25.scorer';
import type { Occurrence } from './phrase-search';
import { bestAlternative } from './score-match';
import type { PhraseHits } from './tag-paper';
import type { IndexedTopic } from './topic-index';

export type EvidenceKind = 'direct' | 'related';

export interface TopicEvidence {
  kind: EvidenceKind;
  /** Multiply by the topic's idf for the score. */
  weight: number;
  /** The occurrences that explain it, strongest evidence first for related terms. */
  occurrences: Occurrence[];
}

/** Evidence a paper needs from related terms alone. */
export const RELATED_THRESHOLD = 1;
/** A related-only match weighs less than this; a direct one at least this much. */
export const RELATED_MAX = 0.3;
/** What related terms add on top of a direct match (more on-topic papers rank first). */
const RELATED_BONUS = 0.2;
/** A term repeated more often than this adds nothing more. */
const MAX_ABSTRACT_MENTIONS = 3;

const overlaps = (a: Occurrence, b: Occurrence): boolean => a.field === b.field && a.start < b.end && b.start < a.end;

/** The hits with every occurrence a trap overlaps removed (the same map when nothing changes). */
function withoutTraps(topic: IndexedTopic, hits: PhraseHits): PhraseHits {
  const trapped = topic.traps.flatMap((id) => hits.get(id) ?? []);
  if (trapped.length === 0) return hits;
  const clean: PhraseHits = new Map();
  for (const [id, list] of hits) {
    const kept = list.filter((occ) => !trapped.some((t) => overlaps(occ, t)));
    if (kept.length > 0) clean.set(id, kept);
  }
  return clean;
}

function relatedEvidence(topic: IndexedTopic, hits: PhraseHits): { evidence: number; occurrences: Occurrence[] } {
  let evidence = 0;
  const weighted: { w: number; occ: Occurrence[] }[] = [];
  const anchored = topic.anchors.some((id) => hits.has(id));
  for (const ref of topic.related) {
    const list = hits.get(ref.phraseId);
    if (list === undefined || (ref.learned && !anchored)) continue;
    let title = 0;
    let abstract = 0;
    for (const occ of list) if (occ.field === 0) title += 1; else abstract += 1;
    const w = ref.weight * (2 * title + Math.min(abstract, MAX_ABSTRACT_MENTIONS));
    evidence += w;
    weighted.push({ w, occ: list });
  }
  weighted.sort((a, b) => b.w - a.w);
  return { evidence, occurrences: weighted.flatMap((x) => x.occ) };
}

export function judgeTopic(
  topic: IndexedTopic,
  doc: AnalyzedPaper,
  rawHits: PhraseHits,
  stats: BatchStats,
  bm25: Bm25Options,
): TopicEvidence | undefined {
  const hits = topic.traps.length > 0 ? withoutTraps(topic, rawHits) : rawHits;
  if (topic.exclusions.some((id) => hits.has(id))) return undefined;
  const alts = topic.alternatives.filter((alt) => alt.every((id) => hits.has(id)));
  const related = topic.related.length > 0 ? relatedEvidence(topic, hits) : { evidence: 0, occurrences: [] };
  if (alts.length > 0) {
    const best = bestAlternative(doc, hits, alts, stats, bm25);
    const bonus = RELATED_BONUS * (related.evidence / (related.evidence + 1));
    return { kind: 'direct', weight: Math.max(best.weight, RELATED_MAX) + bonus, occurrences: best.occurrences };
  }
  if (related.evidence < RELATED_THRESHOLD) return undefined;
  const weight = RELATED_MAX * (related.evidence / (related.evidence + 1));
  return { kind: 'related', weight, occurrences: related.occurrences };
}
