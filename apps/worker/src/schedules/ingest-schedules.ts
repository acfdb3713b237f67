// Repeatable ingest jobs, one BullMQ job scheduler per source. upsertJobScheduler is keyed by
// the scheduler id, so every worker start (and every worker process) converges on the same
// single schedule instead of adding another; a source switched off is removed the same way.
import type { Config } from '@paperboy/config';
import { INGEST_SOURCES, type IngestSourceName } from '@paperboy/core';
import type { Logger } from '@paperboy/logger';
import { QUEUE, type Queues } from '@paperboy/queue';

export type ScheduleConfig = Pick<
  Config,
  'INGEST_SCHEDULE' | 'INGEST_HF_EVERY_MINUTES' | 'INGEST_ARXIV_EVERY_MINUTES' | 'isProduction'
>;

export interface IngestSchedule {
  source: IngestSourceName;
  schedulerId: string;
  /** Null: this source is not scheduled (switched off, or schedules off in this environment). */
  everyMs: number | null;
}

/** auto = on in production only: development and tests have no internet to count on. */
export function ingestSchedules(config: ScheduleConfig): IngestSchedule[] {
  const on = config.INGEST_SCHEDULE === 'on' || (config.INGEST_SCHEDULE === 'auto' && config.isProduction);
  const minutes: Record<IngestSourceName, number> = {
    'hf-daily': config.INGEST_HF_EVERY_MINUTES,
    'hf-trending': config.INGEST_HF_EVERY_MINUTES,
    arxiv: config.INGEST_ARXIV_EVERY_MINUTES,
  };
  return INGEST_SOURCES.map((source) => ({
    source,
    schedulerId: `ingest-${source}`,
    everyMs: on && minutes[source] > 0 ? minutes[source] * 60_000 : null,
  }));
}

export async function applyIngestSchedules(
  queues: Pick<Queues, typeof QUEUE.ingest>,
  config: ScheduleConfig,
  logger: Logger,
): Promise<IngestSchedule[]> {
  const queue = queues[QUEUE.ingest];
  const plan = ingestSchedules(config);
  for (const { source, schedulerId, everyMs } of plan) {
    if (everyMs === null) {
      await queue.removeJobScheduler(schedulerId);
      continue;
    }
    await queue.upsertJobScheduler(schedulerId, { every: everyMs }, { name: source, data: { source } });
  }
  logger.info(
    { schedules: plan.map((s) => `${s.source}=${s.everyMs === null ? 'off' : `${s.everyMs / 60_000}min`}`) },
    'ingest schedules applied',
  );
  return plan;
}
