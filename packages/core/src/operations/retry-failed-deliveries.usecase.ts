// Operator action: give failed digests another go (e.g. after fixing SMTP credentials).
// Only digests of readers who are still active: a bounced, complained or unsubscribed reader's
// failed digest stays failed (and the send step re-checks suppression anyway). A failed
// delivery has released its papers (they go to the reader's next digest), so a retry is a
// rebuild: the delivery row is removed and its (reader, period) built again, which picks the
// papers afresh. The build jobs are this run's own (occasion 'retry-<time>'): an earlier build
// job of the same readers may still hold the schedule's id, and BullMQ ignores an add under it.
import { enqueueBuilds, type DigestDeps } from '../digests/digest-deps';

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
  const [counts] = await deps.db.$queryRaw<{ eligible: bigint; inactive: bigint }[]>`
    SELECT count(*) FILTER (WHERE s.status = 'active') AS eligible, count(*) FILTER (WHERE s.status <> 'active') AS inactive
    FROM "Delivery" d JOIN "Subscriber" s ON s.id = d."subscriberId"
    WHERE d.status = 'failed' AND d."createdAt" >= ${since}`;
  const result = {
    eligible: Number(counts?.eligible ?? 0),
    inactiveReaders: Number(counts?.inactive ?? 0),
    retried: 0,
  };
  if (options.dryRun) return result;
  const batchSize = options.batchSize ?? 500;
  for (;;) {
    // Index (status, createdAt) finds them; each batch is deleted so the next skips it. A
    // failed digest gave its papers back already; any row left goes with it (no foreign key
    // from DeliveryPaper to Delivery would take it).
    const builds = await deps.db.$queryRaw<{ subscriberId: number; periodKey: string }[]>`
      WITH gone AS (
        DELETE FROM "Delivery"
        WHERE id IN (SELECT d.id FROM "Delivery" d JOIN "Subscriber" s ON s.id = d."subscriberId"
                     WHERE d.status = 'failed' AND d."createdAt" >= ${since} AND s.status = 'active' ORDER BY d.id LIMIT ${batchSize})
        RETURNING id, "subscriberId", "periodKey"),
      carried AS (DELETE FROM "DeliveryPaper" dp USING gone WHERE dp."deliveryId" = gone.id)
      SELECT "subscriberId", "periodKey" FROM gone`;
    if (builds.length === 0) return result;
    // The occasion only has to be new (the business clock `now` may be fixed); DELETE … RETURNING
    // hands each failed delivery to one run only.
    await enqueueBuilds(deps, builds, `retry-${Date.now()}`);
    result.retried += builds.length;
    options.onProgress?.({ retried: result.retried, total: result.eligible });
  }
}
