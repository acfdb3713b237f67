// Series that tell an operator the worker healed something on its own: a job scheduler found
// missing from Redis and registered again (Redis lost its data), and the send breaker's state
// (paused after a burst of SMTP failures, probing, closed). Registered once per registry.
import { Counter, Gauge, type Registry } from 'prom-client';

export interface ReliabilityMetrics {
  /** 1 when the scheduler was found in Redis (or registered again) at the last check, else 0. */
  schedulerPresent: Gauge<'scheduler'>;
  schedulersRestored: Counter<'scheduler'>;
  /** One series per state, the current one at 1: closed, open (paused), half_open (probing). */
  sendBreakerState: Gauge<'state'>;
  sendBreakerTrips: Counter;
}

const perRegistry = new WeakMap<Registry, ReliabilityMetrics>();

export function reliabilityMetrics(registry: Registry): ReliabilityMetrics {
  let metrics = perRegistry.get(registry);
  if (!metrics) {
    const registers = [registry];
    metrics = {
      schedulerPresent: new Gauge({
        name: 'paperboy_scheduler_present',
        help: '1 when the repeatable job scheduler is registered in Redis (checked every 30 s by each worker).',
        labelNames: ['scheduler'],
        // Every worker process checks the same Redis: present in one is present (not N).
        aggregator: 'max',
        registers,
      }),
      schedulersRestored: new Counter({
        name: 'paperboy_scheduler_restored_total',
        help: 'Job schedulers found missing from Redis (data lost or flushed) and registered again.',
        labelNames: ['scheduler'],
        registers,
      }),
      sendBreakerState: new Gauge({
        name: 'paperboy_send_breaker_state',
        help: 'The digest send breaker: 1 for the current state (closed, open = paused, half_open = probing).',
        labelNames: ['state'],
        // Read from Redis by every process: one process's view, so a switch never shows two states at 1.
        aggregator: 'first',
        registers,
      }),
      sendBreakerTrips: new Counter({
        name: 'paperboy_send_breaker_trips_total',
        help: 'Times the send breaker paused sending after consecutive SMTP failures.',
        registers,
      }),
    };
    perRegistry.set(registry, metrics);
  }
  return metrics;
}

export function setBreakerState(metrics: ReliabilityMetrics, state: 'closed' | 'open' | 'half_open'): void {
  for (const s of ['closed', 'open', 'half_open']) metrics.sendBreakerState.set({ state: s }, s === state ? 1 : 0);
}
