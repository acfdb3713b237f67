// Decides whether one paper is about one topic, from the phrases found in it, and how strongly.
// Shared by the indexed matcher and the naive one, so both agree to the last digit.
//   1. Traps first: an occurrence overlapping a trap phrase is another sense of the words
//      ("reaction-diffusion models", "speech emotion recognition") and does not count.
//   2. Exclusions: any excluded phrase and the paper is out.
//   3. Direct: every phrase of an alternative present, and evidence that the paper is about it
//      (where the mentions stand, plus related terms) → BM25F weight of the best alternative.
//   4. Related: otherwise, the related terms, learned associations and the topic's words
//      together must make enough evidence; such a match scores below any direct one.
// The weights and thresholds, and why they are what they are, are in evidence-weights.ts.
import type { AnalyzedPaper } from './analyze-paper';
import type { BatchStats, Bm25Options } from './bm25';
import { GENERIC_TOKENS } from '../vocab/common-words.data';
import { mentionShare } from './mention-context';
import { overlaps, type Occurrence } from './phrase-search';
import { bestAlternative } from './score-match';
import {
  DIRECT_THRESHOLD,
  MAX_ABSTRACT_MENTIONS,
  NEAR_MENTION,
  placeWeight,
  RELATED_BONUS,
  RELATED_MAX,
  RELATED_MIN_SHARE,
  RELATED_THRESHOLD,
  TITLE_FACTOR,
  TITLE_ECHO,
  TITLE_MENTION,
} from './evidence-weights';
import { holdsSet, NO_SIGN, type SignEvidence, togetherEvidence, wordsApartEvidence } from './words-together';
import type { PhraseHits } from './phrase-hits';
import type { IndexedTopic, RelatedRef } from './topic-index';

export type EvidenceKind = 'direct' | 'related';

export interface TopicEvidence {
  kind: EvidenceKind;
  /** Multiply by the topic's idf for the score. */
  weight: number;
  /** The occurrences that explain it, strongest evidence first for related terms. */
  occurrences: Occurrence[];
}

function mentionEvidence(doc: AnalyzedPaper, occurrences: readonly Occurrence[]): number {
  let title = 0;
  const abstract: number[] = [];
  for (const occ of occurrences) {
    const w = occ.near ? NEAR_MENTION : 1;
    if (occ.field === 0) title = Math.max(title, w);
    else abstract.push(w * placeWeight(occ.sentence) * mentionShare(doc.paper.abstract, occ));
  }
  abstract.sort((a, b) => b - a);
  const inAbstract = abstract.slice(0, MAX_ABSTRACT_MENTIONS).reduce((sum, w) => sum + w, 0);
  if (title === 0 && inAbstract > 0 && titleEchoes(doc, occurrences)) return TITLE_ECHO + inAbstract;
  return TITLE_MENTION * title + inAbstract;
}

/** The title carries a telling word of the topic the abstract names ("…in Tool-Augmented Agents"
 * over an abstract on "LLM agents"): the paper's subject, not a passing mention. */
function titleEchoes(doc: AnalyzedPaper, occurrences: readonly Occurrence[]): boolean {
  const words = new Set<string>();
  for (const occ of occurrences) {
    if (occ.field === 0) continue;
    for (let k = 0; k < doc.abstract.tokens.length; k += 1) {
      const at = doc.abstract.starts[k] as number;
      if (at >= occ.start && at < occ.end) {
        const token = doc.abstract.tokens[k] as string;
        if (!GENERIC_TOKENS.has(token)) words.add(token);
      }
    }
  }
  return doc.title.tokens.some((t) => words.has(t));
}

const NO_OCCURRENCES: readonly Occurrence[] = [];

/** The hits with every occurrence a trap overlaps removed (the same hits when nothing changes). */
function withoutTraps(hits: PhraseHits, trapped: readonly Occurrence[]): PhraseHits {
  if (trapped.length === 0) return hits;
  const clean = hits.emptyCopy();
  for (const [id, list] of hits.entries()) {
    const kept = list.filter((occ) => !trapped.some((t) => overlaps(occ, t)));
    if (kept.length > 0) clean.set(id, kept);
  }
  return clean;
}

/** Whether a trap took the topic's own words somewhere ("speech emotion recognition"): read off
 * what withoutTraps dropped, not found again. */
function topicWordsTrapped(topic: IndexedTopic, rawHits: PhraseHits, hits: PhraseHits): boolean {
  if (hits === rawHits) return false;
  return topic.alternatives.some((alt) =>
    alt.some((id) => (hits.get(id)?.length ?? 0) < (rawHits.get(id)?.length ?? 0)),
  );
}

