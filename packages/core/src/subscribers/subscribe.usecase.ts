// Subscribe: validate → refuse suppressed addresses silently → upsert a *pending* reader with
// their digest mode and topics (none for top trending only) → enqueue the confirmation email (throttled). Active readers get a "manage your
// subscription" email instead. The caller answers the same in every case (no enumeration),
// so `outcome` is for logs and tests only.
import { Prisma } from '@paperboy/db';
import type { ReaderDeps, RequestContext } from './reader-deps';
import { claimAndEnqueue } from './send-claim';
import type { SubscribeInput } from './subscribe-input';
import { recordEvent } from './subscription-events';
import { isSuppressed } from './suppression';

export type SubscribeOutcome = 'confirmation_sent' | 'manage_link_sent' | 'throttled' | 'suppressed';

const REFUSED_STATUSES = new Set(['bounced', 'complained']);

/** The pending reader's id, or null when the reader is no longer pending/unsubscribed. */
async function writePending(deps: ReaderDeps, input: SubscribeInput, context: RequestContext): Promise<number | null> {
  const { db } = deps;
  const existing = await db.subscriber.findUnique({ where: { email: input.email } });
  const fields = { frequency: input.frequency, timezone: input.timezone, digestMode: input.digestMode, status: 'pending' as const, nextDigestAt: null };
  const topics = input.topics.map((t) => ({ raw: t.raw, key: t.key }));
  const eventData = { topics: topics.map((t) => t.raw), digestMode: input.digestMode, frequency: input.frequency, timezone: input.timezone };
  if (!existing) {
    const created = await db.$transaction(async (tx) => {
      const row = await tx.subscriber.create({
        data: { email: input.email, ...fields, digestHour: deps.config.DIGEST_HOUR, topics: { create: topics } },
      });
      await recordEvent(tx, row.id, 'subscribed', eventData, context);
      return row;
    });
    return created.id;
  }
  return db.$transaction(async (tx) => {
    // Pending: the latest form wins (nothing was agreed yet). Unsubscribed: starting over.
    // Conditional on the status: a confirmation landing since the caller's check must not
    // turn an active reader back into a pending one.
    const { count } = await tx.subscriber.updateMany({
      where: { id: existing.id, status: { in: ['pending', 'unsubscribed'] } },
      data: { ...fields, unsubscribedAt: null },
    });
    if (count === 0) return null;
    await tx.topic.deleteMany({ where: { subscriberId: existing.id } });
    await tx.topic.createMany({ data: topics.map((t) => ({ subscriberId: existing.id, ...t })) });
    await recordEvent(tx, existing.id, existing.status === 'unsubscribed' ? 'resubscribed' : 'subscribed', eventData, context);
    return existing.id;
  });
}

/** Never a second subscription, and the existing preferences stay as they are. */
async function sendManageLink(deps: ReaderDeps, subscriberId: number): Promise<SubscribeOutcome> {
  return (await claimAndEnqueue(deps, subscriberId, 'manage-link')) ? 'manage_link_sent' : 'throttled';
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function subscribe(deps: ReaderDeps, input: SubscribeInput, context: RequestContext = {}): Promise<SubscribeOutcome> {
  if (await isSuppressed(deps.db, input.email)) return 'suppressed';
  const existing = await deps.db.subscriber.findUnique({ where: { email: input.email }, select: { id: true, status: true } });
  if (existing && REFUSED_STATUSES.has(existing.status)) return 'suppressed';
  if (existing && (existing.status === 'active' || existing.status === 'paused')) return sendManageLink(deps, existing.id);
  let subscriberId: number | null;
  try {
    subscriberId = await writePending(deps, input, context);
  } catch (error) {
    // Two first-time requests raced on the unique address: the loser updates the winner's row.
    if (!isUniqueViolation(error)) throw error;
    subscriberId = await writePending(deps, input, context);
  }
  if (subscriberId === null) {
    // The reader left pending/unsubscribed since the check (a confirmation landed): route again.
    const current = await deps.db.subscriber.findUnique({ where: { email: input.email }, select: { id: true, status: true } });
    if (current) return REFUSED_STATUSES.has(current.status) ? 'suppressed' : sendManageLink(deps, current.id);
    // Or it was deleted (an expired unconfirmed sign-up, purgeUnconfirmedReaders): a new one.
    subscriberId = await writePending(deps, input, context);
    if (subscriberId === null) return 'throttled'; // changed again meanwhile: the same neutral answer
  }
  return (await claimAndEnqueue(deps, subscriberId, 'confirm')) ? 'confirmation_sent' : 'throttled';
}
