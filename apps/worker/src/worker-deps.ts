import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import type { MailTransport } from '@paperboy/email';
import type { Logger } from '@paperboy/logger';
import type { Metrics } from '@paperboy/metrics';
import type { Queues, Redis } from '@paperboy/queue';

/** What processors receive: built once per process by main.ts (or by a test). */
export interface WorkerDeps {
  config: Config;
  logger: Logger;
  db: Db;
  redis: Redis;
  queues: Queues;
  mail: MailTransport;
  /** Job durations and outcomes go here; main.ts serves them on METRICS_PORT. */
  metrics?: Metrics;
}
