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
  /** Share of the round-robin, in (0, 1] (default 1): "fewer on this topic" deals it a place
   * every other round (0.5). Muted topics are not passed at all. */
  weight?: number;
}

/** One candidate of one topic; lists are best first (e.g. relevance × trending × recency). */
export interface ComposeCandidate {
  paperId: number;
  score: number;
  reason: MatchReason;
  paper: RankablePaper;
  /** Near-duplicate group, when the caller computed it (nearDuplicateGroups): candidates with the
   * same `work` are one work. Without it, titles are compared per digest. */
  work?: number;
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
  /** Order inside a section: 'signals' (default, what the card shows) or 'score' (the
   * candidates' own order: a reader's learned preferences). */
  order?: 'signals' | 'score';
}

export interface ComposedPaper {
  paperId: number;
  score: number;
  /** The topic whose section carries it. */
  topicKey: string;
  /** Why, in that topic's terms, worded with the reader's label. */
  reason: MatchReason;
  /** Labels of the reader's other topics this paper (or a near-duplicate of it) also matches. */
  also: readonly string[];
  paper: RankablePaper;
  work?: number;
  /** In the digest because the reader liked this paper ("Because you liked …"), not for a topic. */
  because?: { paperId: number; title: string };
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
  /** The score of the list's first candidate left: the order topics deal in. */
  head: number;
  /** Round-robin share (ComposeTopic.weight) and the turns it has saved up. */
  weight: number;
  credit: number;
}

/** Shared by papers that match no other topic (most): replaced, never pushed to. */
const NONE: string[] = [];

// Runs for every reader of a run (a million in the benchmark): plain loops, no closures, and
// allocations limited to the digest itself.
export function composeDigest(input: ComposeInput): ComposedDigest {
  const { topics, candidates, cap } = input;
  if (!Number.isInteger(cap) || cap < 1) throw new RangeError('cap must be an integer >= 1');
  const threshold = input.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  const exclude = input.exclude ?? NONE_IDS;
  const chosen: ComposedPaper[] = [];
  const cursors: Cursor[] = [];
  const quiet: ComposeTopic[] = [];
  for (const topic of topics) {
    if (followed(cursors, quiet, topic.key)) continue; // the same topic typed twice
    const list = candidates.get(topic.key) ?? NO_CANDIDATES;
    const weight = topic.weight !== undefined && topic.weight > 0 && topic.weight < 1 ? topic.weight : 1;
    const cursor: Cursor = { topic, list, at: skipExcluded(list, 0, exclude), taken: [], head: 0, weight, credit: 0 };
    if (cursor.at < list.length) {
      cursor.head = (list[cursor.at] as ComposeCandidate).score * weight;
      cursors.push(cursor);
    } else quiet.push(topic);
  }
  // The strongest head deals first; ties keep the reader's order (an insertion sort is stable).
  const rounds = cursors.slice();
  for (let i = 1; i < rounds.length; i += 1) {
    const c = rounds[i] as Cursor;
    let j = i;
    for (; j > 0 && (rounds[j - 1] as Cursor).head < c.head; j -= 1) rounds[j] = rounds[j - 1] as Cursor;
    rounds[j] = c;
  }
  let open = rounds.length;
  while (chosen.length < cap && open > 0) {
    open = 0;
    for (const cursor of rounds) {
      if (chosen.length >= cap) break;
      if (cursor.weight < 1) {
        // A topic read "fewer" waits its turn: its credit grows by its weight each round.
        cursor.credit += cursor.weight;
        if (cursor.credit < 1) {
          if (cursor.at < cursor.list.length) open += 1;
          continue;
        }
        cursor.credit -= 1;
      }
      if (takeNext(cursor, chosen, exclude, threshold)) open += 1;
    }
  }
  if (cursors.length > 1) for (const p of chosen) addOtherTopics(p, cursors, input.matches);
  const sections: DigestSection[] = [];
  const papers: ComposedPaper[] = [];
  for (const cursor of cursors) {
    if (cursor.taken.length === 0) continue;
    const list = cursor.taken.length > 1 && input.order !== 'score' ? cursor.taken.sort(bySignals) : cursor.taken;
    sections.push({ topicKey: cursor.topic.key, label: cursor.topic.label, papers: list });
    for (const p of list) papers.push(p);
  }
  return { sections, quiet, papers };
}

