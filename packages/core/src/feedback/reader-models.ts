// The learned part of a digest build, for the readers of one batch who voted (the others cost
// one indexed query per batch and get exactly today's digest). Retraining is lazy, here: a
// reader's model is refitted when the votes it was fitted on (count, latest change) are not
// their votes now. Cheaper than a job per vote: a reader who votes on five cards and undoes one
// is fitted once, at their next digest, and no queue or worker sees the clicks at all; the model
// is only ever read by the build anyway.
import type { Db } from '@paperboy/db';
import {
  Idf,
  packModel,
  PoolIndex,
  termCounts,
  trainingSet,
  trainReaderModel,
  unpackModel,
  weigh,
  type LikedPaper,
  type LinearModel,
  type Personalization,
  type PoolPaper,
  type SparseVector,
  type TermCounts,
} from '@paperboy/matching';
import {
  paperTexts,
  poolPapersSince,
  storeModels,
  type TrainingVote,
  trainingVotes,
  type VoterRow,
  votersOf,
} from './feedback.store';

/** Recent papers considered for "Because you liked …" (the most upvoted of the window): they
 * are also the background papers of training and the documents idf is counted over. */
export const POOL_SIZE = 300;
/** Votes a model is fitted on at most (the newest). */
export const MAX_TRAINING_VOTES = 500;
/** Liked papers that can be named as the reason of an added paper. */
const MAX_LIKED = 20;

export interface LearningOptions {
  since: Date;
  now: Date;
  /** LEARNED_EXTRA_PAPERS. */
  maxExtras: number;
  /** Candidate paper ids of these readers' topics (the heads their models re-score). */
  candidatesOf: (subscriberIds: number[]) => number[];
}

export interface LearningStats {
  voters: number;
  trained: number;
}

/** A paper's term counts and title (the reason an extra paper names). */
interface PaperText {
  terms: TermCounts;
  title: string;
}

/** Term counts and titles per paper id, per database (ids of two test databases must not meet); bounded. */
const termCache = new WeakMap<Db, Map<number, PaperText>>();
const TERM_CACHE_LIMIT = 20_000;

async function termsOf(db: Db, ids: readonly number[]): Promise<Map<number, PaperText>> {
  let cache = termCache.get(db);
  if (!cache) {
    cache = new Map();
    termCache.set(db, cache);
  }
  const missing = [...new Set(ids)].filter((id) => !cache.has(id));
  if (missing.length > 0) {
    const rows = await paperTexts(db, missing);
    if (cache.size + rows.length > TERM_CACHE_LIMIT) cache.clear();
    for (const r of rows)
      cache.set(r.id, {
        terms: termCounts({ title: r.title, abstract: r.abstract, topicKeys: r.keys }),
        title: r.title,
      });
  }
  return cache;
}

/** The window's pool with its idf and weighed features: the same for every batch of a run (one
 * window, the same most upvoted papers), so it is read and weighed once a minute per process. */
interface FeatureSpace {
  key: string;
  loadedAt: number;
  idf: Idf;
  weighed: Map<number, SparseVector>;
  background: { paperId: number; features: SparseVector }[];
  poolPapers: PoolPaper[];
  /** The pool transposed, shared by every voter's composition (their margins over it in one pass). */
  poolIndex: PoolIndex;
}
const spaces = new WeakMap<Db, FeatureSpace>();
const SPACE_TTL_MS = 60_000;
const WEIGHED_LIMIT = 20_000;

async function featureSpace(db: Db, since: Date): Promise<FeatureSpace> {
  const key = String(Math.floor(since.getTime() / SPACE_TTL_MS));
  const known = spaces.get(db);
  if (known && known.key === key && Date.now() - known.loadedAt < SPACE_TTL_MS && known.weighed.size < WEIGHED_LIMIT)
    return known;
  const pool = await poolPapersSince(db, since, POOL_SIZE);
  const terms = await termsOf(
    db,
    pool.map((p) => p.id),
  );
  const idf = new Idf();
  for (const p of pool) {
    const t = terms.get(p.id);
    if (t) idf.add(t.terms);
  }
  const weighed = new Map<number, SparseVector>();
  const background: FeatureSpace['background'] = [];
  for (const p of pool) {
    const t = terms.get(p.id);
    if (!t) continue;
    const features = weigh(t.terms, idf);
    weighed.set(p.id, features);
    background.push({ paperId: p.id, features });
  }
  const poolPapers: PoolPaper[] = pool.map((p) => ({
    paperId: p.id,
    paper: { id: p.id, title: p.title, upvotes: Math.max(0, p.upvotes), publishedAt: p.publishedAt },
    score: 1,
  }));
  const poolIndex = new PoolIndex(poolPapers, (id) => weighed.get(id));
  const space = { key, loadedAt: Date.now(), idf, weighed, background, poolPapers, poolIndex };
  spaces.set(db, space);
  return space;
}

