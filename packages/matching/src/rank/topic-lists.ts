// Per-topic lists prepared for ranking many readers: papers get dense indices (so per-reader
// scratch space is typed arrays, not hash maps) and each topic's matches are sorted by their
// boosted score, so a reader only ever reads the head of each of their topics' lists.
import type { ComposeCandidate } from '../compose/compose-digest';
import { nearDuplicateGroups } from '../compose/title-similarity';
import type { MatchReason, RankablePaper, TopicMatch } from '../types';
import { paperBoost, type RankingWeights } from './signals';

export interface TopicList {
  key: string;
  length: number;
  /** Dense paper indices, by boosted score descending. */
  papers: Int32Array;
  /** Boosted score (relevance × paper boost) of each entry. */
  scores: Float64Array;
  relevances: Float64Array;
  reasons: MatchReason[];
  /** Dense paper index → entry position + 1 (0: absent). Built on first need: long lists only. */
  positions?: PositionTable;
  /** Bit set of the list's dense paper indices (bit p of word p >> 5). Built on first need: long lists only. */
  members?: Int32Array;
  /** This list as a reader's topic without a label of their own (shared, not made per reader). */
  unlabelled: { list: TopicList };
}

/** 2 bytes a paper while a batch has fewer than 65,536 papers (always, in practice), else 4. A
 * reader's head reading looks papers up at random in these tables, so the smaller they are, the
 * more of the lists a run of readers uses stay in the CPU's caches (a quarter of the rank phase's
 * time went to waiting on those loads). One type per batch: the code reading them stays monomorphic. */
export type PositionTable = Uint16Array | Int32Array;

export interface PreparedLists {
  lists: Map<string, TopicList>;
  /** The same lists as candidates for composeDigest (boosted score, best first). */
  candidates: Map<string, ComposeCandidate[]>;
  paperIds: number[];
  paperIndex: Map<number, number>;
}

function validateMatches(key: string, matches: readonly TopicMatch[]): void {
  if (!Array.isArray(matches)) throw new TypeError(`matches of topic "${key}" must be an array`);
  for (const m of matches) {
    if (!Number.isFinite(m?.score) || m.score < 0)
      throw new RangeError(`a match of topic "${key}" has an invalid score`);
    if (!(m.paper?.publishedAt instanceof Date)) throw new TypeError(`a match of topic "${key}" lacks its paper`);
  }
}

/** A paper twice in one topic's list (matches of overlapping batches merged) counts once, at its
 * best: summing both would rank it above papers that are just as relevant. */
function dedupeByPaper<T extends { idx: number; score: number }>(entries: T[]): T[] {
  const best = new Map<number, T>();
  for (const e of entries) {
    const prev = best.get(e.idx);
    if (prev === undefined || e.score > prev.score) best.set(e.idx, e);
  }
  return best.size === entries.length ? entries : [...best.values()];
}

export function prepareLists(
  matchesByTopic: ReadonlyMap<string, readonly TopicMatch[]>,
  now: Date,
  weights: RankingWeights,
): PreparedLists {
  const paperIds: number[] = [];
  const paperIndex = new Map<number, number>();
  const boosts: number[] = [];
  const papers: RankablePaper[] = [];
  const indexOf = (paper: RankablePaper): number => {
    let idx = paperIndex.get(paper.id);
    if (idx === undefined) {
      idx = paperIds.length;
      paperIds.push(paper.id);
      papers.push(paper);
      paperIndex.set(paper.id, idx);
      boosts.push(paperBoost(paper, now, weights));
    }
    return idx;
  };
  const lists = new Map<string, TopicList>();
  const candidates = new Map<string, ComposeCandidate[]>();
  for (const [key, matches] of matchesByTopic) {
    validateMatches(key, matches);
    const entries = dedupeByPaper(
      matches.map((m) => {
        const idx = indexOf(m.paper);
        return { idx, score: m.score * (boosts[idx] as number), relevance: m.score, reason: m.reason, paper: m.paper };
      }),
    );
    entries.sort((a, b) => b.score - a.score || (paperIds[a.idx] as number) - (paperIds[b.idx] as number));
    const list: TopicList = {
      key,
      length: entries.length,
      papers: Int32Array.from(entries, (e) => e.idx),
      scores: Float64Array.from(entries, (e) => e.score),
      relevances: Float64Array.from(entries, (e) => e.relevance),
      reasons: entries.map((e) => e.reason),
      // Present from the start though built later: adding a property afterwards gives the
      // object another hidden class, and code reading lists of both kinds gets slower.
      positions: undefined,
      members: undefined,
      unlabelled: undefined as unknown as { list: TopicList },
    };
    list.unlabelled = { list };
    lists.set(key, list);
    candidates.set(
      key,
      entries.map((e) => ({ paperId: paperIds[e.idx] as number, score: e.score, reason: e.reason, paper: e.paper })),
    );
  }
  // Near-duplicates found once for the run's papers, so composing a digest compares numbers.
  const works = nearDuplicateGroups(papers);
  for (const list of candidates.values()) for (const c of list) c.work = works.get(c.paperId) as number;
  return { lists, candidates, paperIds, paperIndex };
}

export function positionsOf(list: TopicList, paperCount: number): PositionTable {
  if (list.positions === undefined) {
    const positions = paperCount < 0xffff ? new Uint16Array(paperCount) : new Int32Array(paperCount);
    for (let i = 0; i < list.length; i += 1) positions[list.papers[i] as number] = i + 1;
    list.positions = positions;
  }
  return list.positions;
}

/** Words of a bit set over a batch's papers. */
export const memberWords = (paperCount: number): number => (paperCount + 31) >>> 5;

/** Which papers a reader's long lists share is found from these: 128 bytes for 1,000 papers. */
export function membersOf(list: TopicList, paperCount: number): Int32Array {
  if (list.members === undefined) {
    const members = new Int32Array(memberWords(paperCount));
    for (let i = 0; i < list.length; i += 1) {
      const p = list.papers[i] as number;
      members[p >>> 5] = (members[p >>> 5] as number) | (1 << (p & 31));
    }
    list.members = members;
  }
  return list.members;
}

/** Lists up to this long are scanned rather than given a position table (memory: a table is
 * 2 bytes per paper of the batch, so tables exist only for lists long enough to need them). */
const SCAN_LIMIT = 8;

/** Position of a paper in a list, or -1; a scan for short lists, the position table for long. */
export function findInList(list: TopicList, paper: number, paperCount: number): number {
  if (list.positions === undefined && list.length <= SCAN_LIMIT) {
    for (let i = 0; i < list.length; i += 1) if (list.papers[i] === paper) return i;
    return -1;
  }
  return positionsOf(list, paperCount)[paper]! - 1;
}
