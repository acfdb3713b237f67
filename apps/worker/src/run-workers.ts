// Starts one BullMQ Worker per processor. Each job: validate the payload (a malformed one can
// never succeed, so it fails at once), run the handler, and turn permanent AppErrors into
// UnrecoverableError so BullMQ does not retry them; everything else retries with backoff.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { isAppError } from '@paperboy/core';
import {
  InvalidPayloadError,
  isRedisConnectionError,
  parsePayload,
  type QueueName,
  type RedisErrorReporter,
} from '@paperboy/queue';
import { recordJobFailure, recordJobSuccess } from './job-metrics';
import type { ProcessorDefinition } from './processors/processor';
import type { WorkerDeps } from './worker-deps';

export function toJobError(error: unknown): unknown {
  if (error instanceof InvalidPayloadError) return new UnrecoverableError(error.message);
  if (isAppError(error) && !error.retryable) return new UnrecoverableError(`${error.code}: ${error.message}`);
  return error;
}

export interface StartWorkersOptions {
  /** The process's Redis outage reporter: a worker's connection errors join its one line per outage. */
  redisErrors?: RedisErrorReporter;
}

export function startWorkers(
  deps: WorkerDeps,
  definitions: ProcessorDefinition[],
  options: StartWorkersOptions = {},
): Worker[] {
  return definitions.map((definition) => {
    void definition.start?.(deps);
    const run = async (job: Job) => {
      const log = deps.logger.child({ queue: definition.queue, jobId: job.id, attempt: job.attemptsMade + 1 });
      const started = Date.now();
      try {
        const payload = parsePayload(definition.queue as QueueName, job.data);
        const result = await definition.handle(payload as never, job, deps);
        log.info({ ms: Date.now() - started }, 'job done');
        recordJobSuccess(deps.metrics, definition.queue, started, result);
        return result;
      } catch (error) {
        const mapped = toJobError(error);
        log.warn(
          { ms: Date.now() - started, err: error, permanent: mapped instanceof UnrecoverableError },
          'job failed',
        );
        recordJobFailure(deps.metrics, definition.queue, started, job, error, mapped);
        throw mapped;
      }
    };
    const worker = new Worker(definition.queue, run, {
      connection: deps.redis,
      prefix: deps.config.REDIS_PREFIX,
      concurrency: 10,
      ...definition.options?.(deps),
    });
    // Each worker has its own blocking connection, and while Redis is away each reconnect attempt
    // is an 'error' (seven queues: dozens of stack traces a second); those belong to the outage.
    worker.on('error', (error) => {
      if (options.redisErrors && isRedisConnectionError(error))
        options.redisErrors.report(error, `worker:${definition.queue}`);
      else deps.logger.error({ queue: definition.queue, err: error }, 'worker error');
    });
    return worker;
  });
}
