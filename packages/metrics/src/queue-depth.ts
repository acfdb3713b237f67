// Queue depths are read from Redis when Prometheus scrapes, not kept up to date by events:
// one getJobCounts per queue per scrape is cheap and always exact.
import type { Gauge } from 'prom-client';
import type { Metrics } from './metrics-registry';

/** The part of a BullMQ Queue this needs (keeps the package free of a bullmq dependency). */
export interface QueueLike {
  name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
  isPaused(): Promise<boolean>;
}

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized', 'waiting-children'];

function onScrape(gauge: Gauge<string>, collect: () => Promise<void>): void {
  (gauge as unknown as { collect: () => Promise<void> }).collect = collect;
}

/** Both queue gauges share one Redis round per scrape: the registry reads metrics concurrently. */
export function collectQueueDepths(metrics: Metrics, queues: QueueLike[]): void {
  let inFlight: Promise<void> | undefined;
  const refresh = async () => {
    const results = await Promise.all(
      queues.map(async (queue) => ({
        queue,
        counts: await queue.getJobCounts(...QUEUE_STATES),
        paused: await queue.isPaused(),
      })),
    );
    for (const { queue, counts, paused } of results) {
      for (const state of QUEUE_STATES) metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      metrics.queuePaused.set({ queue: queue.name }, paused ? 1 : 0);
    }
  };
  const shared = () => {
    inFlight ??= refresh().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
  onScrape(metrics.queueJobs, shared);
  onScrape(metrics.queuePaused, shared);
}

/** Readers by status come from a cached aggregate (never a table scan per scrape). */
export function collectReaders(
  metrics: Metrics,
  load: () => Promise<Record<string, number>>,
  loadModes?: () => Promise<Record<string, number>>,
): void {
  onScrape(metrics.readers, async () => {
    const counts = await load();
    metrics.readers.reset();
    for (const [status, count] of Object.entries(counts)) metrics.readers.set({ status }, count);
  });
  if (!loadModes) return;
  onScrape(metrics.readersByDigestMode, async () => {
    const counts = await loadModes();
    metrics.readersByDigestMode.reset();
    for (const [mode, count] of Object.entries(counts)) metrics.readersByDigestMode.set({ mode }, count);
  });
}
