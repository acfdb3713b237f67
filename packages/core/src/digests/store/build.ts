// Access style: named pg prepared statements (statements.ts's runStatement), because a batch's
// insert carries ~2,600 papers in six arrays and Prisma's raw-query layer spent ~0.2 ms of the
// worker's CPU per digest serialising them (a profile of bench/digest-send.bench.ts).
// The build step's SQL. Deliveries and their papers are inserted by one statement (so they
// commit together); ON CONFLICT makes a second build of the same reader and period a no-op.
import type { Db } from '@paperboy/db';
import type { PickedPaper } from '../pick-papers';
import type { TrendingReader } from '../trending-picks';
import { runStatement, type Statement } from './statements';

/**
 * Structured reasons are kept as JSON so the email can show the topic apart from the words; the
 * topic is also the paper's section, `also` the reader's other topics it matches, `growth` the
 * upvotes it gained the day the digest was built (the card's "+N today").
 */
export function encodeReason(
  reason: PickedPaper['reason'],
  extra: Pick<PickedPaper, 'also' | 'growth' | 'trending' | 'liked'> = {},
): string {
  // "Because you liked <title>": the reader's votes brought it, beyond their topics.
  if (extra.liked !== undefined) return JSON.stringify({ kind: 'liked', liked: extra.liked });
  if (extra.trending)
    return JSON.stringify({
      kind: 'trending',
      text: typeof reason === 'string' ? reason : reason.text,
      ...(extra.growth ? { growth: extra.growth } : {}),
    });
  if (typeof reason === 'string') return reason;
  const also = extra.also?.length ? { also: extra.also } : {};
  const growth = extra.growth ? { growth: extra.growth } : {};
  // kind only when related: the email then says "Related to X" rather than "Because you follow X".
  const kind = reason.kind === 'related' ? { kind: 'related' } : {};
  return JSON.stringify({
    topic: reason.topic,
    matched: reason.matched,
    field: reason.field,
    text: reason.text,
    ...kind,
    ...also,
    ...growth,
  });
}

type Status = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface BuildRow {
  subscriberId: number;
  periodKey: string;
  status: 'pending' | 'skipped';
  /** 'notice': an empty period that completes EMPTY_PERIODS_NOTICE in a row (no papers). */
  kind: 'digest' | 'notice';
  papers: PickedPaper[];
}

export interface DeliveryRow {
  id: number;
  subscriberId: number;
  periodKey: string;
  status: Status;
  papers: number;
}

/** The readers' status: the build only writes digests of active readers. */
const READER_STATUS: Statement = {
  name: 'build.reader-status',
  text: `SELECT id, status::text AS status FROM "Subscriber" WHERE id = ANY($1::int[])`,
};

export async function readerStatuses(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await runStatement<{ id: number; status: string }>(db, READER_STATUS, [ids]);
  return new Map(rows.map((r) => [r.id, r.status]));
}

const READER_MODES: Statement = {
  name: 'build.reader-modes',
  text: `SELECT id, frequency::text AS frequency, "digestMode"::text AS "digestMode" FROM "Subscriber" WHERE id = ANY($1::int[])`,
};

/** Each reader's period and what their digest carries (pickRankedPapers). */
export async function readerModes(db: Db, ids: number[]): Promise<TrendingReader[]> {
  return runStatement<TrendingReader>(db, READER_MODES, [ids]);
}

/**
 * $1 time; deliveries: $2 readers, $3 periods, $4 kinds, $5 statuses; their papers: $6 readers,
 * $7 periods, $8 papers, $9 ranks, $10 scores, $11 reasons. ON CONFLICT on DeliveryPaper: a
 * paper this reader already received (another period built concurrently) is left out, so no
 * paper ever reaches a reader twice.
 */
const INSERT_DELIVERIES: Statement = {
  name: 'build.insert-deliveries',
  text: `
    WITH d AS (
      INSERT INTO "Delivery" ("subscriberId", "periodKey", kind, status, "createdAt", "updatedAt")
      SELECT i.sub, i.period, i.kind::"DeliveryKind", i.status::"DeliveryStatus", $1::timestamp, $1::timestamp
      FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS i(sub, period, kind, status)
      ON CONFLICT ("subscriberId", "periodKey") DO NOTHING
      RETURNING id, "subscriberId", "periodKey", status
    ), p AS (
      INSERT INTO "DeliveryPaper" ("deliveryId", "paperId", "subscriberId", rank, score, reason)
      SELECT d.id, x.paper, x.sub, x.rank, x.score, x.reason
      FROM d JOIN unnest($6::int[], $7::text[], $8::int[], $9::int[], $10::float8[], $11::text[])
        AS x(sub, period, paper, rank, score, reason) ON x.sub = d."subscriberId" AND x.period = d."periodKey"
      ON CONFLICT DO NOTHING
      RETURNING "deliveryId"
    ), counted AS (SELECT "deliveryId", count(*)::int AS n FROM p GROUP BY "deliveryId")
    SELECT d.id, d."subscriberId", d."periodKey", d.status::text AS status, coalesce(c.n, 0) AS papers
    FROM d LEFT JOIN counted c ON c."deliveryId" = d.id`,
};

export async function insertDeliveries(db: Db, rows: BuildRow[], now: Date): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  // Timestamps go in as ISO strings: the columns hold UTC without a zone, which ignores the 'Z'.
  const at = now.toISOString();
  const paper = rows.flatMap((r) => r.papers.map((p, i) => ({ r, p, rank: i + 1 })));
  return runStatement<DeliveryRow>(db, INSERT_DELIVERIES, [
    at,
    rows.map((r) => r.subscriberId),
    rows.map((r) => r.periodKey),
    rows.map((r) => r.kind),
    rows.map((r) => r.status),
    paper.map((x) => x.r.subscriberId),
    paper.map((x) => x.r.periodKey),
    paper.map((x) => x.p.paperId),
    paper.map((x) => x.rank),
    paper.map((x) => x.p.score),
    paper.map((x) => encodeReason(x.p.reason, x.p)),
  ]);
}

const EXISTING_DELIVERIES: Statement = {
  name: 'build.existing-deliveries',
  text: `
    SELECT d.id, d."subscriberId", d."periodKey", d.status::text AS status,
      (SELECT count(*)::int FROM "DeliveryPaper" dp WHERE dp."deliveryId" = d.id) AS papers
    FROM "Delivery" d JOIN unnest($1::int[], $2::text[]) AS k(sub, period)
      ON d."subscriberId" = k.sub AND d."periodKey" = k.period`,
};

export async function existingDeliveries(
  db: Db,
  keys: { subscriberId: number; periodKey: string }[],
): Promise<DeliveryRow[]> {
  if (keys.length === 0) return [];
  return runStatement<DeliveryRow>(db, EXISTING_DELIVERIES, [
    keys.map((k) => k.subscriberId),
    keys.map((k) => k.periodKey),
  ]);
}
