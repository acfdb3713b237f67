// The ingest processor against a local HTTP server answering with recorded-shape HF and arXiv
// responses: paging, 429 + Retry-After, 5xx, timeouts, truncated and invalid bodies.
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { QUEUE } from '@paperboy/queue';
import {
  fastHttp,
  fixture,
  startFixtureServer,
  type FixtureServer,
  type Reply,
} from '../../../packages/papers/test/support/fixture-server';
import { createIngestProcessor } from '../src/processors/ingest.processor';
import { toJobError } from '../src/run-workers';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let server: FixtureServer;
let override: ((url: URL, count: number) => Reply | undefined) | undefined;
const sleeps: number[] = [];
const now = () => new Date('2026-11-20T12:00:00Z');
const job = { updateProgress: async () => undefined } as unknown as Job;
const processor = createIngestProcessor({ http: fastHttp(sleeps, { timeoutMs: 300, retries: 2 }), pageSize: 2, now });
const ingest = (source: string) => processor.handle({ source }, job, env.deps);

beforeAll(async () => {
  server = await startFixtureServer((url, count) => {
    const hit = override?.(url, count);
    if (hit) return hit;
    if (url.pathname === '/api/query') {
      return {
        body: fixture(
          Number(url.searchParams.get('start')) === 0 ? 'arxiv/query-page-0.xml' : 'arxiv/query-page-1.xml',
        ),
      };
    }
    const date = url.searchParams.get('date');
    const name = date
      ? `hf/daily-papers-${date}-p${url.searchParams.get('p')}.json`
      : `hf/trending-p${url.searchParams.get('p')}.json`;
    try {
      return { body: fixture(name), headers: { 'content-type': 'application/json' } };
    } catch {
      return { body: '[]' };
    }
  });
  const base = server.baseUrl;
  env = await createTestWorkerEnv({
    HF_BASE_URL: base,
    ARXIV_BASE_URL: base,
    INGEST_LOOKBACK_DAYS: '2',
    ARXIV_CATEGORIES: 'cs.LG,cs.CL',
  });
});
afterAll(async () => {
  await env.close();
  await server.close();
});
beforeEach(async () => {
  override = undefined;
  sleeps.length = 0;
  server.requests.length = 0;
  await env.database.db.paper.deleteMany();
  await env.database.db.ingestRun.deleteMany();
  await env.deps.queues[QUEUE.match].obliterate({ force: true });
});

const storedIds = async () =>
  (await env.database.db.paper.findMany({ orderBy: { sourceId: 'asc' } })).map((p) => p.sourceId);
const matchIds = async () =>
  (await env.deps.queues[QUEUE.match].getJobs(['waiting'])).flatMap((j) => j.data.paperIds as number[]).sort();
const snapshot = () => env.database.db.paper.findMany({ orderBy: { id: 'asc' }, omit: { updatedAt: true } });
// 2611.03002 is malformed in the recorded fixture (no title): rejected, never stored.
const DAY_19_20 = ['2611.01234', '2611.01871', '2611.02210', '2611.03001', '2611.03003'];

