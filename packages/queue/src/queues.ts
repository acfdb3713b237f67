import { Queue, type ConnectionOptions, type DefaultJobOptions } from 'bullmq';
import { ALL_QUEUES, type QueueName } from './names';

/**
 * Retries with exponential backoff for transient failures; permanent ones throw
 * UnrecoverableError in the processor. Finished jobs are trimmed so Redis stays small,
 * which also frees their ids: processors therefore re-check state in the database.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

export type Queues = Record<QueueName, Queue>;

export function createQueues(connection: ConnectionOptions, prefix: string): Queues {
  const entries = ALL_QUEUES.map((name) => [
    name,
    new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  ]);
  return Object.fromEntries(entries) as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
