// A balanced digest from each topic's ranked candidates. A plain top-N over summed scores let
// one busy topic take 7 of 10 places and left another topic that had matches with none, so the
// places are dealt round-robin over the reader's topics (the topic with the strongest head
// first), each topic taking its next candidate not already in the digest and not a
// near-duplicate of one that is. The result is in sections, one per topic that got papers, in
// the order the reader follows them; inside a section papers are ordered by what the card shows
// (upvotes, then upvotes gained today, then date), so the order explains itself. Followed topics
// with nothing new are listed as quiet ("Nothing new on X today").
import { relabelReason } from '../match/reason';
import type { MatchReason, RankablePaper } from '../types';
import { DEFAULT_DUPLICATE_THRESHOLD, jaccard, paperTitleWords } from './title-similarity';

export interface ComposeTopic {
  key: string;
  /** The reader's wording, shown as the section heading and in reasons. */
  label: string;
}

/** One candidate of one topic; lists are best first (e.g. relevance × trending × recency). */
export interface ComposeCandidate {
  paperId: number;
  score: number;
  reason: MatchReason;
  paper: RankablePaper;
}

export interface ComposeInput {
  topics: readonly ComposeTopic[];
  /** Each topic key's candidates, best first (shared by every reader: never mutated). */
  candidates: ReadonlyMap<string, readonly ComposeCandidate[]>;
  /** Papers in the digest at most. */
  cap: number;
  /** Paper ids the reader already received. */
  exclude?: readonly number[];
  /** Title word Jaccard at or above which two papers are one work (default 0.7). */
  duplicateThreshold?: number;
  /** Whether a paper matches a topic (fast lookup); default: a scan of that topic's candidates. */
  matches?: (topicKey: string, paperId: number) => boolean;
}

export interface ComposedPaper {
  paperId: number;
  score: number;
  /** The topic whose section carries it. */
  topicKey: string;
  /** Why, in that topic's terms, worded with the reader's label. */
  reason: MatchReason;
  /** Labels of the reader's other topics this paper (or a near-duplicate of it) also matches. */
  also: string[];
  paper: RankablePaper;
}

export interface DigestSection {
  topicKey: string;
  label: string;
  papers: ComposedPaper[];
}

export interface ComposedDigest {
  sections: DigestSection[];
  /** Followed topics with nothing new: "Nothing new on X today". */
  quiet: ComposeTopic[];
  /** Every paper, section by section: the digest's order. */
  papers: ComposedPaper[];
}

/** The card's order: ▲ upvotes, then "+N today", then the newest, then the paper id (stable). */
export function bySignals(a: ComposedPaper, b: ComposedPaper): number {
  return (
    b.paper.upvotes - a.paper.upvotes ||
    (b.paper.upvoteGrowth ?? 0) - (a.paper.upvoteGrowth ?? 0) ||
    b.paper.publishedAt.getTime() - a.paper.publishedAt.getTime() ||
    a.paperId - b.paperId
  );
}

interface Cursor {
  topic: ComposeTopic;
  list: readonly ComposeCandidate[];
  at: number;
  taken: ComposedPaper[];
}

export function composeDigest(input: ComposeInput): ComposedDigest {
  const { topics, candidates, cap } = input;
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError('cap must be an integer >= 1');
  const threshold = input.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const exclude = input.exclude ?? [];
  const chosen: ComposedPaper[] = [];
  const cursors: Cursor[] = [];
  const quiet: ComposeTopic[] = [];
  for (const topic of topics) {
    if (cursors.some((c) => c.topic.key === topic.key)) continue; // the same topic typed twice
    const list = candidates.get(topic.key) ?? [];
    const cursor: Cursor = { topic, list, at: 0, taken: [] };
    skipExcluded(cursor, exclude);
    if (cursor.at < list.length) cursors.push(cursor);
    else quiet.push(topic);
  }
  // The strongest head deals first; ties keep the reader's order (sort is stable).
  const rounds = [...cursors].sort((a, b) => (b.list[b.at] as ComposeCandidate).score - (a.list[a.at] as ComposeCandidate).score);
  let open = rounds.length;
  while (chosen.length < cap && open > 0) {
    open = 0;
    for (const cursor of rounds) {
      if (chosen.length >= cap) break;
      if (takeNext(cursor, chosen, exclude, threshold)) open += 1;
    }
  }
  for (const p of chosen) addOtherTopics(p, cursors, input.matches);
  const sections: DigestSection[] = [];
  for (const cursor of cursors) {
    if (cursor.taken.length === 0) continue;
    sections.push({ topicKey: cursor.topic.key, label: cursor.topic.label, papers: cursor.taken.sort(bySignals) });
  }
  return { sections, quiet, papers: sections.flatMap((s) => s.papers) };
}

function skipExcluded(cursor: Cursor, exclude: readonly number[]): void {
  while (cursor.at < cursor.list.length && exclude.includes((cursor.list[cursor.at] as ComposeCandidate).paperId)) cursor.at += 1;
}

/** Takes the topic's next candidate that is new to the digest; false when its list ran out. */
function takeNext(cursor: Cursor, chosen: ComposedPaper[], exclude: readonly number[], threshold: number): boolean {
  for (;;) {
    skipExcluded(cursor, exclude);
    const next = cursor.list[cursor.at];
    if (next === undefined) return false;
    cursor.at += 1;
    const same = chosen.find((p) => p.paperId === next.paperId || similar(p.paper, next.paper, threshold));
    if (same) {
      if (same.topicKey !== cursor.topic.key && !same.also.includes(cursor.topic.label)) same.also.push(cursor.topic.label);
      continue;
    }
    const paper: ComposedPaper = {
      paperId: next.paperId,
      score: next.score,
      topicKey: cursor.topic.key,
      reason: relabelReason(next.reason, cursor.topic.label),
      also: [],
      paper: next.paper,
    };
    chosen.push(paper);
    cursor.taken.push(paper);
    return true;
  }
}

function similar(a: RankablePaper, b: RankablePaper, threshold: number): boolean {
  if (a.title === undefined || b.title === undefined) return false;
  return jaccard(paperTitleWords(a), paperTitleWords(b)) >= threshold;
}

function addOtherTopics(p: ComposedPaper, cursors: readonly Cursor[], matches: ComposeInput['matches']): void {
  for (const c of cursors) {
    if (c.topic.key === p.topicKey || p.also.includes(c.topic.label)) continue;
    const hit = matches ? matches(c.topic.key, p.paperId) : c.list.some((x) => x.paperId === p.paperId);
    if (hit) p.also.push(c.topic.label);
  }
}
