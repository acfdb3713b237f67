// The suppression list holds hashes of addresses (see data-rights.usecase.ts): the one way to
// ask whether an address is on it, and the wipe's entry.
import type { Db, Prisma } from '@paperboy/db';
import { hashEmail } from '../email-address';

/** True when `email` (normalised) must not be mailed: it bounced, complained or was wiped. */
export async function isSuppressed(db: Pick<Db, 'suppression'>, email: string): Promise<boolean> {
  return Boolean(await db.suppression.findUnique({ where: { emailHash: hashEmail(email) } }));
}

/** A wiped reader's address: never mailed again (an earlier reason gives way to 'wiped'). */
export async function suppressWiped(db: Pick<Db, 'suppression'>, emailHash: string): Promise<void> {
  await db.suppression.upsert({
    where: { emailHash },
    create: { emailHash, reason: 'wiped' },
    update: { reason: 'wiped' },
  });
}

// An address is gone for good (a 5xx to RCPT TO, or a relay's permanent bounce reported later)
// or its reader marked our email as spam (a complaint): suppress it, stop the reader, record
// why. The one suppression path for synchronous and asynchronous bounces alike. Returned as
// writes for the caller's transaction, so a digest fails its delivery in the same commit.
type SuppressionDb = Pick<Db, 'suppression' | 'subscriber' | 'subscriptionEvent'>;
export type SuppressedFor = 'hard_bounce' | 'complaint';

const STOPPED_STATUS = { hard_bounce: 'bounced', complaint: 'complained' } as const;

/**
 * Suppresses `email` (its hash, with `reason`; an address already suppressed keeps its first
 * reason) and, when it is a reader's, stops them (bounced / complained) with an audit event.
 */
export function suppressionWrites(
  db: SuppressionDb,
  target: { email: string; subscriberId: number | null },
  reason: SuppressedFor,
  detail: string,
  data: Record<string, string | number | boolean> = {},
): Prisma.PrismaPromise<unknown>[] {
  const emailHash = hashEmail(target.email);
  const writes: Prisma.PrismaPromise<unknown>[] = [
    db.suppression.upsert({ where: { emailHash }, create: { emailHash, reason, detail }, update: {} }),
  ];
  if (target.subscriberId === null) return writes;
  return [
    ...writes,
    db.subscriber.updateMany({
      where: { id: target.subscriberId, status: { in: ['pending', 'active', 'paused'] } },
      data: { status: STOPPED_STATUS[reason], nextDigestAt: null },
    }),
    db.subscriptionEvent.create({
      data: { subscriberId: target.subscriberId, type: STOPPED_STATUS[reason], data: { ...data, detail } },
    }),
  ];
}

export function hardBounceWrites(
  db: SuppressionDb,
  reader: { subscriberId: number; email: string },
  detail: string,
  data: Record<string, string | number> = {},
): Prisma.PrismaPromise<unknown>[] {
  return suppressionWrites(db, reader, 'hard_bounce', detail, data);
}
