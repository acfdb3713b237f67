// The digests a reader was sent, and the papers each carried, in digest order. DeliveryPaper names its Delivery without a
// foreign key (see schema.prisma), so Prisma has no `papers` relation to include: one query
// for all the deliveries asked about, grouped here.
import type { Db } from '@paperboy/db';

const carriedPaperSelect = {
  deliveryId: true,
  rank: true,
  score: true,
  reason: true,
  paper: { select: { sourceId: true, title: true, hfUrl: true, arxivUrl: true } },
} as const;

export async function carriedPapers(db: Db, deliveryIds: readonly number[]) {
  const rows = await db.deliveryPaper.findMany({
    where: { deliveryId: { in: [...deliveryIds] } },
    orderBy: [{ deliveryId: 'asc' }, { rank: 'asc' }],
    select: carriedPaperSelect,
  });
  const byDelivery = new Map<number, Omit<(typeof rows)[number], 'deliveryId'>[]>();
  for (const { deliveryId, ...row } of rows) {
    const list = byDelivery.get(deliveryId);
    if (list) list.push(row);
    else byDelivery.set(deliveryId, [row]);
  }
  return (deliveryId: number) => byDelivery.get(deliveryId) ?? [];
}

/** The reader's last `limit` digests sent, newest first. */
export function sentDeliveries(
  db: Pick<Db, 'delivery'>,
  subscriberId: number,
  limit: number,
): Promise<{ id: number; periodKey: string; sentAt: Date | null }[]> {
  return db.delivery.findMany({
    where: { subscriberId, status: 'sent' },
    orderBy: { sentAt: 'desc' },
    take: limit,
    select: { id: true, periodKey: true, sentAt: true },
  });
}
