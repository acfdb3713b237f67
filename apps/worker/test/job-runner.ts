// Adds jobs to one queue and waits for each to finish, for tests that run real workers: the
// outcome (value, or the failure message and attempts made) comes back as plain data.
import { QueueEvents, type JobsOptions } from 'bullmq';
import type { QueueName } from '@paperboy/queue';
import type { TestWorkerEnv } from './test-worker';

export type JobOutcome = { ok: true; value: unknown } | { ok: false; error: string; attempts?: number };

export interface JobRunner {
  run(data: unknown, id: string, options?: JobsOptions): Promise<JobOutcome>;
  close(): Promise<void>;
}

export async function createJobRunner(
  env: TestWorkerEnv,
  queueName: QueueName,
  timeoutMs = 15_000,
): Promise<JobRunner> {
  const connection = env.deps.redis.duplicate();
  const events = new QueueEvents(queueName, { connection, prefix: env.deps.config.REDIS_PREFIX });
  await events.waitUntilReady();
  const queue = env.deps.queues[queueName];
  return {
    async run(data, id, options = {}) {
      const job = await queue.add(queueName, data, { ...options, jobId: id });
      try {
        return { ok: true, value: await job.waitUntilFinished(events, timeoutMs) };
      } catch (error) {
        return { ok: false, error: (error as Error).message, attempts: (await queue.getJob(id))?.attemptsMade };
      }
    },
    async close() {
      await events.close();
      connection.disconnect();
    },
  };
}
