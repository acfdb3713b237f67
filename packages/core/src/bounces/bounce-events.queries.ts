// Data access for asynchronous bounces and complaints: who a notice is about, and the event rows.
import type { Db } from '@paperboy/db';

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
