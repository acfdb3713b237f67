// Operator action: give failed digests another go (e.g. after fixing SMTP credentials).
// Only digests of readers who are still active: a bounced, complained or unsubscribed reader's
// failed digest stays failed (and the send step re-checks suppression anyway). A failed
// delivery has released its papers (they go to the reader's next digest), so a retry is a
// rebuild: the delivery row is removed and its (reader, period) built again, which picks the
// papers afresh. The build jobs are this run's own (occasion 'retry-<time>'): an earlier build
// job of the same readers may still hold the schedule's id, and BullMQ ignores an add under it.
import { enqueueBuilds, type DigestDeps } from '../digests/digest-deps';
import { countFailedDeliveries, takeFailedDeliveries } from './operations.store';

export type RetryFailedDeps = Pick<DigestDeps, 'db' | 'config' | 'queues'>;

export interface RetryFailedOptions {
  /** Only digests created within this many days (default 7: older news is not worth sending). */
  sinceDays?: number;
  /** Count what would be retried without changing anything. */
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (progress: { retried: number; total: number }) => void;
  now?: Date;
}

export interface RetryFailedResult {
  /** Failed digests of active readers in the window (what is retried). */
  eligible: number;
  /** Failed digests left alone because their reader is no longer active. */
  inactiveReaders: number;
  retried: number;
}

export async function retryFailedDeliveries(
  deps: RetryFailedDeps,
  options: RetryFailedOptions = {},
): Promise<RetryFailedResult> {
  const since = new Date((options.now ?? new Date()).getTime() - (options.sinceDays ?? 7) * 24 * 3600_000);
  const counts = await countFailedDeliveries(deps.db, since);
  const result = { eligible: counts.eligible, inactiveReaders: counts.inactive, retried: 0 };
  if (options.dryRun) return result;
  const batchSize = options.batchSize ?? 500;
  for (;;) {
    const builds = await takeFailedDeliveries(deps.db, since, batchSize);
    if (builds.length === 0) return result;
    // The occasion only has to be new (the business clock `now` may be fixed).
    await enqueueBuilds(deps, builds, `retry-${Date.now()}`);
    result.retried += builds.length;
    options.onProgress?.({ retried: result.retried, total: result.eligible });
  }
}
