// What the digest use cases receive. The worker builds this once per process; tests and the
// CLI pass their own (a fixed clock, a test queue prefix).
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import type { Logger } from '@paperboy/logger';
import { jobId, QUEUE, type Queues } from '@paperboy/queue';
import type { PickPapers } from './pick-papers';

export type DigestConfig = Pick<
  Config,
  | 'PUBLIC_URL'
  | 'SECRET_KEY'
  | 'SECRET_KEY_PREVIOUS'
  | 'MAIL_FROM'
  | 'DIGEST_MAX_PAPERS'
  | 'DIGEST_SKIP_EMPTY'
  | 'MATCH_WINDOW_DAYS'
  | 'SEND_RETRY_BASE_MS'
  | 'SEND_LEASE_SECONDS'
>;

export interface DigestDeps {
  db: Db;
  config: DigestConfig;
  queues: Pick<Queues, typeof QUEUE.digestBuild | typeof QUEUE.digestSend>;
  logger?: Logger;
  now?: () => Date;
  /** Each reader's ranked unsent papers (default: the matching use case, one call per reader). */
  pickPapers?: PickPapers;
}

export const digestClock = (deps: Pick<DigestDeps, 'now'>): Date => (deps.now ? deps.now() : new Date());

/** Send attempts: 4xx and dropped connections back off 1×, 2×, 4×… the base delay, ±50 % jitter. */
const SEND_ATTEMPTS = 8;

export function sendJobOptions(config: Pick<DigestConfig, 'SEND_RETRY_BASE_MS'>, deliveryId: number) {
  return {
    jobId: jobId('send', deliveryId),
    attempts: SEND_ATTEMPTS,
    backoff: { type: 'exponential' as const, delay: config.SEND_RETRY_BASE_MS, jitter: 0.5 },
  };
}

/** Idempotent: the job id is the delivery's, so enqueueing twice while it exists adds one job. */
export async function enqueueSends(deps: Pick<DigestDeps, 'queues' | 'config'>, deliveryIds: number[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  await deps.queues[QUEUE.digestSend].addBulk(
    deliveryIds.map((deliveryId) => ({ name: 'send', data: { deliveryId }, opts: sendJobOptions(deps.config, deliveryId) })),
  );
}

export async function enqueueBuilds(deps: Pick<DigestDeps, 'queues'>, builds: { subscriberId: number; periodKey: string }[]): Promise<void> {
  if (builds.length === 0) return;
  await deps.queues[QUEUE.digestBuild].addBulk(
    builds.map((data) => ({ name: 'build', data, opts: { jobId: jobId('build', data.subscriberId, data.periodKey) } })),
  );
}
