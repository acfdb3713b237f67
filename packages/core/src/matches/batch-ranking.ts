// One batch of readers made ready to rank: the per-topic lists (loaded once for the batch, or
// the run's MatchWindow), the papers each reader already received, and the shared reason
// wordings. Ranking then runs over any slice of the batch: callers ranking a million readers
// hand results out a few hundred readers at a time, so they die young instead of being promoted
// and swept (measured: retaining 2,000 readers' results doubles the ranking's CPU time).
import {
  createDigestRanker,
  DEFAULT_CAP,
  type ComposedDigest,
  type DigestRanker,
  type MatchReason,
  type Personalization,
  type RankedPaper,
  type TopicMatch,
} from '@paperboy/matching';
import { DAY_MS, type MatchingDeps, nowOf, positiveInt, windowDaysOf } from './matching-deps';
import { loadMatchLists, type MatchWindow } from './match-window';
import type { RankedPapersOptions, ReaderDigest, ReaderPaper } from './ranked-papers.types';
import { loadDelivered, type ReaderTopics } from './store';
import { ReasonLabels } from './reason-labels';

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
  for (let i = 0; i < reasons.length; i += 1)
    reasons[i] = told.tell(reasons[i] as MatchReason, labelOf(reader, topicKeys[i] as string));
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

function labelsFor(window: MatchWindow | undefined): ReasonLabels {
  if (window === undefined) return new ReasonLabels();
  let labels = windowLabels.get(window);
  if (labels === undefined) {
    labels = new ReasonLabels();
    windowLabels.set(window, labels);
  }
  return labels;
}

export class PreparedBatch {
  constructor(
    private readonly ranker: DigestRanker,
    private readonly delivered: Map<number, number[]>,
    private readonly told: ReasonLabels,
    private readonly lists: ReadonlyMap<string, readonly TopicMatch[]>,
  ) {}

  /** The first `depth` candidates of these readers' topics (each distinct topic once): what their
   * models re-score. */
  candidateIds(readers: readonly ReaderTopics[], depth = 100): number[] {
    const keys = new Set<string>();
    for (const r of readers) for (const t of r.topics) keys.add(t.key);
    const ids: number[] = [];
    for (const key of keys) {
      const list = this.lists.get(key) ?? [];
      for (let i = 0; i < list.length && i < depth; i += 1) ids.push((list[i] as TopicMatch).paperId);
    }
    return ids;
  }

  /** Ranks these readers (any slice of the prepared batch), in order. */
  rank(readers: readonly ReaderTopics[]): ReaderDigest[] {
    return readers.map((reader) => {
      // Ranked by keys alone; the reader's wording is put in afterwards, shared across readers.
      const keys = reader.topics.map((t) => t.key);
      const ranked = this.ranker.rank(keys, this.delivered.get(reader.subscriberId) ?? []);
      return { subscriberId: reader.subscriberId, papers: ranked.map((p) => describe(p, reader, this.told)) };
    });
  }

  /** These readers' digests in balanced topic sections (composeDigest), in order; a reader
   * with a personalisation (they voted) gets it applied. */
  compose(
    readers: readonly ReaderTopics[],
    personalizations?: ReadonlyMap<number, Personalization>,
  ): { subscriberId: number; digest: ComposedDigest }[] {
    return readers.map((reader) => ({
      subscriberId: reader.subscriberId,
      digest: this.ranker.compose(
        reader.topics,
        this.delivered.get(reader.subscriberId) ?? [],
        personalizations?.get(reader.subscriberId),
      ),
    }));
  }
}

export async function prepareBatch(
  deps: MatchingDeps,
  batch: readonly ReaderTopics[],
  options: RankedPapersOptions,
): Promise<PreparedBatch> {
  const cap = positiveInt(options.cap ?? deps.config?.DIGEST_MAX_PAPERS ?? DEFAULT_CAP, 'cap', 100);
  const now = options.window?.now ?? nowOf(deps);
  const since = options.window?.since ?? new Date(now.getTime() - windowDaysOf(deps, options.windowDays) * DAY_MS);
  const keys = [...new Set(batch.flatMap((r) => r.topics.map((t) => t.key)))];
  // Batches read with `deliveredSince` (rankEveryReader) carry what each reader received already.
  const carried = batch.every((r) => r.delivered !== undefined);
  const [lists, delivered] = await Promise.all([
    options.window ? options.window.matchesByTopic : loadMatchLists(deps.db, since, now, keys),
    carried
      ? new Map(batch.map((r) => [r.subscriberId, r.delivered as number[]]))
      : loadDelivered(
          deps.db,
          batch.map((r) => r.subscriberId),
          since,
        ),
  ]);
  const ranker = createDigestRanker(lists, { cap, now, ...(options.weights ? { weights: options.weights } : {}) });
  return new PreparedBatch(ranker, delivered, labelsFor(options.window), lists);
}
