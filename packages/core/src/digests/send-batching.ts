// A send job's digests go out concurrently; their 'sent' writes are coalesced into one
// statement per millisecond. That widens SMTP's unavoidable window (accepted but not yet
// recorded) by at most the same millisecond, so it stays that small. (The claim needs no such
// help: a batch is claimed in one statement.)
import type { Db } from '@paperboy/db';
import { coalesce } from './coalesce';
import { recordSentMany } from './store';

export type RecordSent = (deliveryId: number, messageId: string, now: Date) => Promise<void>;

export function batchedRecordSent(db: Db, options = { maxBatch: 100, waitMs: 1 }): RecordSent {
  const record = coalesce(async (inputs: { id: number; messageId: string; now: Date }[]) => {
    await recordSentMany(db, inputs, inputs[inputs.length - 1]!.now);
    return inputs.map(() => undefined);
  }, options);
  return (deliveryId, messageId, now) => record({ id: deliveryId, messageId, now });
}
