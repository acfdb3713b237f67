// Starts one BullMQ Worker per processor. Each job: validate the payload (a malformed one can
// never succeed, so it fails at once), run the handler, and turn permanent AppErrors into
// UnrecoverableError so BullMQ does not retry them; everything else retries with backoff.
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { isAppError } from '@paperboy/core';
import { InvalidPayloadError, parsePayload, type QueueName } from '@paperboy/queue';
import { recordJobFailure, recordJobSuccess } from './job-metrics.hook';
import type { ProcessorDefinition } from './processors/processor';
import type { WorkerDeps } from './worker-deps';

export function toJobError(error: unknown): unknown {
  if (error instanceof InvalidPayloadError) return new UnrecoverableError(error.message);
  if (isAppError(error) && !error.retryable) return new UnrecoverableError(`${error.code}: ${error.message}`);
  return error;
}

export function startWorkers(deps: WorkerDeps, definitions: ProcessorDefinition[]): Worker[] {
  return definitions.map((definition) => {
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
    worker.on('error', (error) => deps.logger.error({ queue: definition.queue, err: error }, 'worker error'));
    return worker;
  });
}
