import type { Job, WorkerOptions } from 'bullmq';
import type { Payload, QueueName } from '@paperboy/queue';
import type { WorkerDeps } from '../worker-deps';

/**
 * One queue's processor. Its handler receives an already-validated payload and follows
 * parse → load → check status → act → save; it throws AppError (retryable or not) on failure.
 */
export interface ProcessorDefinition<Q extends QueueName = QueueName> {
  queue: Q;
  /**
   * Per-process concurrency and, for rate-limited queues, a limiter shared by all workers;
   * lockDuration/stalledInterval: how soon a killed worker's jobs are taken over.
   */
  options?: (deps: WorkerDeps) => Pick<WorkerOptions, 'concurrency' | 'limiter' | 'lockDuration' | 'stalledInterval'>;
  handle: (payload: Payload<Q>, job: Job, deps: WorkerDeps) => Promise<unknown>;
  /**
   * Readies the process's parts when the worker starts, so that its first job does not wait for
   * them; settles when they are ready (it never rejects: a part that failed is tried again by the jobs).
   */
  start?: (deps: WorkerDeps) => Promise<void> | undefined;
}

export function defineProcessor<Q extends QueueName>(definition: ProcessorDefinition<Q>): ProcessorDefinition<Q> {
  return definition;
}
