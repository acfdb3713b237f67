// Access style: named prepared statements on the pool behind Prisma (sqlPool), because these rows
// are read per reader on a 1M-reader run and Prisma's raw-query decoding cost ~3x plain pg's CPU
// (bench/matching-db.bench.ts, BENCHMARKS.md "Streaming readers' topics out of PostgreSQL").
// Readers' topics, read in batches by keyset pagination on the Subscriber primary key (no
// OFFSET: each page starts where the last ended, at the same cost however deep), with their
// topics aggregated per reader through Topic(subscriberId, key): one round trip and one row per
// reader. Memory stays one batch, whatever the number of readers. And the papers readers
// already received, for the batch being ranked.
import { sqlPool, type Db, type SubscriberStatus } from '@paperboy/db';

export interface ReaderTopics {
  subscriberId: number;
  /** Normalised keys with the reader's own wording (shown in the reasons); muted topics are
   * left out, and a topic read "fewer" carries its round-robin share (composeDigest). */
  topics: { key: string; label: string; weight?: number }[];
  /** Papers published since `deliveredSince` that the reader already received, when the batch
   * was read with that option (it saves the ranking a query per batch). */
  delivered?: number[];
}

/** Topics travel as one string per reader, joined by the unit separator: splitting it is native
 * and several times cheaper than parsing a Postgres text[] literal in JavaScript. */
interface Row {
  id: number;
  keys: string;
  raws: string;
  /** Comma-separated Topic.weight, when the query reads them (loadReaderTopics). */
  weights?: string;
  delivered?: string;
}

const SEP = '\x1f';

const parseIds = (list: string): number[] => (list === '' ? [] : list.split(',').map(Number));

function toReader(r: Row): ReaderTopics {
  if (r.keys === '')
    return r.delivered === undefined
      ? { subscriberId: r.id, topics: [] }
      : { subscriberId: r.id, topics: [], delivered: parseIds(r.delivered) };
  const keys = r.keys.split(SEP);
  const raws = r.raws.split(SEP);
  const aligned = raws.length === keys.length; // a raw holding the separator itself: fall back to keys
  const weights = r.weights?.split(',');
  const topics = keys.map((key, i) => {
    const label = (aligned && (raws[i] as string).trim()) || key;
    const weight = weights && weights.length === keys.length ? Number(weights[i]) : 1;
    return weight > 0 && weight < 1 ? { key, label, weight } : { key, label };
  });
  return r.delivered === undefined
    ? { subscriberId: r.id, topics }
    : { subscriberId: r.id, topics, delivered: parseIds(r.delivered) };
}

const READER_TOPICS = {
  name: 'matching.reader-topics',
  text: `
    SELECT t."subscriberId" AS id, string_agg(t."key", chr(31) ORDER BY t."id") AS keys, string_agg(t."raw", chr(31) ORDER BY t."id") AS raws,
      string_agg(t."weight"::text, ',' ORDER BY t."id") AS weights
    FROM "Topic" t WHERE t."subscriberId" = ANY($1::int[]) AND NOT t."muted" GROUP BY t."subscriberId"`,
};

/**
 * A page of readers after $1 (statuses $2, $3 per page) with their topics and the papers
 * published since $4 that they received ('infinity': none). The status filter compares the
 * enum itself: cast to text, the planner misjudges how many readers match and starts parallel
 * workers for a 2,000-row index range (measured 0.4 → 5 ms).
 */
const READER_PAGE = {
  name: 'matching.reader-page',
  text: `
    WITH page AS (
      SELECT "id" FROM "Subscriber" WHERE "id" > $1::int AND "status" = ANY($2::"SubscriberStatus"[]) ORDER BY "id" LIMIT $3::int),
    tp AS (
      SELECT page."id", string_agg(t."key", chr(31) ORDER BY t."id") AS keys, string_agg(t."raw", chr(31) ORDER BY t."id") AS raws
      FROM page LEFT JOIN "Topic" t ON t."subscriberId" = page."id" AND NOT t."muted" GROUP BY page."id"),
    dl AS (
      SELECT dp."subscriberId" AS "id", string_agg(dp."paperId"::text, ',') AS delivered
      FROM page JOIN "DeliveryPaper" dp ON dp."subscriberId" = page."id" JOIN "Paper" p ON p."id" = dp."paperId"
      WHERE p."publishedAt" >= $4::timestamp GROUP BY dp."subscriberId")
    SELECT tp."id", COALESCE(tp.keys, '') AS keys, COALESCE(tp.raws, '') AS raws, COALESCE(dl.delivered, '') AS delivered
    FROM tp LEFT JOIN dl ON dl."id" = tp."id" ORDER BY tp."id"`,
};

