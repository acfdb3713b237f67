// The audit trail of a reader's life. Every state change writes one row in the same
// transaction as the change, so the trail never disagrees with the subscriber.
import type { Prisma } from '@paperboy/db';
import type { RequestContext } from '../reader-deps';

export type SubscriptionEventType =
  | 'subscribed'
  | 'confirmation_sent'
  | 'manage_link_sent'
  | 'goodbye_sent'
  | 'confirmed'
  | 'preferences_changed'
  | 'paused'
  | 'resumed'
  | 'unsubscribed'
  | 'resubscribed'
  // The form was used by an unsubscribed address: a confirmation is asked for, nothing changes before it.
  | 'resubscribe_requested'
  | 'exported'
  | 'wiped'
  | 'unconfirmed_purged'
  // An operator acted for the reader from /admin/readers (data: {action, operator}).
  | 'admin_action';

type EventWriter = {
  subscriptionEvent: { create(args: { data: Prisma.SubscriptionEventUncheckedCreateInput }): Promise<unknown> };
};

export async function recordEvent(
  db: EventWriter,
  subscriberId: number | null,
  type: SubscriptionEventType,
  data?: Prisma.InputJsonValue,
  context: RequestContext = {},
): Promise<void> {
  await db.subscriptionEvent.create({
    data: { subscriberId, type, data, ip: context.ip?.slice(0, 64), userAgent: context.userAgent?.slice(0, 512) },
  });
}
