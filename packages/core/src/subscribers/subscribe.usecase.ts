// Subscribe: validate → refuse suppressed addresses silently → upsert a *pending* reader with
// topics → enqueue the confirmation email (throttled). Active readers get a "manage your
// subscription" email instead. The caller answers the same in every case (no enumeration),
// so `outcome` is for logs and tests only.
import { Prisma } from '@paperboy/db';
import { hashEmail } from './email-address';
import { enqueueTopicBackfill, type ReaderDeps, type RequestContext } from './reader-deps';
import { claimAndEnqueue } from './send-claim';
import type { SubscribeInput } from './subscribe-input';
import { recordEvent } from './subscription-events';

export type SubscribeOutcome = 'confirmation_sent' | 'manage_link_sent' | 'throttled' | 'suppressed';

const REFUSED_STATUSES = new Set(['bounced', 'complained']);

async function writePending(deps: ReaderDeps, input: SubscribeInput, context: RequestContext): Promise<number> {
  const { db } = deps;
  const existing = await db.subscriber.findUnique({ where: { email: input.email } });
  const fields = { frequency: input.frequency, timezone: input.timezone, status: 'pending' as const, nextDigestAt: null };
  const topics = input.topics.map((t) => ({ raw: t.raw, key: t.key }));
  const eventData = { topics: topics.map((t) => t.raw), frequency: input.frequency, timezone: input.timezone };
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
  await db.$transaction(async (tx) => {
    // Pending: the latest form wins (nothing was agreed yet). Unsubscribed: starting over.
    await tx.topic.deleteMany({ where: { subscriberId: existing.id } });
    await tx.subscriber.update({ where: { id: existing.id }, data: { ...fields, unsubscribedAt: null, topics: { create: topics } } });
    await recordEvent(tx, existing.id, existing.status === 'unsubscribed' ? 'resubscribed' : 'subscribed', eventData, context);
  });
  return existing.id;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export async function subscribe(deps: ReaderDeps, input: SubscribeInput, context: RequestContext = {}): Promise<SubscribeOutcome> {
  const suppressed = await deps.db.suppression.findUnique({ where: { emailHash: hashEmail(input.email) } });
  if (suppressed) return 'suppressed';
  const existing = await deps.db.subscriber.findUnique({ where: { email: input.email }, select: { id: true, status: true } });
  if (existing && REFUSED_STATUSES.has(existing.status)) return 'suppressed';
  if (existing && (existing.status === 'active' || existing.status === 'paused')) {
    // Never a second subscription, and the existing preferences stay as they are.
    return (await claimAndEnqueue(deps, existing.id, 'manage-link')) ? 'manage_link_sent' : 'throttled';
  }
  let subscriberId: number;
  try {
    subscriberId = await writePending(deps, input, context);
  } catch (error) {
    // Two first-time requests raced on the unique address: the loser updates the winner's row.
    if (!isUniqueViolation(error)) throw error;
    subscriberId = await writePending(deps, input, context);
  }
  await enqueueTopicBackfill(deps, input.topics.map((t) => t.key));
  return (await claimAndEnqueue(deps, subscriberId, 'confirm')) ? 'confirmation_sent' : 'throttled';
}