async function query(db: Db, statement: { name: string; text: string }, values: unknown[]): Promise<Row[]> {
  return (await sqlPool(db).query<Row>({ ...statement, values })).rows;
}

export async function loadReaderTopics(db: Db, subscriberIds: readonly number[]): Promise<ReaderTopics[]> {
  if (subscriberIds.length === 0) return [];
  const rows = await query(db, READER_TOPICS, [[...subscriberIds]]);
  const byId = new Map(rows.map((r) => [r.id, toReader(r)]));
  return subscriberIds.map((id) => byId.get(id) ?? { subscriberId: id, topics: [] });
}

export interface ReaderBatchOptions {
  batchSize?: number;
  statuses?: SubscriberStatus[];
  /** Resume after this subscriber id (a run interrupted part way). */
  afterId?: number;
  /** Also read each reader's received papers published since then (see ReaderTopics.delivered). */
  deliveredSince?: Date;
}

/** No paper is published after this: the delivered part of the query finds nothing. */
const NEVER = 'infinity';

/** Every reader of the given statuses (default: active), in id order, `batchSize` at a time. */
export async function* readerBatches(db: Db, options: ReaderBatchOptions = {}): AsyncGenerator<ReaderTopics[]> {
  const { batchSize = 2_000, statuses = ['active'] } = options;
  let afterId = options.afterId ?? 0;
  for (;;) {
    // Timestamps go in as ISO strings: the column holds UTC without a zone, which ignores the 'Z'.
    const since = options.deliveredSince?.toISOString() ?? NEVER;
    const rows = await query(db, READER_PAGE, [afterId, statuses, batchSize, since]);
    if (options.deliveredSince === undefined) for (const r of rows) delete r.delivered;
    if (rows.length === 0) return;
    afterId = (rows[rows.length - 1] as Row).id;
    yield rows.map(toReader);
  }
}

/**
 * Paper ids each reader already received among the candidates (DeliveryPaper is unique per
 * pair), one row per reader. A named pg prepared statement, not Prisma: a daily reader has
 * ~140 received papers in a 14-day window, ~28,000 pairs per batch of 200 as Prisma rows.
 * Driven from the batch's ids: each reader's (subscriberId, paperId) range between the
 * window's smallest and largest paper id (exact: computed from the window's own papers, read by
 * publication date - a plain min(id) walked the key from the oldest paper), each paper then by
 * its key. The plain join depended on DeliveryPaper's statistics, which lag behind its
 * growth during a morning: the send bench's planner scanned all of DeliveryPaper for every
 * build batch (4,400 rows for the first, 96,000 for the last of 10,000 readers: 15 -> 47 ms).
 */
const DELIVERED: { name: string; text: string } = {
  name: 'matches.delivered-papers',
  text: `
    WITH w AS MATERIALIZED (
      SELECT min(q.id) AS lo, max(q.id) AS hi
      FROM (SELECT id FROM "Paper" WHERE "publishedAt" >= $2::timestamp OFFSET 0) q)
    SELECT r.id, string_agg(x."paperId"::text, ',') AS papers
    FROM (SELECT DISTINCT u.id FROM unnest($1::int[]) AS u(id)) r CROSS JOIN w
    CROSS JOIN LATERAL (
      SELECT dp."paperId" FROM "DeliveryPaper" dp
      WHERE dp."subscriberId" = r.id AND dp."paperId" BETWEEN w.lo AND w.hi OFFSET 0) x
    CROSS JOIN LATERAL (
      SELECT 1 FROM "Paper" p WHERE p.id = x."paperId" AND p."publishedAt" >= $2::timestamp OFFSET 0) p
    GROUP BY r.id`,
};

/** Per reader, the ids of papers published since `since` that they received. */
export async function loadDelivered(
  db: Db,
  subscriberIds: readonly number[],
  since: Date,
): Promise<Map<number, number[]>> {
  // Timestamps go in as ISO strings: the column holds UTC without a zone, which ignores the 'Z'.
  const { rows } = await sqlPool(db).query<{ id: number; papers: string }>({
    ...DELIVERED,
    values: [[...subscriberIds], since.toISOString()],
  });
  return new Map(rows.map((r) => [r.id, r.papers.split(',').map(Number)]));
}
