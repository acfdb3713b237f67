// What the worker records per job (called from run-workers.ts). Email and ingest counters are
// derived from the queue a job ran on, so processors need no metrics code of their own.
import { QUEUE } from '@paperboy/queue';
import type { Metrics } from './metrics-registry';

export type JobOutcome = 'completed' | 'failed' | 'retrying';

export interface JobRecord {
  queue: string;
  outcome: JobOutcome;
  seconds: number;
  /** The processor's return value (ingest processors return `{ source, inserted }`). */
  result?: unknown;
  /** The error's stable code (AppError.code) or name, as the failure reason. */
  reason?: string;
}

const EMAIL_QUEUES: Record<string, string> = { [QUEUE.digestSend]: 'digest', [QUEUE.transactionalEmail]: 'transactional' };

function ingestCount(result: unknown): { source: string; inserted: number } | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const { source, inserted } = result as { source?: unknown; inserted?: unknown };
  return typeof source === 'string' && typeof inserted === 'number' ? { source, inserted } : undefined;
}

export function recordJob(metrics: Metrics, record: JobRecord): void {
  metrics.jobDuration.observe({ queue: record.queue, outcome: record.outcome }, record.seconds);
  const kind = EMAIL_QUEUES[record.queue];
  // A retrying email job is not a failed email yet: count it when BullMQ gives up.
  if (kind && record.outcome !== 'retrying') {
    const skipped = record.result && typeof record.result === 'object' && (record.result as { skipped?: unknown }).skipped;
    if (!skipped) {
      metrics.emails.inc({ kind, outcome: record.outcome === 'completed' ? 'sent' : 'failed', reason: record.outcome === 'completed' ? '' : (record.reason ?? 'unknown') });
    }
  }
  const ingest = record.queue === QUEUE.ingest ? ingestCount(record.result) : undefined;
  if (ingest && ingest.inserted > 0) metrics.papersIngested.inc({ source: ingest.source }, ingest.inserted);
}
