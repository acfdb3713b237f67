// A 5xx to RCPT TO: the address is gone for good, whichever email found out (a digest or a
// transactional one). Suppress it, mark the reader bounced, record why. Returned as writes
// for the caller's transaction, so a digest fails its delivery in the same commit.
import type { Db, Prisma } from '@paperboy/db';
import { hashEmail } from './email-address';

export function hardBounceWrites(
  db: Db,
  reader: { subscriberId: number; email: string },
  detail: string,
  data: Record<string, string | number> = {},
): Prisma.PrismaPromise<unknown>[] {
  const emailHash = hashEmail(reader.email);
  return [
    db.suppression.upsert({ where: { emailHash }, create: { emailHash, reason: 'hard_bounce', detail }, update: {} }),
    db.subscriber.updateMany({
      where: { id: reader.subscriberId, status: { in: ['pending', 'active', 'paused'] } },
      data: { status: 'bounced', nextDigestAt: null },
    }),
    db.subscriptionEvent.create({
      data: { subscriberId: reader.subscriberId, type: 'bounced', data: { ...data, detail } },
    }),
  ];
}