const NONE_IDS: readonly number[] = [];
const NO_CANDIDATES: readonly ComposeCandidate[] = [];

function followed(cursors: readonly Cursor[], quiet: readonly ComposeTopic[], key: string): boolean {
  for (const c of cursors) if (c.topic.key === key) return true;
  for (const q of quiet) if (q.key === key) return true;
  return false;
}

function skipExcluded(list: readonly ComposeCandidate[], from: number, exclude: readonly number[]): number {
  let at = from;
  if (exclude.length === 0) return at;
  while (at < list.length && exclude.includes((list[at] as ComposeCandidate).paperId)) at += 1;
  return at;
}

/** The paper already in the digest that `next` is (the same paper, or the same work), if any. */
function alreadyIn(
  chosen: readonly ComposedPaper[],
  next: ComposeCandidate,
  threshold: number,
): ComposedPaper | undefined {
  for (const p of chosen) {
    if (p.paperId === next.paperId) return p;
    if (next.work !== undefined) {
      if (p.work === next.work) return p;
    } else if (similar(p.paper, next.paper, threshold)) return p;
  }
  return undefined;
}

/** Takes the topic's next candidate that is new to the digest; false when its list ran out. */
function takeNext(cursor: Cursor, chosen: ComposedPaper[], exclude: readonly number[], threshold: number): boolean {
  for (;;) {
    cursor.at = skipExcluded(cursor.list, cursor.at, exclude);
    const next = cursor.list[cursor.at];
    if (next === undefined) return false;
    cursor.at += 1;
    const same = alreadyIn(chosen, next, threshold);
    if (same) {
      if (same.topicKey !== cursor.topic.key && !same.also.includes(cursor.topic.label))
        same.also = same.also === NONE ? [cursor.topic.label] : [...same.also, cursor.topic.label];
      continue;
    }
    const paper: ComposedPaper = {
      paperId: next.paperId,
      score: next.score,
      topicKey: cursor.topic.key,
      reason: next.reason.topic === cursor.topic.label ? next.reason : relabelled(next.reason, cursor.topic.label),
      also: NONE,
      paper: next.paper,
      ...(next.work !== undefined ? { work: next.work } : {}),
    };
    chosen.push(paper);
    cursor.taken.push(paper);
    return true;
  }
}

/** The reason told with the reader's label, made once per reason and label: the readers of a
 * batch who word a topic alike share it (as they share the reason itself when their wording is
 * the stored one) instead of a new object and text for each paper of each digest. */
const relabels = new WeakMap<MatchReason, { label: string; reason: MatchReason }>();

function relabelled(reason: MatchReason, label: string): MatchReason {
  const known = relabels.get(reason);
  if (known !== undefined && known.label === label) return known.reason;
  const told = relabelReason(reason, label);
  relabels.set(reason, { label, reason: told });
  return told;
}

function similar(a: RankablePaper, b: RankablePaper, threshold: number): boolean {
  if (a.title === undefined || b.title === undefined) return false;
  return jaccard(paperTitleWords(a), paperTitleWords(b)) >= threshold;
}

function addOtherTopics(p: ComposedPaper, cursors: readonly Cursor[], matches: ComposeInput['matches']): void {
  for (const c of cursors) {
    if (c.topic.key === p.topicKey || p.also.includes(c.topic.label)) continue;
    const hit = matches ? matches(c.topic.key, p.paperId) : listed(c.list, p.paperId);
    if (hit) p.also = p.also === NONE ? [c.topic.label] : [...p.also, c.topic.label];
  }
}

function listed(list: readonly ComposeCandidate[], paperId: number): boolean {
  for (const x of list) if (x.paperId === paperId) return true;
  return false;
}
