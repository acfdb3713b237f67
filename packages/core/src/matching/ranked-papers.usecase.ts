// Each reader's digest candidates, ranked: their topics → the stored matches of those topics on
// recent papers (per-topic lists loaded once for the whole batch, or once per run through a
// MatchWindow) → minus what they already received → rankForReader's top N with reasons.
// Cost per reader is reading the heads of a few lists, never a pass over all papers.
import type { Db } from '@paperboy/db';
import { createDigestRanker, DEFAULT_CAP, type MatchReason, type RankedPaper, type RankingWeights } from '@paperboy/matching';
import { DAY_MS, type MatchingDeps, nowOf, positiveInt, validIds, windowDaysOf } from './matching-deps';
import { loadMatchLists, type MatchWindow } from './match-window';
import { loadReaderTopics, type ReaderTopics } from './reader-topics.queries';
import { ReasonLabels } from './reason-labels';

/** One paper of a reader's digest, best first. */
export interface ReaderPaper {
  paperId: number;
  /** Relevance × trending × recency: the order of the digest. */
  score: number;
  /** Sum of the BM25 scores of the reader's topics that matched. */
  relevance: number;
  /** The strongest matching topic: its key and the reader's wording of it. */
  topicKey: string;
  topic: string;
  /** "Because you follow reward models: 'process reward models' in the abstract". */
  reason: string;
  /** Every matching topic of the reader, strongest first. */
  reasons: MatchReason[];
}

export interface ReaderDigest {
  subscriberId: number;
  papers: ReaderPaper[];
}

export interface RankedPapersOptions {
  /** Papers per reader (default DIGEST_MAX_PAPERS, else 10). */
  cap?: number;
  /** Candidate papers: published in the last N days (default MATCH_WINDOW_DAYS). Ignored with `window`. */
  windowDays?: number;
  /** Matches loaded once for a whole run; without it each call loads its batch's topics only. */
  window?: MatchWindow;
  weights?: Partial<RankingWeights>;
}

export const MAX_READERS_PER_CALL = 10_000;

/** Paper ids each reader already received among the candidates (DeliveryPaper is unique per pair). */
async function loadDelivered(db: Db, subscriberIds: readonly number[], since: Date): Promise<Map<number, number[]>> {
  const rows = await db.$queryRaw<{ subscriberId: number; paperId: number }[]>`
    SELECT dp."subscriberId", dp."paperId" FROM "DeliveryPaper" dp JOIN "Paper" p ON p."id" = dp."paperId"
    WHERE dp."subscriberId" = ANY(${[...subscriberIds]}::int[]) AND p."publishedAt" >= ${since}`;
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const ids = out.get(r.subscriberId);
    if (ids) ids.push(r.paperId);
    else out.set(r.subscriberId, [r.paperId]);
  }
  return out;
}

/** Runs share one (a MatchWindow's reasons live as long as the window); single calls get their own. */
const windowLabels = new WeakMap<MatchWindow, ReasonLabels>();

/** The reader's wording of a topic key; a reader has a handful of topics, so a scan beats a map. */
function labelOf(reader: ReaderTopics, key: string): string | undefined {
  for (const t of reader.topics) if (t.key === key) return t.label;
  return undefined;
}

/** Shapes one ranked paper; the ranker's fresh reasons array is reused (a million readers). */
function describe(ranked: RankedPaper, reader: ReaderTopics, told: ReasonLabels): ReaderPaper {
  const { reasons, topicKeys } = ranked;
  for (let i = 0; i < reasons.length; i += 1) reasons[i] = told.tell(reasons[i] as MatchReason, labelOf(reader, topicKeys[i] as string));
  const best = reasons[0] as MatchReason;
  return {
    paperId: ranked.paperId,
    score: ranked.score,
    relevance: ranked.relevance,
    topicKey: topicKeys[0] as string,
    topic: best.topic,
    reason: best.text,
    reasons,
  };
}

/** Readers given by id (their topics are loaded) or as already loaded batches (readerBatches). */
export async function rankedPapersForReaders(
  deps: MatchingDeps,
  readers: readonly number[] | readonly ReaderTopics[],
  options: RankedPapersOptions = {},
): Promise<ReaderDigest[]> {
  const cap = positiveInt(options.cap ?? deps.config?.DIGEST_MAX_PAPERS ?? DEFAULT_CAP, 'cap', 100);
  const given = readers.length > 0 && typeof readers[0] === 'object';
  const batch = given
    ? (readers as readonly ReaderTopics[])
    : await loadReaderTopics(deps.db, validIds(readers, 'subscriberIds', MAX_READERS_PER_CALL));
  if (batch.length > MAX_READERS_PER_CALL) throw new RangeError(`at most ${MAX_READERS_PER_CALL} readers per call`);
  const now = options.window?.now ?? nowOf(deps);
  const since = options.window?.since ?? new Date(now.getTime() - windowDaysOf(deps, options.windowDays) * DAY_MS);
  const keys = [...new Set(batch.flatMap((r) => r.topics.map((t) => t.key)))];
  const [lists, delivered] = await Promise.all([
    options.window ? options.window.matchesByTopic : loadMatchLists(deps.db, since, now, keys),
    loadDelivered(deps.db, batch.map((r) => r.subscriberId), since),
  ]);
  const ranker = createDigestRanker(lists, { cap, now, ...(options.weights ? { weights: options.weights } : {}) });
  const told = labelsFor(options.window);
  return batch.map((reader) => {
    // Ranked by keys alone; the reader's wording is put in afterwards, shared across readers.
    const keys = reader.topics.map((t) => t.key);
    const ranked = ranker.rank(keys, delivered.get(reader.subscriberId) ?? []);
    return { subscriberId: reader.subscriberId, papers: ranked.map((p) => describe(p, reader, told)) };
  });
}

function labelsFor(window: MatchWindow | undefined): ReasonLabels {
  if (window === undefined) return new ReasonLabels();
  let labels = windowLabels.get(window);
  if (labels === undefined) windowLabels.set(window, (labels = new ReasonLabels()));
  return labels;
}
