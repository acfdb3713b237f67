import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import type { DevMailbox } from '@paperboy/email';
import type { Logger } from '@paperboy/logger';
import type { Metrics } from '@paperboy/metrics';
import type { Queues, Redis } from '@paperboy/queue';

/** Everything the HTTP app needs, built by main.ts (or by a test) and passed in. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Db;
  redis: Redis;
  queues: Queues;
  /** Present only when the built-in dev mailbox runs (SMTP_URL unset, not production). */
  devMailbox?: DevMailbox;
  /** Prometheus registry; createApp builds one when absent (tests pass their own to read it). */
  metrics?: Metrics;
  /** The reader use cases' clock (throttle windows, schedules, consent times); tests inject one. */
  now?: () => Date;
}
