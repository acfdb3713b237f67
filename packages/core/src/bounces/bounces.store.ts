// Access style: Prisma - a few rows per relay notice, off the send path.
// The bounces area's data access: who a notice is about, and the BounceEvent rows.
import type { Db, Prisma } from '@paperboy/db';

export interface BounceTarget {
  email: string;
  subscriberId: number | null;
}

/** The reader a Message-ID of ours was sent to (a digest's Delivery row), if any. */
export async function readerByMessageId(db: Db, messageId: string): Promise<BounceTarget | undefined> {
  const bracketed = messageId.startsWith('<') ? messageId : `<${messageId}>`;
  const delivery = await db.delivery.findFirst({
    where: { messageId: { in: [bracketed, bracketed.slice(1, -1)] } },
    select: { subscriber: { select: { id: true, email: true } } },
  });
  return delivery ? { email: delivery.subscriber.email, subscriberId: delivery.subscriber.id } : undefined;
}

/** Readers by normalised address; an address that is no reader's comes back with subscriberId null. */
export async function readersByEmail(db: Db, emails: string[]): Promise<BounceTarget[]> {
  const found = await db.subscriber.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const ids = new Map(found.map((s) => [s.email, s.id]));
  return emails.map((email) => ({ email, subscriberId: ids.get(email) ?? null }));
}

type EventDb = Pick<Db, 'bounceEvent'>;

/** One event's row; false when (provider, event id, address hash) is already stored. */
export async function insertBounceEvent(db: EventDb, row: Prisma.BounceEventCreateManyInput): Promise<boolean> {
  const { count } = await db.bounceEvent.createMany({ data: [row], skipDuplicates: true });
  return count > 0;
}

/** Soft bounces of the address recorded since `since`. */
export function countSoftBounces(db: EventDb, emailHash: string, since: Date): Promise<number> {
  return db.bounceEvent.count({ where: { emailHash, reason: 'soft_bounce', createdAt: { gte: since } } });
}

export async function markEventSuppressed(
  db: EventDb,
  key: { provider: string; eventId: string; emailHash: string },
): Promise<void> {
  await db.bounceEvent.updateMany({ where: key, data: { suppressed: true } });
}
