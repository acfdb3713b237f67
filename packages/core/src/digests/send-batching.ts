// A worker runs many sends at once; their two database writes (the claim that loads the email's
// data, and 'sent') are coalesced into one statement per batch. The claim batch only delays a
// send by ≤ waitMs; the 'sent' batch widens SMTP's unavoidable window (accepted but not yet
// recorded) by the same ≤ waitMs, so it is kept to a millisecond.
import type { Db } from '@paperboy/db';
import { coalesce } from './coalesce';
import type { DigestConfig } from './digest-deps';
import { claimDeliveries, recordSentMany, type ClaimedDelivery } from './send-digest.queries';

export interface BatchedSendSteps {
  claim(deliveryId: number, now: Date): Promise<ClaimedDelivery | undefined>;
  recordSent(deliveryId: number, messageId: string, now: Date): Promise<void>;
}

export function batchedSendSteps(db: Db, config: Pick<DigestConfig, 'SEND_LEASE_SECONDS'>, options = { maxBatch: 100, waitMs: 1 }): BatchedSendSteps {
  const claim = coalesce(async (inputs: { id: number; now: Date }[]) => {
    const claimed = await claimDeliveries(db, [...new Set(inputs.map((i) => i.id))], inputs[0]!.now, config.SEND_LEASE_SECONDS);
    // A delivery asked for twice in one batch goes to the first caller only.
    const given = new Set<number>();
    return inputs.map((i) => (given.has(i.id) ? undefined : (given.add(i.id), claimed.get(i.id))));
  }, options);
  const record = coalesce(async (inputs: { id: number; messageId: string; now: Date }[]) => {
    await recordSentMany(db, inputs, inputs[inputs.length - 1]!.now);
    return inputs.map(() => undefined);
  }, options);
  return {
    claim: (deliveryId, now) => claim({ id: deliveryId, now }),
    recordSent: (deliveryId, messageId, now) => record({ id: deliveryId, messageId, now }),
  };
}
