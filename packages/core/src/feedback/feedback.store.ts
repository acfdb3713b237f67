// Access style: pg prepared statements for the build's per-batch voter reads (packed models skip Prisma's decoding); Prisma elsewhere.
// The feedback area's data access: votes, readers' models and the reads the digest build fits
// them with (reader-models.ts), topic settings, and the related topics "add this topic" names.
import { sqlPool, type Db, type Prisma } from '@paperboy/db';

// --- The digest build's reads and writes (reader-models.ts)

export interface VoterRow {
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
      CASE WHEN c.current THEN m.weights END AS weights,
      CASE WHEN c.current THEN array_to_string(m.liked, ',') END AS liked
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

export async function votersOf(db: Db, subscriberIds: readonly number[]): Promise<VoterRow[]> {
  const rows = await run<Omit<VoterRow, 'liked'> & { liked: string | null }>(db, VOTERS, [[...subscriberIds]]);
  // The liked ids come as "12,34": node-postgres's int[] parser builds each element character by
  // character, ~1 kB of garbage per voter (an eighth of what the learning adds to a build's
  // allocation; BENCHMARKS.md, "Build-job cost").
  const voters = rows as unknown as VoterRow[];
  for (const r of rows) {
    const text = r.liked;
    (r as unknown as VoterRow).liked = text === null ? null : text === '' ? [] : text.split(',').map(Number);
  }
  return voters;
}

export interface TrainingVote {
  subscriberId: number;
  paperId: number;
  value: number;
  title: string;
}

/** The newest `maxVotes` votes of each reader of `refit` and their newest `maxLiked` liked papers. */
export function trainingVotes(db: Db, refit: number[], maxVotes: number, maxLiked: number): Promise<TrainingVote[]> {
  return run<TrainingVote>(db, VOTES, [refit, refit, maxVotes, maxLiked]);
}

/** Title, abstract and matched topic keys of these papers. */
export function paperTexts(
  db: Pick<Db, '$queryRaw'>,
  ids: number[],
): Promise<{ id: number; title: string; abstract: string; keys: string[] }[]> {
  return db.$queryRaw<{ id: number; title: string; abstract: string; keys: string[] }[]>`
    SELECT p.id, p.title, p.abstract, coalesce(array_agg(m."topicKey") FILTER (WHERE m."topicKey" IS NOT NULL), '{}') AS keys
    FROM "Paper" p LEFT JOIN "Match" m ON m."paperId" = p.id
    WHERE p.id = ANY(${ids}::int[]) GROUP BY p.id`;
}

/** The `limit` most upvoted matched papers published since `since`, not withdrawn. */
export function poolPapersSince(
  db: Pick<Db, '$queryRaw'>,
  since: Date,
  limit: number,
): Promise<{ id: number; title: string; upvotes: number; publishedAt: Date }[]> {
  return db.$queryRaw<{ id: number; title: string; upvotes: number; publishedAt: Date }[]>`
    SELECT p.id, p.title, p.upvotes, p."publishedAt" FROM "Paper" p
    WHERE p."publishedAt" >= ${since} AND p."withdrawnAt" IS NULL
      AND EXISTS (SELECT 1 FROM "Match" m WHERE m."paperId" = p.id)
    ORDER BY p.upvotes DESC, p."publishedAt" DESC, p.id LIMIT ${limit}`;
}

/** One statement for the batch's refitted models. */
export async function storeModels(
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

// --- Votes (votes.usecase.ts, learning-view.ts)

export async function paperTitle(db: Pick<Db, 'paper'>, paperId: number): Promise<string | null> {
  return (await db.paper.findUnique({ where: { id: paperId }, select: { title: true } }))?.title ?? null;
}

/** The reader's vote on the paper: +1, -1, or 0 for none. */
export async function voteValue(db: Pick<Db, 'vote'>, subscriberId: number, paperId: number): Promise<number> {
  const vote = await db.vote.findUnique({ where: { subscriberId_paperId: { subscriberId, paperId } } });
  return vote?.value ?? 0;
}

/** The vote (0 for none) read under a row lock: call inside the transaction that changes it. */
export async function lockVote(db: Pick<Db, '$queryRaw'>, subscriberId: number, paperId: number): Promise<number> {
  const before = await db.$queryRaw<{ value: number }[]>`
    SELECT value FROM "Vote" WHERE "subscriberId" = ${subscriberId} AND "paperId" = ${paperId} FOR UPDATE`;
  return before[0]?.value ?? 0;
}

/** The vote becomes `value` (0: no vote). */
export async function writeVote(
  db: Pick<Db, 'vote'>,
  subscriberId: number,
  paperId: number,
  value: number,
  now: Date,
): Promise<void> {
  if (value === 0) await db.vote.deleteMany({ where: { subscriberId, paperId } });
  else
    await db.vote.upsert({
      where: { subscriberId_paperId: { subscriberId, paperId } },
      create: { subscriberId, paperId, value, createdAt: now, updatedAt: now },
      update: { value, updatedAt: now },
    });
}

export interface VoteRow {
  value: number;
  createdAt: Date;
  updatedAt: Date;
  paper: { sourceId: string; title: string };
}

/** The reader's votes, newest first. */
export function votesOf(db: Pick<Db, 'vote'>, subscriberId: number): Promise<VoteRow[]> {
  return db.vote.findMany({
    where: { subscriberId },
    orderBy: [{ updatedAt: 'desc' }, { paperId: 'asc' }],
    select: { value: true, createdAt: true, updatedAt: true, paper: { select: { sourceId: true, title: true } } },
  });
}

/** When the reader's model was fitted and on how many votes; null without one. */
export function modelSummary(
  db: Pick<Db, 'readerModel'>,
  subscriberId: number,
): Promise<{ trainedAt: Date; votes: number } | null> {
  return db.readerModel.findUnique({ where: { subscriberId }, select: { trainedAt: true, votes: true } });
}

/** Deletes the reader's votes and model together; returns how many votes went. */
export async function deleteVotesAndModel(db: Db, subscriberId: number): Promise<number> {
  const [deleted] = await db.$transaction([
    db.vote.deleteMany({ where: { subscriberId } }),
    db.readerModel.deleteMany({ where: { subscriberId } }),
  ]);
  return deleted.count;
}

// --- Topic settings (topic-controls.usecase.ts)

export function followedTopicRow(db: Pick<Db, 'topic'>, subscriberId: number, key: string) {
  return db.topic.findUnique({ where: { subscriberId_key: { subscriberId, key } } });
}

export async function setTopicWeight(
  db: Pick<Db, 'topic'>,
  subscriberId: number,
  key: string,
  data: Pick<Prisma.TopicUpdateManyMutationInput, 'muted' | 'weight'>,
): Promise<void> {
  await db.topic.updateMany({ where: { subscriberId, key }, data });
}

// --- "Add this topic" (related-topics.ts)

/**
 * Topics the reader does not follow that matched papers of their digests made since `since`,
 * followed by at least `minReaders` active readers, most papers first, at most `limit`.
 */
export function relatedTopicRows(
  db: Pick<Db, '$queryRaw'>,
  subscriberId: number,
  since: Date,
  minReaders: number,
  limit: number,
): Promise<{ key: string; label: string; papers: number }[]> {
  return db.$queryRaw<{ key: string; label: string; papers: number }[]>`
    WITH mine AS (
      SELECT dp."paperId" FROM "DeliveryPaper" dp JOIN "Delivery" d ON d.id = dp."deliveryId"
      WHERE dp."subscriberId" = ${subscriberId} AND d."createdAt" >= ${since}),
    co AS (
      SELECT m."topicKey" AS key, count(*)::int AS papers FROM "Match" m JOIN mine ON mine."paperId" = m."paperId"
      WHERE NOT EXISTS (SELECT 1 FROM "Topic" t WHERE t."subscriberId" = ${subscriberId} AND t.key = m."topicKey")
      GROUP BY m."topicKey")
    SELECT co.key, co.papers, (SELECT mode() WITHIN GROUP (ORDER BY t.raw) FROM "Topic" t WHERE t.key = co.key) AS label
    FROM co
    WHERE (SELECT count(*) FROM "Topic" t JOIN "Subscriber" s ON s.id = t."subscriberId"
           WHERE t.key = co.key AND s.status = 'active') >= ${minReaders}
    ORDER BY co.papers DESC, co.key LIMIT ${limit}`;
}

/** Of these keys, those at least `minReaders` active readers follow, with their most typed wording. */
export function popularTopicLabels(
  db: Pick<Db, '$queryRaw'>,
  keys: string[],
  minReaders: number,
): Promise<{ key: string; label: string }[]> {
  return db.$queryRaw<{ key: string; label: string }[]>`
      SELECT t.key, mode() WITHIN GROUP (ORDER BY t.raw) AS label
      FROM "Topic" t JOIN "Subscriber" s ON s.id = t."subscriberId"
      WHERE t.key = ANY(${keys}::text[]) AND s.status = 'active'
      GROUP BY t.key HAVING count(*) >= ${minReaders}`;
}

/** Per digest, each topic its reader does not follow that at least `minPapers` of its papers matched.
 * Planned the same way whatever DeliveryPaper's statistics say: during a morning the table grows
 * by millions of rows faster than anything analyses it (on a server without autovacuum, never),
 * and the planner, expecting a million rows for a batch's 50 digests, hashed all of Topic (2.3 M
 * rows for 1 M readers, ~0.8 s a send batch) and later scanned all of DeliveryPaper (1.4 s). So
 * the statement drives from the batch's ids: per digest its rows through DeliveryPaper's primary
 * key (deliveryId, paperId), per paper its matches through Match's (paperId, topicKey), and "not
 * followed" against the reader's topic keys, read once per digest through Topic's
 * (subscriberId, key) index (a look-up per match row was ~3,000 index scans for a send batch of
 * 50 digests, ~0.3 ms of Postgres per digest; never an anti-join). OFFSET 0 keeps each LATERAL
 * subquery a parameterised scan: without it Postgres flattens them into ordinary joins and plans
 * those from the estimates. */
export function unfollowedTopicsOfDeliveries(
  db: Pick<Db, '$queryRaw'>,
  deliveryIds: readonly number[],
  minPapers: number,
): Promise<{ id: number; key: string; papers: number }[]> {
  return db.$queryRaw<{ id: number; key: string; papers: number }[]>`
    SELECT b.id, m."topicKey" AS key, count(*)::int AS papers
    FROM unnest(${[...new Set(deliveryIds)]}::int[]) AS b(id)
    CROSS JOIN LATERAL (SELECT d."subscriberId" FROM "Delivery" d WHERE d.id = b.id OFFSET 0) d
    CROSS JOIN LATERAL (
      SELECT coalesce(array_agg(t.key), '{}') AS keys FROM "Topic" t WHERE t."subscriberId" = d."subscriberId") own
    CROSS JOIN LATERAL (SELECT dp."paperId" FROM "DeliveryPaper" dp WHERE dp."deliveryId" = b.id OFFSET 0) dp
    CROSS JOIN LATERAL (SELECT m."topicKey" FROM "Match" m WHERE m."paperId" = dp."paperId" OFFSET 0) m
    WHERE m."topicKey" <> ALL (own.keys)
    GROUP BY 1, 2 HAVING count(*) >= ${minPapers}`;
}

/** The topic's most typed wording; null when nobody follows it. */
export async function topicLabel(db: Pick<Db, '$queryRaw'>, key: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ label: string | null }[]>`
    SELECT mode() WITHIN GROUP (ORDER BY raw) AS label FROM "Topic" WHERE key = ${key}`;
  return rows[0]?.label ?? null;
}
