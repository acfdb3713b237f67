// A send job's digests go out concurrently; their 'sent' writes are coalesced into one
// statement per 4 ms. That widens SMTP's unavoidable window (accepted but not yet recorded) by
// at most those 4 ms, a few milliseconds against the 30 s lease a crash costs anyway. Waiting
// 4 ms instead of 1 gathers ~4x the rows per statement and per commit: Postgres's CPU per digest
// fell ~20 % in the send benchmark (BENCHMARKS.md "Sending", session 13). (The claim needs no
// such help: a batch is claimed in one statement.)
import type { Db } from '@paperboy/db';
import { coalesce } from './coalesce';
import { recordSentMany } from './store';

export type RecordSent = (deliveryId: number, messageId: string, now: Date) => Promise<void>;

export function batchedRecordSent(db: Db, options = { maxBatch: 100, waitMs: 4 }): RecordSent {
  const record = coalesce(async (inputs: { id: number; messageId: string; now: Date }[]) => {
    await recordSentMany(db, inputs, inputs[inputs.length - 1]!.now);
    return inputs.map(() => undefined);
  }, options);
  return (deliveryId, messageId, now) => record({ id: deliveryId, messageId, now });
}
