// What the digest use cases receive. The worker builds this once per process; tests and the
// CLI pass their own (a fixed clock, a test queue prefix).
import { createHash } from 'node:crypto';
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
  | 'SEND_BATCH_SIZE'
  | 'SEND_RATE_PER_SECOND'
> &
  // Optional: callers built before notices existed send none (0).
  Partial<Pick<Config, 'EMPTY_PERIODS_NOTICE' | 'TRENDING_MIN_UPVOTES' | 'LEARNED_EXTRA_PAPERS'>>;

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

/** Send attempts per delivery: 4xx and dropped connections back off 1×, 2×, 4×… the base delay, ±50 % jitter. */
export const SEND_ATTEMPTS = 8;

/**
 * Digests per send job: SEND_BATCH_SIZE, evened out so that whole jobs add up to the rate
 * (the limiter counts jobs): rate 120, batch 50 → 3 jobs of 40 a second; rate 14 → 1 job of 14.
 */
export function sendBatchSize(config: Pick<DigestConfig, 'SEND_BATCH_SIZE' | 'SEND_RATE_PER_SECOND'>): number {
  return Math.max(1, Math.floor(config.SEND_RATE_PER_SECOND / sendJobsPerSecond(config)));
}

/** The send queue's limiter: whole batches per second, never more digests than the rate. */
export function sendJobsPerSecond(config: Pick<DigestConfig, 'SEND_BATCH_SIZE' | 'SEND_RATE_PER_SECOND'>): number {
  return Math.ceil(config.SEND_RATE_PER_SECOND / config.SEND_BATCH_SIZE);
}

/** A deterministic id for a batch: the same members give the same job, whoever enqueues it. */
function batchJobId(kind: string, members: (string | number)[]): string {
  const digest = createHash('sha256').update(members.join(',')).digest('hex').slice(0, 16);
  return jobId(kind, 'batch', members.length, digest);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// A send or build job itself retries (the queue's default backoff) only for failures of the
// whole job: the database or Redis away. An SMTP failure is one delivery's, handled per delivery.

/** Idempotent: a batch's job id is derived from its deliveries, so enqueueing twice adds one job. */
export async function enqueueSends(deps: Pick<DigestDeps, 'queues' | 'config'>, deliveryIds: number[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const sorted = [...new Set(deliveryIds)].sort((a, b) => a - b);
  await deps.queues[QUEUE.digestSend].addBulk(
    chunks(sorted, sendBatchSize(deps.config)).map((ids) => ({
      name: 'send',
      data: { deliveryIds: ids },
      opts: { jobId: batchJobId('send', ids) },
    })),
  );
}

/** The exponential backoff with ±50 % jitter before a delivery's next attempt (1-based). */
export function sendRetryDelayMs(
  config: Pick<DigestConfig, 'SEND_RETRY_BASE_MS'>,
  attempt: number,
  random = Math.random,
): number {
  const base = config.SEND_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1);
  return Math.round(base * (0.5 + random()));
}

/**
 * Deliveries going round again for one `occasion` ('attempt-3', 'lease-<claim time>',
 * 'resume-<claim time>', 'recovered-<time>'), after `delayMs`, in batches like first sends: the
 * limiter counts jobs, so one job per delivery would send them at rate ÷ batch size. The id
 * names the occasion and the members: the same occasion gives the same jobs, a new one new jobs
 * (the job that enqueues this may itself be these deliveries' previous retry, still running,
 * and a finished job keeps its id for a day).
 */
export async function enqueueSendGroup(
  deps: Pick<DigestDeps, 'queues' | 'config'>,
  deliveryIds: number[],
  occasion: string,
  delayMs: number,
): Promise<void> {
  if (deliveryIds.length === 0) return;
  const sorted = [...new Set(deliveryIds)].sort((a, b) => a - b);
  await deps.queues[QUEUE.digestSend].addBulk(
    chunks(sorted, sendBatchSize(deps.config)).map((ids) => ({
      name: 'send',
      data: { deliveryIds: ids },
      opts: { jobId: batchJobId(`send-${occasion}`, ids), delay: delayMs },
    })),
  );
}

/** Builds go in batches of this many readers: one ranking query and one insert per batch. */
export const BUILD_BATCH_SIZE = 200;

/**
 * Idempotent per occasion: without one (the schedule), a job's id is derived from its readers
 * and periods, so two schedule runs finding the same readers add one job. An operator's rebuild
 * is a new occasion ('retry-<time>'): the same readers' earlier job may still hold its id (a
 * finished job keeps it for a day), and an add under that id would be ignored.
 */
export async function enqueueBuilds(
  deps: Pick<DigestDeps, 'queues'>,
  builds: { subscriberId: number; periodKey: string }[],
  occasion?: string,
): Promise<void> {
  if (builds.length === 0) return;
  const kind = occasion ? `build-${occasion}` : 'build';
  const jobs = chunks(builds, BUILD_BATCH_SIZE).map((readers) =>
    readers.length === 1
      ? {
          name: 'build',
          data: readers[0]!,
          opts: { jobId: jobId(kind, readers[0]!.subscriberId, readers[0]!.periodKey) },
        }
      : {
          name: 'build',
          data: { readers },
          opts: {
            jobId: batchJobId(
              kind,
              readers.map((r) => `${r.subscriberId}|${r.periodKey}`),
            ),
          },
        },
  );
  await deps.queues[QUEUE.digestBuild].addBulk(jobs);
}
