// The learned part of a digest build, for the readers of one batch who voted (the others cost
// one indexed query per batch and get exactly today's digest). Retraining is lazy, here: a
// reader's model is refitted when the votes it was fitted on (count, latest change) are not
// their votes now. Cheaper than a job per vote: a reader who votes on five cards and undoes one
// is fitted once, at their next digest, and no queue or worker sees the clicks at all; the model
// is only ever read by the build anyway.
import { sqlPool, type Db } from '@paperboy/db';
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

interface VoterRow {
  id: number;
  n: number;
  /** Whether their stored model was fitted on exactly these votes (count and latest change). */
  current: boolean;
  /** Their latest change, only when the model is not current (what a refit is stored with). */
  at: Date | null;
  /** The packed model, only when it is current. */
  weights: string | null;
  /** The liked papers stored with it (the reasons of its extras), only when it is current. */
  liked: number[] | null;
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
    const rows = await db.$queryRaw<{ id: number; title: string; abstract: string; keys: string[] }[]>`
      SELECT p.id, p.title, p.abstract, coalesce(array_agg(m."topicKey") FILTER (WHERE m."topicKey" IS NOT NULL), '{}') AS keys
      FROM "Paper" p LEFT JOIN "Match" m ON m."paperId" = p.id
      WHERE p.id = ANY(${missing}::int[]) GROUP BY p.id`;
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
  const pool = await db.$queryRaw<{ id: number; title: string; upvotes: number; publishedAt: Date }[]>`
    SELECT p.id, p.title, p.upvotes, p."publishedAt" FROM "Paper" p
    WHERE p."publishedAt" >= ${since} AND p."withdrawnAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Match" m WHERE m."paperId" = p.id)
    ORDER BY p.upvotes DESC, p."publishedAt" DESC, p.id LIMIT ${POOL_SIZE}`;
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

// The two reads of every build batch with voters run as named prepared statements on the pool
// behind Prisma (sqlPool): parsed and planned once per connection, and their rows (a packed model
// of ~2.8 kB per voter) skip Prisma's raw-query decoding.
/** Each voter of the batch: their vote count, whether their stored model is current (fitted on
 * as many votes, the latest changed at the same millisecond: the comparison JS made on the parsed
 * timestamps) and then its weights, else their latest change (for the refit). The comparison is
 * made here so a current reader's row carries no timestamp to parse. */
const VOTERS = {
  name: 'feedback.voters',
  text: `
    SELECT v.id, v.n, c.current, CASE WHEN c.current THEN NULL ELSE v.at END AS at,
      CASE WHEN c.current THEN m.weights END AS weights, CASE WHEN c.current THEN m.liked END AS liked
    FROM (SELECT "subscriberId" AS id, count(*)::int AS n, max("updatedAt") AS at FROM "Vote"
          WHERE "subscriberId" = ANY($1::int[]) GROUP BY "subscriberId") v
    LEFT JOIN "ReaderModel" m ON m."subscriberId" = v.id
    CROSS JOIN LATERAL (SELECT coalesce(m.weights IS NOT NULL AND m.votes = v.n
      AND date_trunc('milliseconds', m."votesAt") = date_trunc('milliseconds', v.at), false) AS current) c`,
};
/** The votes to fit on ($1 = $2: the readers refitted, their newest $3) and their newest $4 liked
 * papers (stored with the model: a reader whose model is current is not read here). */
const VOTES = {
  name: 'feedback.votes',
  text: `
    SELECT x."subscriberId", x."paperId", x.value, p.title FROM (
      SELECT v.*, row_number() OVER (PARTITION BY v."subscriberId" ORDER BY v."updatedAt" DESC, v."paperId") AS k,
        row_number() OVER (PARTITION BY v."subscriberId", v.value > 0 ORDER BY v."updatedAt" DESC, v."paperId") AS kp
      FROM "Vote" v WHERE v."subscriberId" = ANY($1::int[])) x
    JOIN "Paper" p ON p.id = x."paperId"
    WHERE (x."subscriberId" = ANY($2::int[]) AND x.k <= $3::int) OR (x.value > 0 AND x.kp <= $4::int)
    ORDER BY x."subscriberId", x.k`,
};

async function run<Row extends object>(db: Db, statement: { name: string; text: string }, values: unknown[]) {
  return (await sqlPool(db).query<Row>({ ...statement, values })).rows;
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
  const voters = await run<VoterRow>(db, VOTERS, [[...subscriberIds]]);
  if (voters.length === 0) return { byReader, stats: { voters: 0, trained: 0 } };
  const ids = voters.map((v) => v.id);
  const refit = voters.filter(stale).map((v) => v.id);
  // A reader whose model is current has their liked papers (the reasons) stored with it; only
  // those whose votes changed are read here, their votes to fit on.
  type VoteRow = { subscriberId: number; paperId: number; value: number; title: string };
  const [votes, space] = await Promise.all([
    refit.length === 0 ? ([] as VoteRow[]) : run<VoteRow>(db, VOTES, [refit, refit, MAX_TRAINING_VOTES, MAX_LIKED]),
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

/** One statement for the batch's refitted models. */
async function storeModels(
  db: Db,
  rows: { id: number; weights: string; votes: number; votesAt: Date; liked: number[] }[],
  now: Date,
): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "ReaderModel" ("subscriberId", weights, votes, "votesAt", liked, "trainedAt")
    SELECT r.id, r.weights, r.votes, r.at, r.liked::int[], ${now.toISOString()}::timestamp
    FROM unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.weights)}::text[], ${rows.map((r) => r.votes)}::int[],
      ${rows.map((r) => r.votesAt.toISOString())}::timestamp[], ${rows.map((r) => `{${r.liked.join(',')}}`)}::text[])
      AS r(id, weights, votes, at, liked)
    WHERE EXISTS (SELECT 1 FROM "Subscriber" s WHERE s.id = r.id)
    ON CONFLICT ("subscriberId") DO UPDATE SET weights = EXCLUDED.weights, votes = EXCLUDED.votes,
      "votesAt" = EXCLUDED."votesAt", liked = EXCLUDED.liked, "trainedAt" = EXCLUDED."trainedAt"`;
}
