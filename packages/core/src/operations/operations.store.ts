// Access style: Prisma, and set-based raw SQL for the failed-delivery sweep; operator actions, off the hot paths.
// The operations area's data access: what an operator sees of one reader, and failed digests to retry.
import type { Db } from '@paperboy/db';

const LAST = 20;

/** The reader with this (normalised) address, their topics, last deliveries and audit trail; null if none. */
export async function readerWithHistory(db: Db, email: string) {
  const subscriber = await db.subscriber.findUnique({
    where: { email },
    include: { topics: { orderBy: { id: 'asc' } } },
  });
  if (!subscriber) return null;
  const [deliveries, events] = await Promise.all([
    db.delivery.findMany({
      where: { subscriberId: subscriber.id },
      orderBy: { createdAt: 'desc' },
      take: LAST,
      select: {
        id: true,
        periodKey: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        sentAt: true,
        createdAt: true,
      },
    }),
    db.subscriptionEvent.findMany({
      where: { subscriberId: subscriber.id },
      orderBy: { id: 'desc' },
      take: LAST,
      select: { id: true, type: true, data: true, createdAt: true },
    }),
  ]);
  return { subscriber, deliveries, events };
}

/** The reader's address, or null when there is no such reader. */
export async function readerEmail(db: Pick<Db, 'subscriber'>, id: number): Promise<string | null> {
  return (await db.subscriber.findUnique({ where: { id }, select: { email: true } }))?.email ?? null;
}

/** Failed digests created since `since`: of active readers (retried) and of the others (left alone). */
export async function countFailedDeliveries(
  db: Pick<Db, '$queryRaw'>,
  since: Date,
): Promise<{ eligible: number; inactive: number }> {
  const [counts] = await db.$queryRaw<{ eligible: bigint; inactive: bigint }[]>`
    SELECT count(*) FILTER (WHERE s.status = 'active') AS eligible, count(*) FILTER (WHERE s.status <> 'active') AS inactive
    FROM "Delivery" d JOIN "Subscriber" s ON s.id = d."subscriberId"
    WHERE d.status = 'failed' AND d."createdAt" >= ${since}`;
  return { eligible: Number(counts?.eligible ?? 0), inactive: Number(counts?.inactive ?? 0) };
}

/**
 * Deletes up to `limit` failed digests of active readers created since `since` (and any
 * DeliveryPaper rows left with them) and returns whose they were. Index (status, createdAt)
 * finds them; each batch is deleted so the next skips it. A failed digest gave its papers back
 * already; any row left goes with it (no foreign key from DeliveryPaper to Delivery would take it).
 * DELETE … RETURNING hands each failed delivery to one caller only.
 */
export function takeFailedDeliveries(
  db: Pick<Db, '$queryRaw'>,
  since: Date,
  limit: number,
): Promise<{ subscriberId: number; periodKey: string }[]> {
  return db.$queryRaw<{ subscriberId: number; periodKey: string }[]>`
    WITH gone AS (
      DELETE FROM "Delivery"
      WHERE id IN (SELECT d.id FROM "Delivery" d JOIN "Subscriber" s ON s.id = d."subscriberId"
                   WHERE d.status = 'failed' AND d."createdAt" >= ${since} AND s.status = 'active' ORDER BY d.id LIMIT ${limit})
      RETURNING id, "subscriberId", "periodKey"),
    carried AS (DELETE FROM "DeliveryPaper" dp USING gone WHERE dp."deliveryId" = gone.id)
    SELECT "subscriberId", "periodKey" FROM gone`;
}
