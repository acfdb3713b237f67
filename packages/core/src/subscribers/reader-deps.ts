// What the reader use cases receive. The API builds this from its own deps; tests pass a
// fixed clock.
import { createHash } from 'node:crypto';
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { jobId, QUEUE, type Payload, type Queues } from '@paperboy/queue';

export type ReaderConfig = Pick<
  Config,
  | 'PUBLIC_URL'
  | 'SECRET_KEY'
  | 'SECRET_KEY_PREVIOUS'
  | 'DIGEST_HOUR'
  | 'CONFIRM_RESEND_MINUTES'
  | 'CONFIRM_LINK_HOURS'
  | 'GOODBYE_EMAIL'
>;

export interface ReaderDeps {
  db: Db;
  config: ReaderConfig;
  queues: Pick<Queues, typeof QUEUE.transactionalEmail | typeof QUEUE.match>;
  now?: () => Date;
}

/** Where a request came from: recorded with consent and in the audit trail. */
export interface RequestContext {
  ip?: string;
  userAgent?: string;
}

export type TransactionalKind = Payload<typeof QUEUE.transactionalEmail>['kind'];

export const clock = (deps: Pick<ReaderDeps, 'now'>): Date => (deps.now ? deps.now() : new Date());

/**
 * Deterministic job id: `key` is the moment the send was claimed, so a retried request for
 * the same claim is one job, and a later claim (after the throttle window) is a new one.
 */
export async function enqueueTransactional(
  deps: ReaderDeps,
  subscriberId: number,
  kind: TransactionalKind,
  key: Date,
): Promise<void> {
  await deps.queues[QUEUE.transactionalEmail].add(
    kind,
    { subscriberId, kind },
    { jobId: jobId('tx', kind, subscriberId, key.getTime()) },
  );
}

/**
 * New papers are matched at ingestion against every key readers follow then; a key first
 * followed later has no matches for the papers already stored, so its reader's first digest
 * would be empty. Each followed key is therefore matched against the recent papers once: one
 * job per key, its id derived from the key, so a popular key costs one Redis no-op per reader.
 */
export async function enqueueTopicBackfill(deps: Pick<ReaderDeps, 'queues'>, keys: string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await deps.queues[QUEUE.match].addBulk(
    unique.map((key) => ({
      name: 'backfill-topic',
      data: { topicKeys: [key] },
      opts: { jobId: jobId('topic', createHash('sha256').update(key).digest('hex').slice(0, 24)) },
    })),
  );
}
