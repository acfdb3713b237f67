// The build step's SQL. Deliveries and their papers are inserted by one statement (so they
// commit together); ON CONFLICT makes a second build of the same reader and period a no-op.
import type { Db } from '@paperboy/db';
import type { PickedPaper } from './pick-papers';

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

export async function insertDeliveries(db: Db, rows: BuildRow[], now: Date): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  const at = now.toISOString();
  const paper = rows.flatMap((r) => r.papers.map((p, i) => ({ r, p, rank: i + 1 })));
  // ON CONFLICT on DeliveryPaper: a paper this reader already received (another period built
  // concurrently) is left out, so no paper ever reaches a reader twice.
  return db.$queryRaw<DeliveryRow[]>`
    WITH d AS (
      INSERT INTO "Delivery" ("subscriberId", "periodKey", kind, status, "createdAt", "updatedAt")
      SELECT i.sub, i.period, i.kind::"DeliveryKind", i.status::"DeliveryStatus", ${at}::timestamp, ${at}::timestamp
      FROM unnest(${rows.map((r) => r.subscriberId)}::int[], ${rows.map((r) => r.periodKey)}::text[], ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.status)}::text[]) AS i(sub, period, kind, status)
      ON CONFLICT ("subscriberId", "periodKey") DO NOTHING
      RETURNING id, "subscriberId", "periodKey", status
    ), p AS (
      INSERT INTO "DeliveryPaper" ("deliveryId", "paperId", "subscriberId", rank, score, reason)
      SELECT d.id, x.paper, x.sub, x.rank, x.score, x.reason
      FROM d JOIN unnest(
        ${paper.map((x) => x.r.subscriberId)}::int[], ${paper.map((x) => x.r.periodKey)}::text[], ${paper.map((x) => x.p.paperId)}::int[],
        ${paper.map((x) => x.rank)}::int[], ${paper.map((x) => x.p.score)}::float8[], ${paper.map((x) => encodeReason(x.p.reason, x.p))}::text[]
      ) AS x(sub, period, paper, rank, score, reason) ON x.sub = d."subscriberId" AND x.period = d."periodKey"
      ON CONFLICT DO NOTHING
      RETURNING "deliveryId"
    ), counted AS (SELECT "deliveryId", count(*)::int AS n FROM p GROUP BY "deliveryId")
    SELECT d.id, d."subscriberId", d."periodKey", d.status::text AS status, coalesce(c.n, 0) AS papers
    FROM d LEFT JOIN counted c ON c."deliveryId" = d.id`;
}

export async function existingDeliveries(
  db: Db,
  keys: { subscriberId: number; periodKey: string }[],
): Promise<DeliveryRow[]> {
  if (keys.length === 0) return [];
  return db.$queryRaw<DeliveryRow[]>`
    SELECT d.id, d."subscriberId", d."periodKey", d.status::text AS status,
      (SELECT count(*)::int FROM "DeliveryPaper" dp WHERE dp."deliveryId" = d.id) AS papers
    FROM "Delivery" d JOIN unnest(${keys.map((k) => k.subscriberId)}::int[], ${keys.map((k) => k.periodKey)}::text[]) AS k(sub, period)
      ON d."subscriberId" = k.sub AND d."periodKey" = k.period`;
}
