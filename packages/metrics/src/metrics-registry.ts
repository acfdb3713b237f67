// Every metric paperboy exposes, defined once and shared by the API and the worker. Each process
// builds its own registry (tests run several apps in one process; a global registry would mix them).
// With several worker processes (WORKER_PROCESSES) the primary sums the children's series
// (cluster-metrics.ts); a gauge read from Redis or Postgres on scrape says the same in every
// process, so its `aggregator` is 'max': summed, N processes would report N times the queue.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type ReaderCounts = Record<string, number>;

export interface MetricsOptions {
  /** "api" or "worker": a constant label on every series, so dashboards can tell them apart. */
  service: string;
  /** Process CPU/memory/event-loop metrics; off in tests to keep the output small. */
  defaultMetrics?: boolean;
}

export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  jobDuration: Histogram<'queue' | 'outcome'>;
  queueJobs: Gauge<'queue' | 'state'>;
  queuePaused: Gauge<'queue'>;
  emails: Counter<'kind' | 'outcome' | 'reason'>;
  papersIngested: Counter<'source'>;
  /** Bounces and complaints relays reported after accepting an email (webhooks, bounce mailbox), new ones only. */
  bouncesReported: Counter<'provider' | 'reason'>;
  readers: Gauge<'status'>;
  readersByDigestMode: Gauge<'mode'>;
}

// Seconds; HTTP pages answer in milliseconds, jobs (ingest, digest fan-out) can take minutes.
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900];

export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'paperboy_' });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: 'paperboy_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern (not raw path, to bound cardinality).',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers,
    }),
    jobDuration: new Histogram({
      name: 'paperboy_job_duration_seconds',
      help: 'Job processing time by queue and outcome (completed, failed, retrying).',
      labelNames: ['queue', 'outcome'],
      buckets: JOB_BUCKETS,
      registers,
    }),
    queueJobs: new Gauge({
      name: 'paperboy_queue_jobs',
      help: 'Jobs per queue and state, read from Redis on scrape.',
      labelNames: ['queue', 'state'],
      aggregator: 'max',
      registers,
    }),
    queuePaused: new Gauge({
      name: 'paperboy_queue_paused',
      help: '1 when the queue is paused (e.g. sending stopped by an operator).',
      labelNames: ['queue'],
      aggregator: 'max',
      registers,
    }),
    emails: new Counter({
      name: 'paperboy_emails_total',
      help: 'Emails handed to SMTP or given up, by kind and failure reason.',
      labelNames: ['kind', 'outcome', 'reason'],
      registers,
    }),
    papersIngested: new Counter({
      name: 'paperboy_papers_ingested_total',
      help: 'New papers stored, by source.',
      labelNames: ['source'],
      registers,
    }),
    bouncesReported: new Counter({
      name: 'paperboy_bounces_reported_total',
      help: 'Bounces and complaints reported by relays after accepting an email, by provider (ses, postmark, sendgrid, mailgun, mailbox) and reason (hard_bounce, soft_bounce, complaint); each event counted once.',
      labelNames: ['provider', 'reason'],
      registers,
    }),
    readers: new Gauge({
      name: 'paperboy_readers',
      help: 'Readers by status (from the cached admin overview).',
      labelNames: ['status'],
      aggregator: 'max',
      registers,
    }),
    readersByDigestMode: new Gauge({
      name: 'paperboy_active_readers_by_digest_mode',
      help: 'Active readers by what their digest carries: trending (top trending only), topics, topics_trending (from the cached admin overview).',
      labelNames: ['mode'],
      aggregator: 'max',
      registers,
    }),
  };
}