describe('ingest processor', () => {
  it('when HF pages through several days, then every paper is stored once, the run is recorded and new papers go to matching', async () => {
    const summary = await ingest('hf-daily');
    expect(summary).toMatchObject({ source: 'hf-daily', status: 'succeeded', fetched: 6, inserted: 5, rejected: 1 });
    expect(server.requests.map((u) => `${u.searchParams.get('date')}/${u.searchParams.get('p')}`)).toEqual([
      '2026-11-18/0',
      '2026-11-19/0',
      '2026-11-19/1',
      '2026-11-20/0',
      '2026-11-20/1',
    ]);
    expect(await storedIds()).toEqual(DAY_19_20);
    expect(await env.database.db.ingestRun.findFirstOrThrow()).toMatchObject({
      source: 'hf-daily',
      status: 'succeeded',
      fetched: 6,
      inserted: 5,
      rejected: 1,
    });
    expect(await matchIds()).toEqual((await env.database.db.paper.findMany()).map((p) => p.id).sort());
  });

  it('when HF answers 429 with Retry-After, then the client waits that long and the run completes', async () => {
    override = (url, count) =>
      count === 2 ? { status: 429, headers: { 'retry-after': '7' }, body: 'slow down' } : undefined;
    await ingest('hf-daily');
    expect(sleeps).toContain(7000);
    expect(await storedIds()).toEqual(DAY_19_20);
  });

  it('when HF keeps failing with 500 part way, then the job retries, stored papers stay intact and the retry resumes at the failed page', async () => {
    override = (url) =>
      url.searchParams.get('date') === '2026-11-20' ? { status: 500, body: 'Internal Server Error' } : undefined;
    const error = await ingest('hf-daily').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
    expect(toJobError(error)).not.toBeInstanceOf(UnrecoverableError);
    expect(await storedIds()).toEqual(DAY_19_20.slice(0, 3));
    expect(await env.database.db.ingestRun.findFirstOrThrow()).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('500'),
    });

    override = undefined;
    server.requests.length = 0;
    await expect(ingest('hf-daily')).resolves.toMatchObject({ resumed: true, inserted: 2 });
    expect(server.requests.map((u) => u.searchParams.get('date'))).toEqual(['2026-11-20', '2026-11-20']);
    expect(await storedIds()).toEqual(DAY_19_20);
    expect(await env.database.db.ingestRun.count()).toBe(1);
  });

  it('when HF stalls past the timeout once, then the request is retried and the run completes', async () => {
    override = (_url, count) => (count === 1 ? { hang: true } : undefined);
    await expect(ingest('hf-daily')).resolves.toMatchObject({ inserted: 5 });
  });

  it.each([
    ['a truncated body', { truncate: true, body: fixture('hf/daily-papers-2026-11-20-p0.json') }],
    ['an HTML error page', { body: '<html><body>Bad gateway</body></html>' }],
    ['JSON that is not a list', { body: '{"error":"Invalid date"}' }],
  ])(
    'when HF sends %s, then the job fails as retryable and the papers already stored are unchanged',
    async (_name, reply: Reply) => {
      await ingest('hf-daily');
      await env.database.db.ingestRun.deleteMany();
      const before = await snapshot();
      override = (url) => (url.searchParams.get('date') === '2026-11-20' ? reply : undefined);
      await expect(ingest('hf-daily')).rejects.toMatchObject({ retryable: true });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('when an item of a page is malformed, then it is rejected and counted and the rest of the page is stored', async () => {
    override = (url) => {
      if (url.searchParams.get('date') !== '2026-11-19' || url.searchParams.get('p') !== '0') return undefined;
      const items = JSON.parse(fixture('hf/daily-papers-2026-11-19-p0.json'));
      items[0].paper.title = '';
      items[0].title = '';
      return { body: JSON.stringify(items) };
    };
    await expect(ingest('hf-daily')).resolves.toMatchObject({ inserted: 4, rejected: 2 });
    expect(await env.database.db.ingestRun.findFirstOrThrow()).toMatchObject({ rejected: 2, inserted: 4 });
    expect(await storedIds()).not.toContain('2611.01234');
  });

  it('when trending is pulled again with more upvotes, then the paper is updated with a new signal and not matched again', async () => {
    await ingest('hf-trending');
    const jobsAfterFirst = (await matchIds()).length;
    override = (url) => {
      if (url.searchParams.get('date') || url.searchParams.get('p') !== '0') return undefined;
      const items = JSON.parse(fixture('hf/trending-p0.json'));
      items[0].paper.upvotes += 100;
      return { body: JSON.stringify(items) };
    };
    await expect(ingest('hf-trending')).resolves.toMatchObject({ inserted: 0, updated: 1 });
    expect((await matchIds()).length).toBe(jobsAfterFirst);
    const paper = await env.database.db.paper.findUniqueOrThrow({
      where: { sourceId: '2611.00042' },
      include: { signals: true },
    });
    expect(paper.sources).toEqual(['hf-trending']);
    expect(paper.signals).toHaveLength(2);
  });

  it('when arXiv pages by start, then its papers are stored with arXiv as their source', async () => {
    await expect(ingest('arxiv')).resolves.toMatchObject({ inserted: 3 });
    expect(await storedIds()).toEqual(['2611.04301', '2611.04498', '2611.04512']);
    expect(server.requests[0]?.searchParams.get('search_query')).toContain('cat:cs.LG');
  });

  it('when arXiv refuses the query, then the job fails permanently', async () => {
    override = () => ({ status: 400, body: fixture('arxiv/error-400.xml') });
    const error = await ingest('arxiv').catch((e: unknown) => e);
    expect(toJobError(error)).toBeInstanceOf(UnrecoverableError);
    expect(await env.database.db.ingestRun.findFirstOrThrow()).toMatchObject({ status: 'abandoned' });
  });

  it('when the source name is unknown, then the job fails permanently without a run', async () => {
    const error = await ingest('gopher').catch((e: unknown) => e);
    expect(toJobError(error)).toBeInstanceOf(UnrecoverableError);
    expect(await env.database.db.ingestRun.count()).toBe(0);
  });
});