/** A related term keeps its context's share, but never below RELATED_MIN_SHARE unless negated. */
const relatedShare = (share: number): number => (share === 0 ? 0 : Math.max(share, RELATED_MIN_SHARE));

/** Related evidence, and where the paper names the subject its counted terms required ("LLMs" of
 * "LLMs for healthcare"): the reason quotes it, or it would show only the field's words. */
type RelatedSign = SignEvidence & { subject?: Occurrence };

function relatedEvidence(topic: IndexedTopic, hits: PhraseHits, doc: AnalyzedPaper): RelatedSign {
  // Most papers judged for a topic have none of its related terms, or not beside what they
  // require: say so before allocating.
  if (!topic.related.some((ref) => termPresent(ref, hits))) return NO_SIGN;
  let evidence = 0;
  let mentions = 0;
  const weighted: { w: number; occ: readonly Occurrence[] }[] = [];
  const counted: Occurrence[] = [];
  const anchored = topic.anchors.some((id) => hits.has(id));
  let subject: Occurrence | undefined;
  // Strongest terms first (the index keeps them so), and a place in the text counts once:
  // "vision-language models" is one mention of VLMs, not also one of "vision-language".
  for (const ref of topic.related) {
    if (!termPresent(ref, hits) || (ref.learned && !anchored)) continue;
    const found = hits.get(ref.phraseId) as Occurrence[];
    const beside = ref.requiresNear ? besideRequired(found, hits.get(ref.requires as number) ?? []) : found;
    // The first term found takes its list as is (nothing counted yet to overlap).
    const list = counted.length === 0 ? beside : beside.filter((occ) => !counted.some((c) => overlaps(c, occ)));
    if (list.length === 0) continue;
    counted.push(...list);
    if (ref.requires !== undefined && subject === undefined) subject = subjectBeside(ref, list, hits);
    // A synonym in the title, or what the abstract's first sentence is about, says it twice over.
    const synonym = ref.weight >= 1;
    let title = 0;
    let abstract = 0;
    let abstractShare = 0;
    for (const occ of list)
      if (occ.field === 0) title += 1;
      else {
        const share = mentionShare(doc.paper.abstract, occ);
        abstract += synonym && occ.sentence === 0 && share === 1 ? 2 : 1;
        abstractShare += relatedShare(share);
      }
    const w = ref.weight * (TITLE_FACTOR * Math.min(title, 1) + Math.min(abstractShare, MAX_ABSTRACT_MENTIONS));
    evidence += w;
    mentions += (synonym ? 2 : 1) * title + abstract;
    weighted.push({ w, occ: list });
  }
  weighted.sort((a, b) => b.w - a.w);
  return {
    evidence,
    mentions,
    signs: weighted.length,
    occurrences: weighted.flatMap((x) => x.occ),
    ...(subject ? { subject } : {}),
  };
}

/** Where the paper names what a counted term required, apart from the term itself ("dexterous
 * manipulation" requires "dexterous" and holds it): beside it when the term asks so. */
function subjectBeside(ref: RelatedRef, list: readonly Occurrence[], hits: PhraseHits): Occurrence | undefined {
  const required = hits.get(ref.requires as number) ?? [];
  return required.find(
    (r) =>
      !list.some((occ) => overlaps(occ, r)) && (ref.requiresNear !== true || list.some((occ) => inOneSentence(occ, r))),
  );
}

/** The term's occurrences in a sentence that holds the required phrase too. */
function besideRequired(found: readonly Occurrence[], required: readonly Occurrence[]): readonly Occurrence[] {
  // Usually every one is: the same list, nothing allocated.
  if (found.every((occ) => required.some((r) => inOneSentence(occ, r)))) return found;
  return found.filter((occ) => required.some((r) => inOneSentence(occ, r)));
}

/** Whether two occurrences stand in one sentence (the title counts as one). */
const inOneSentence = (a: Occurrence, b: Occurrence): boolean =>
  a.field === b.field && (a.field === 0 || a.sentence === b.sentence);

/** Whether a related term is in the paper, with the phrase it requires if any. */
const termPresent = (ref: RelatedRef, hits: PhraseHits): boolean =>
  hits.has(ref.phraseId) && (ref.requires === undefined || hits.has(ref.requires));

// judgeTopic runs for every paper x topic sharing a nominating phrase (~570,000 times for the
// benchmark's thousand papers: a topic's rarest own word nominates it for its words together or
// apart) and says no to ~96 % of them, so the helpers below allocate only when there is something
// to keep.

