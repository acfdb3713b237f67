// Wires the send breaker's automatic resume (core: digests/send-recovery) into the worker: a
// short timer asks whether the breaker's pause is over and, if so, one worker probes with a few
// digests. It also keeps paperboy_send_breaker_state current, so every worker's /metrics shows
// whether sending is closed, open (paused) or half-open (probing).
import { probeIfDue, readBreakerState } from '@paperboy/core';
import { getSharedRenderer } from '@paperboy/email';
import { reliabilityMetrics, setBreakerState } from '@paperboy/metrics';
import { digestSender } from './processors/digest-send.processor';
import type { WorkerDeps } from './worker-deps';

export interface SendRecovery {
  /** One look now (the timer's work): probes when due. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startSendRecovery(deps: WorkerDeps): SendRecovery {
  const metrics = deps.metrics ? reliabilityMetrics(deps.metrics.registry) : undefined;
  const prefix = deps.config.REDIS_PREFIX;
  let running: Promise<void> | undefined;
  const tick = async (): Promise<void> => {
    if (deps.config.SEND_RESUME_AFTER_MS > 0) {
      const renderer = await getSharedRenderer();
      await probeIfDue({
        ...deps,
        mail: digestSender(deps.mail),
        renderer,
        prefix,
        maxDelayMs: deps.config.SEND_RESUME_MAX_MS,
        concurrency: 3,
      });
    }
    if (metrics) setBreakerState(metrics, (await readBreakerState(deps.redis, prefix))?.state ?? 'closed');
  };
  // A quarter of the first pause, between 50 ms and 1 s: a probe starts close to when it is due.
  const everyMs = Math.max(50, Math.min(1000, Math.floor(deps.config.SEND_RESUME_AFTER_MS / 4) || 1000));
  const timer = setInterval(() => {
    running ??= tick()
      .catch((err: unknown) => deps.logger.warn({ err: (err as Error).message }, 'send breaker check failed'))
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
