import {
  aggregateRegistries,
  collectQueueDepths,
  collectReaders,
  createMetrics,
  parsePrometheusText,
  recordJob,
  reliabilityMetrics,
  setBreakerState,
  startMetricsServer,
  sumSamples,
  type QueueLike,
} from './index';

function fakeQueue(name: string, waiting: number, paused = false): QueueLike {
  return { name, getJobCounts: async () => ({ waiting, failed: 1 }), isPaused: async () => paused };
}

describe('metrics', () => {
  it('when jobs are recorded, then durations, emails and ingested papers show in parseable text', async () => {
    const metrics = createMetrics({ service: 'worker', defaultMetrics: false });
    recordJob(metrics, { queue: 'transactional-email', outcome: 'completed', seconds: 0.2 });
    recordJob(metrics, { queue: 'transactional-email', outcome: 'failed', seconds: 0.1, reason: 'smtp_rejected' });
    recordJob(metrics, { queue: 'transactional-email', outcome: 'retrying', seconds: 0.1, reason: 'unavailable' });
    recordJob(metrics, { queue: 'ingest', outcome: 'completed', seconds: 3, result: { source: 'hf', inserted: 7 } });
    const parsed = parsePrometheusText(await metrics.registry.metrics());
    expect(parsed.types.paperboy_job_duration_seconds).toBe('histogram');
    expect(sumSamples(parsed, 'paperboy_job_duration_seconds_count', { queue: 'transactional-email' })).toBe(3);
    expect(sumSamples(parsed, 'paperboy_emails_total', { outcome: 'sent', kind: 'transactional' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_emails_total', { outcome: 'failed', reason: 'smtp_rejected' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_papers_ingested_total', { source: 'hf', service: 'worker' })).toBe(7);
  });

  it('when a digest batch job completes, then each of its emails is counted by its own outcome, and a failed batch counts none', async () => {
    const metrics = createMetrics({ service: 'worker', defaultMetrics: false });
    const emails = { sent: 47, skipped: 1, retrying: 1, failed: { hard_bounce: 2, rejected: 1 } };
    recordJob(metrics, { queue: 'digest-send', outcome: 'completed', seconds: 0.4, result: { emails } });
    recordJob(metrics, {
      queue: 'digest-send',
      outcome: 'failed',
      seconds: 0.1,
      reason: 'unavailable',
      result: undefined,
    });
    const parsed = parsePrometheusText(await metrics.registry.metrics());
    expect(sumSamples(parsed, 'paperboy_emails_total', { outcome: 'sent', kind: 'digest' })).toBe(47);
    expect(sumSamples(parsed, 'paperboy_emails_total', { outcome: 'failed', reason: 'hard_bounce' })).toBe(2);
    expect(sumSamples(parsed, 'paperboy_emails_total', { outcome: 'failed', reason: 'rejected' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_emails_total', { outcome: 'failed', reason: 'unavailable' })).toBe(0);
  });

  it('when scraped, then queue depths and paused flags are read from the queues', async () => {
    const metrics = createMetrics({ service: 'api', defaultMetrics: false });
    collectQueueDepths(metrics, [fakeQueue('ingest', 4), fakeQueue('digest-send', 2, true)]);
    const parsed = parsePrometheusText(await metrics.registry.metrics());
    expect(sumSamples(parsed, 'paperboy_queue_jobs', { queue: 'ingest', state: 'waiting' })).toBe(4);
    expect(sumSamples(parsed, 'paperboy_queue_paused', { queue: 'digest-send' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_queue_paused', { queue: 'ingest' })).toBe(0);
  });

  it('when two worker processes are aggregated, then counters add up and gauges read from Redis or Postgres are not doubled', async () => {
    const children = [1, 2].map(() => {
      const metrics = createMetrics({ service: 'worker', defaultMetrics: false });
      collectQueueDepths(metrics, [fakeQueue('digest-send', 7, true)]);
      collectReaders(
        metrics,
        async () => ({ active: 40 }),
        async () => ({ topics: 30 }),
      );
      const reliability = reliabilityMetrics(metrics.registry);
      reliability.schedulerPresent.set({ scheduler: 'digest-schedule' }, 1);
      setBreakerState(reliability, 'closed');
      recordJob(metrics, { queue: 'transactional-email', outcome: 'completed', seconds: 0.2 });
      return metrics;
    });
    const parsed = parsePrometheusText(await aggregateRegistries(children.map((m) => m.registry)));
    expect(sumSamples(parsed, 'paperboy_emails_total', { kind: 'transactional', service: 'worker' })).toBe(2);
    expect(sumSamples(parsed, 'paperboy_job_duration_seconds_count', { queue: 'transactional-email' })).toBe(2);
    expect(sumSamples(parsed, 'paperboy_queue_jobs', { queue: 'digest-send', state: 'waiting' })).toBe(7);
    expect(sumSamples(parsed, 'paperboy_queue_paused', { queue: 'digest-send' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_readers', { status: 'active' })).toBe(40);
    expect(sumSamples(parsed, 'paperboy_active_readers_by_digest_mode', { mode: 'topics' })).toBe(30);
    expect(sumSamples(parsed, 'paperboy_scheduler_present', { scheduler: 'digest-schedule' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_send_breaker_state', { state: 'closed' })).toBe(1);
  });

  it('when the text is malformed, then the parser says which line', () => {
    expect(() => parsePrometheusText('# TYPE x counter\nx{a="1" 2\n')).toThrow(/line 2/);
    expect(() => parsePrometheusText('x abc\n')).toThrow(/not a number/);
    expect(parsePrometheusText('x Nan\ny +Inf\n').samples.map((s) => s.value)).toEqual([NaN, Infinity]);
  });

  it('when the metrics server has a token, then scrapes without it get 401 and with it the text', async () => {
    const metrics = createMetrics({ service: 'worker' });
    const server = await startMetricsServer({
      registry: metrics.registry,
      port: 0,
      host: '127.0.0.1',
      token: 'secret-token',
    });
    try {
      const url = `http://127.0.0.1:${server.port}/metrics`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
      const ok = await fetch(url, { headers: { authorization: 'Bearer secret-token' } });
      expect(ok.status).toBe(200);
      expect(parsePrometheusText(await ok.text()).types.paperboy_process_cpu_seconds_total).toBe('counter');
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('when started without a host, then it listens on loopback only and accepts its bearer token, never Basic credentials', async () => {
    const metrics = createMetrics({ service: 'worker', defaultMetrics: false });
    const options = {
      registry: metrics.registry,
      port: 0,
      token: 'scrape-token',
      basic: { user: 'operator', password: 'admin-password' },
    };
    const server = await startMetricsServer(options as Parameters<typeof startMetricsServer>[0]);
    try {
      expect((server.server.address() as { address: string }).address).toBe('127.0.0.1');
      const url = `http://127.0.0.1:${server.port}/metrics`;
      const adminBasic = `Basic ${Buffer.from('operator:admin-password').toString('base64')}`;
      expect((await fetch(url, { headers: { authorization: adminBasic } })).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer scrape-token' } })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