/** The topic's trap occurrences in the paper; the shared empty list when there are none. */
function trappedOccurrences(topic: IndexedTopic, rawHits: PhraseHits): readonly Occurrence[] {
  let trapped: Occurrence[] | undefined;
  for (const id of topic.traps) {
    const found = rawHits.get(id);
    if (found === undefined) continue;
    if (trapped === undefined) trapped = [];
    trapped.push(...found);
  }
  return trapped ?? NO_OCCURRENCES;
}

const NO_ALTERNATIVES: readonly number[][] = Object.freeze([]);

/** The alternatives whose every phrase is in the paper, in the topic's order. */
function presentAlternatives(topic: IndexedTopic, hits: PhraseHits): readonly number[][] {
  let alts: number[][] | undefined;
  for (const alt of topic.alternatives) {
    if (!hits.hasAll(alt)) continue;
    if (alts === undefined) alts = [];
    alts.push(alt);
  }
  return alts ?? NO_ALTERNATIVES;
}

/** Whether some together-set of the topic may be in the paper: every anchor of the set among
 * the phrase hits, and every word of it in one field. Told from marks, before any token is looked
 * up: of the ~540,000 paper × topic pairs judged for the benchmark's batch, ~55,000 are then looked
 * for together (~384,000 with the anchors alone). */
function mayHoldTogether(topic: IndexedTopic, hits: PhraseHits): boolean {
  if (!topic.anchors.some((id) => hits.has(id))) return false;
  for (let j = 0; j < topic.together.length; j += 1) if (holdsSet(topic, j, hits) !== 0) return true;
  return false;
}

/** Two signs as one, the later's occurrences first; a sign adding nothing, without a new object. */
function withSign(to: RelatedSign, sign: SignEvidence): RelatedSign {
  if (sign === NO_SIGN) return to;
  return {
    ...to,
    evidence: to.evidence + sign.evidence,
    mentions: to.mentions + sign.mentions,
    signs: to.signs + sign.signs,
    occurrences: [...sign.occurrences, ...to.occurrences],
  };
}

export function judgeTopic(
  topic: IndexedTopic,
  doc: AnalyzedPaper,
  rawHits: PhraseHits,
  stats: BatchStats,
  bm25: Bm25Options,
): TopicEvidence | undefined {
  const trapped = trappedOccurrences(topic, rawHits);
  const hits = withoutTraps(rawHits, trapped);
  if (topic.exclusions.some((id) => hits.has(id))) return undefined;
  let related = relatedEvidence(topic, hits, doc);
  const alts = presentAlternatives(topic, hits);
  // Only without the phrase itself: its own sentence would count twice otherwise.
  if (alts.length === 0 && topic.together.length > 0 && mayHoldTogether(topic, hits)) {
    // Words a related term already counted ("answer questions") do not count again together.
    related = withSign(related, togetherEvidence(topic, doc, hits, trapped, related.occurrences));
  }
  if (alts.length === 0) related = withSign(related, wordsApartEvidence(topic, doc, hits));
  if (alts.length > 0) {
    const best = bestAlternative(doc, hits, alts, stats, bm25);
    if (mentionEvidence(doc, best.occurrences) + related.evidence >= DIRECT_THRESHOLD) {
      const bonus = RELATED_BONUS * (related.evidence / (related.evidence + 1));
      return { kind: 'direct', weight: Math.max(best.weight, RELATED_MAX) + bonus, occurrences: best.occurrences };
    }
  }
  // One word in a title is a hint, not a topic: related evidence needs two mentions at least.
  if (related.evidence < RELATED_THRESHOLD || related.mentions < 2) return undefined;
  // One sign alone (a related term, the words together, one telling word apart) and none of it
  // in the title is a word the paper uses, not what it is about: on the tuning splits such
  // matches were right 21 times in 70 (49 false matches gone, micro precision 0.84 -> 0.87,
  // recall -0.013). The subject a term required, named apart from it ("LLMs" of "LLMs for
  // healthcare"), is a second sign.
  if (related.signs + (related.subject ? 1 : 0) < 2 && !related.occurrences.some((o) => o.field === 0))
    return undefined;
  // A paper that uses the topic's own words in another sense ("Whisper for speech emotion
  // recognition") makes its case only by naming the topic, never by related terms.
  if (topicWordsTrapped(topic, rawHits, hits)) return undefined;
  const weight = RELATED_MAX * (related.evidence / (related.evidence + 1));
  // The subject first: "Related to LLMs for healthcare: 'LLMs', 'clinical notes', …".
  const { subject } = related;
  const quoted =
    subject === undefined || related.occurrences.some((o) => overlaps(o, subject))
      ? related.occurrences
      : [subject, ...related.occurrences];
  return { kind: 'related', weight, occurrences: quoted };
}
