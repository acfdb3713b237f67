import { parsePrometheusText, sumSamples } from '@paperboy/metrics';
import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from './test-app';

const TOKEN = 'metrics-token-for-tests';

describe('/metrics', () => {
  let app: TestApp;
  const scrape = async () => {
    const res = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return parsePrometheusText(await res.text());
  };

  beforeAll(async () => {
    app = await startTestApp({ METRICS_TOKEN: TOKEN, ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' });
    await app.database.db.subscriber.createMany({
      data: [
        { email: 'a@example.org', status: 'active' },
        { email: 'b@example.org', status: 'pending' },
      ],
    });
  });
  afterAll(() => app.close());

  it('when scraped without the token or with a wrong one, then 401', async () => {
    expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(
      401,
    );
  });

  it('when scraped with the admin credentials instead, then it answers', async () => {
    const authorization = `Basic ${Buffer.from('operator:correct-horse-battery').toString('base64')}`;
    expect((await fetch(`${app.baseUrl}/metrics`, { headers: { authorization } })).status).toBe(200);
  });

  it('when scraped, then the text parses and carries every paperboy metric family', async () => {
    const parsed = await scrape();
    for (const name of [
      'paperboy_http_request_duration_seconds',
      'paperboy_job_duration_seconds',
      'paperboy_queue_jobs',
      'paperboy_emails_total',
      'paperboy_papers_ingested_total',
      'paperboy_readers',
    ]) {
      expect([name, parsed.types[name]]).toEqual([name, expect.any(String)]);
    }
    expect(sumSamples(parsed, 'paperboy_readers', { status: 'active' })).toBe(1);
    expect(sumSamples(parsed, 'paperboy_readers', { status: 'pending' })).toBe(1);
  });

  it('when jobs are queued, then the queue depth moves; when the send queue pauses, then its flag does', async () => {
    const before = sumSamples(await scrape(), 'paperboy_queue_jobs', { queue: QUEUE.ingest, state: 'waiting' });
    await app.queues[QUEUE.ingest].addBulk([
      { name: 'ingest', data: { source: 'hf' } },
      { name: 'ingest', data: { source: 'arxiv' } },
    ]);
    await app.queues[QUEUE.digestSend].pause();
    const after = await scrape();
    expect(sumSamples(after, 'paperboy_queue_jobs', { queue: QUEUE.ingest, state: 'waiting' })).toBe(before + 2);
    expect(sumSamples(after, 'paperboy_queue_paused', { queue: QUEUE.digestSend })).toBe(1);
    await app.queues[QUEUE.digestSend].resume();
  });

  it('when requests are served, then their latency is recorded under the route pattern, not the raw path', async () => {
    await fetch(`${app.baseUrl}/healthz`);
    await fetch(`${app.baseUrl}/no/such/page?token=secret`);
    const parsed = await scrape();
    expect(
      sumSamples(parsed, 'paperboy_http_request_duration_seconds_count', { route: '/healthz', method: 'GET' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sumSamples(parsed, 'paperboy_http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      parsed.samples.some((s) => Object.values(s.labels).some((v) => v.includes('secret') || v.includes('/no/such'))),
    ).toBe(false);
  });
});
