// The one place the worker turns a finished job into metrics (durations by queue and outcome,
// emails sent/failed by reason, papers ingested). Kept out of run-workers.ts's control flow.
import { UnrecoverableError, type Job } from 'bullmq';
import { isAppError } from '@paperboy/core';
import { recordJob, type Metrics } from '@paperboy/metrics';
import { InvalidPayloadError } from '@paperboy/queue';

function reasonOf(error: unknown): string {
  if (isAppError(error)) return error.code;
  if (error instanceof InvalidPayloadError) return 'invalid_payload';
  return error instanceof Error ? error.name : 'unknown';
}

export function recordJobSuccess(
  metrics: Metrics | undefined,
  queue: string,
  startedMs: number,
  result: unknown,
): void {
  if (metrics) recordJob(metrics, { queue, outcome: 'completed', seconds: (Date.now() - startedMs) / 1000, result });
}

/** A failure is final when it is permanent or the last attempt; otherwise BullMQ retries it. */
export function recordJobFailure(
  metrics: Metrics | undefined,
  queue: string,
  startedMs: number,
  job: Job,
  error: unknown,
  mapped: unknown,
): void {
  if (!metrics) return;
  const final = mapped instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  recordJob(metrics, {
    queue,
    outcome: final ? 'failed' : 'retrying',
    seconds: (Date.now() - startedMs) / 1000,
    reason: reasonOf(error),
  });
}