function stale(r: VoterRow): boolean {
  return !r.current || r.weights === null;
}

/** Each voting reader's personalisation for this build; readers without votes are absent. */
export async function loadPersonalizations(
  db: Db,
  subscriberIds: readonly number[],
  options: LearningOptions,
): Promise<{ byReader: Map<number, Personalization>; stats: LearningStats }> {
  const byReader = new Map<number, Personalization>();
  if (subscriberIds.length === 0) return { byReader, stats: { voters: 0, trained: 0 } };
  // Votes are aggregated before the model row joins: grouping by the packed weights would
  // sort kilobytes per reader.
  const voters = await votersOf(db, subscriberIds);
  if (voters.length === 0) return { byReader, stats: { voters: 0, trained: 0 } };
  const ids = voters.map((v) => v.id);
  const refit = voters.filter(stale).map((v) => v.id);
  // A reader whose model is current has their liked papers (the reasons) stored with it; only
  // those whose votes changed are read here, their votes to fit on.
  const [votes, space] = await Promise.all([
    refit.length === 0 ? ([] as TrainingVote[]) : trainingVotes(db, refit, MAX_TRAINING_VOTES, MAX_LIKED),
    featureSpace(db, options.since),
  ]);
  const likedIds: number[] = [];
  for (const v of voters) if (!stale(v) && v.liked) for (const id of v.liked) likedIds.push(id);
  const terms = await termsOf(db, [...votes.map((v) => v.paperId), ...likedIds, ...options.candidatesOf(ids)]);
  const { background, poolPapers, poolIndex, weighed, idf } = space;
  const features = (paperId: number): SparseVector | undefined => {
    const known = weighed.get(paperId);
    if (known) return known;
    const t = terms.get(paperId);
    if (!t) return undefined;
    const f = weigh(t.terms, idf);
    weighed.set(paperId, f);
    return f;
  };

  const votesOf = new Map<number, typeof votes>();
  for (const v of votes) {
    const list = votesOf.get(v.subscriberId);
    if (list) list.push(v);
    else votesOf.set(v.subscriberId, [v]);
  }
  const fitted: { id: number; weights: string; votes: number; votesAt: Date; liked: number[] }[] = [];
  for (const voter of voters) {
    const own = votesOf.get(voter.id) ?? [];
    let model: LinearModel | undefined = voter.weights && !stale(voter) ? unpackModel(voter.weights) : undefined;
    const liked: LikedPaper[] = [];
    if (model) {
      // The liked papers stored with the model: those the loop below chose when it was fitted.
      for (const paperId of voter.liked ?? []) {
        const f = features(paperId);
        const title = terms.get(paperId)?.title;
        if (f && title !== undefined) liked.push({ paperId, title, features: f });
      }
    } else {
      const examples = own.flatMap((v) => {
        const f = features(v.paperId);
        return f ? [{ paperId: v.paperId, value: (v.value > 0 ? 1 : -1) as 1 | -1, features: f }] : [];
      });
      model = trainReaderModel(trainingSet(examples, background));
      for (const v of own) {
        if (v.value <= 0 || liked.length >= MAX_LIKED) continue;
        const f = features(v.paperId);
        if (f) liked.push({ paperId: v.paperId, title: v.title, features: f });
      }
      fitted.push({
        id: voter.id,
        weights: packModel(model),
        votes: voter.n,
        votesAt: voter.at as Date,
        liked: liked.map((l) => l.paperId),
      });
    }
    byReader.set(voter.id, { model, features, liked, pool: poolPapers, poolIndex, maxExtras: options.maxExtras });
  }
  if (fitted.length > 0) await storeModels(db, fitted, options.now);
  return { byReader, stats: { voters: voters.length, trained: fitted.length } };
}
