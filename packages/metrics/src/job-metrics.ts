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

const EMAIL_QUEUES: Record<string, string> = {
  [QUEUE.digestSend]: 'digest',
  [QUEUE.transactionalEmail]: 'transactional',
};

function ingestCount(result: unknown): { source: string; inserted: number } | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const { source, inserted } = result as { source?: unknown; inserted?: unknown };
  return typeof source === 'string' && typeof inserted === 'number' ? { source, inserted } : undefined;
}

/** What a digest send job reports: `{ emails: { sent, failed: { reason: n } } }`. */
function batchEmails(result: unknown): { sent: number; failed: Record<string, number> } | undefined {
  const emails = result && typeof result === 'object' ? (result as { emails?: unknown }).emails : undefined;
  if (!emails || typeof emails !== 'object') return undefined;
  const { sent, failed } = emails as { sent?: unknown; failed?: unknown };
  return typeof sent === 'number' && failed && typeof failed === 'object'
    ? { sent, failed: failed as Record<string, number> }
    : undefined;
}

export function recordJob(metrics: Metrics, record: JobRecord): void {
  metrics.jobDuration.observe({ queue: record.queue, outcome: record.outcome }, record.seconds);
  const kind = EMAIL_QUEUES[record.queue];
  if (record.queue === QUEUE.digestSend) {
    // A digest job reports each email's outcome (a delivery retried later is counted when it
    // is sent or fails for good). A failed job is the database or Redis away, not an email:
    // its deliveries are still pending and go out later.
    const batch = record.outcome === 'completed' ? batchEmails(record.result) : undefined;
    if (batch && batch.sent > 0) metrics.emails.inc({ kind: 'digest', outcome: 'sent', reason: '' }, batch.sent);
    for (const [reason, n] of Object.entries(batch?.failed ?? {}))
      metrics.emails.inc({ kind: 'digest', outcome: 'failed', reason }, n);
  } else if (kind && record.outcome !== 'retrying') {
    // A one-email job; a retrying one is not a failed email yet: count it when BullMQ gives up.
    const skipped =
      record.result && typeof record.result === 'object' && (record.result as { skipped?: unknown }).skipped;
    if (!skipped) {
      metrics.emails.inc({
        kind,
        outcome: record.outcome === 'completed' ? 'sent' : 'failed',
        reason: record.outcome === 'completed' ? '' : (record.reason ?? 'unknown'),
      });
    }
  }
  const ingest = record.queue === QUEUE.ingest ? ingestCount(record.result) : undefined;
  if (ingest && ingest.inserted > 0) metrics.papersIngested.inc({ source: ingest.source }, ingest.inserted);
}
