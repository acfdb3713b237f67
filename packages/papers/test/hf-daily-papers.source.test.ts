import { HfDailyPapersSource, SourceError, type PaperBatch, type FetchOptions } from '../src';
import { fastHttp, fixture, startFixtureServer, type FixtureServer, type Reply } from './support/fixture-server';

let server: FixtureServer;
afterEach(async () => server?.close());

/** Serves the recorded daily-papers pages by (date, p); `override` can intercept first. */
async function serveHf(override?: (url: URL, count: number) => Reply | undefined) {
  server = await startFixtureServer((url, count) => {
    const hit = override?.(url, count);
    if (hit) return hit;
    if (url.pathname !== '/api/daily_papers') return { status: 404, body: 'Not Found' };
    const date = url.searchParams.get('date');
    const page = url.searchParams.get('p');
    const name = date ? `hf/daily-papers-${date}-p${page}.json` : `hf/trending-p${page}.json`;
    try {
      return { body: fixture(name), headers: { 'content-type': 'application/json' } };
    } catch {
      return { body: '[]' }; // past the recorded pages: an empty list, as HF answers
    }
  });
  return server.baseUrl;
}

function source(
  baseUrl: string,
  extra: Partial<ConstructorParameters<typeof HfDailyPapersSource>[0]> = {},
  sleeps: number[] = [],
) {
  return new HfDailyPapersSource({
    baseUrl,
    pageSize: 2,
    now: () => new Date('2026-11-20T12:00:00Z'),
    http: fastHttp(sleeps),
    ...extra,
  });
}

async function collect(iterable: AsyncIterable<PaperBatch>): Promise<PaperBatch[]> {
  const out: PaperBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

const day19: FetchOptions = { since: new Date('2026-11-19T00:00:00Z'), until: new Date('2026-11-19T23:00:00Z') };

describe('HfDailyPapersSource', () => {
  it('when a day has more than one page, then pages are fetched until a short one', async () => {
    const batches = await collect(source(await serveHf()).fetch(day19));
    expect(
      server.requests.map((u) => [u.searchParams.get('date'), u.searchParams.get('p'), u.searchParams.get('limit')]),
    ).toEqual([
      ['2026-11-19', '0', '2'],
      ['2026-11-19', '1', '2'],
    ]);
    expect(batches.flatMap((b) => b.papers.map((p) => p.sourceId))).toEqual(['2611.01234', '2611.01871', '2611.02210']);
    expect(batches.map((b) => b.cursor)).toEqual([
      { source: 'huggingface', date: '2026-11-19', page: 1, lastDate: '2026-11-19' },
      null,
    ]);
  });

  it('when an item is read, then it is normalised from the recorded shape', async () => {
    const [first] = await collect(source(await serveHf()).fetch(day19));
    const baseUrl = server.baseUrl;
    expect(first?.papers[0]).toEqual({
      sourceId: '2611.01234',
      title: 'Sparse Reward Shaping for Preference-Tuned Language Models',
      abstract: expect.stringContaining(
        'reduces reward hacking by 31% on held-out prompts. Our method scales as O(n log n)',
      ),
      authors: ['Mira Castellanos', 'Tobias Lindqvist'],
      publishedAt: new Date('2026-11-19T17:58:01.000Z'),
      upvotes: 42,
      numComments: 3,
      githubRepo: 'https://github.com/example-lab/sparse-shaping',
      githubStars: 310,
      projectPage: null,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2611.01234.png',
      arxivUrl: 'https://arxiv.org/abs/2611.01234',
      pdfUrl: 'https://arxiv.org/pdf/2611.01234',
      hfUrl: `${baseUrl}/papers/2611.01234`,
      keywords: ['reward models', 'RLHF', 'reward hacking'],
      organization: 'Example Lab',
      source: 'huggingface',
      withdrawnAt: null,
    });
  });

  it('when the range spans days, then each day is walked in order with the sort asked for', async () => {
    const since = new Date('2026-11-19T00:00:00Z');
    await collect(source(await serveHf(), { sort: 'trending' }).fetch({ since }));
    expect(
      server.requests.map(
        (u) => `${u.searchParams.get('date')}/${u.searchParams.get('p')}/${u.searchParams.get('sort')}`,
      ),
    ).toEqual(['2026-11-19/0/trending', '2026-11-19/1/trending', '2026-11-20/0/trending', '2026-11-20/1/trending']);
  });

  it('when trending is asked without dates, then the undated trending list is paged', async () => {
    const batches = await collect(source(await serveHf(), { sort: 'trending' }).fetch());
    expect(server.requests.map((u) => u.searchParams.has('date'))).toEqual([false, false]);
    expect(batches[0]?.papers.map((p) => p.upvotes)).toEqual([120, 95]);
  });

  it('when an item is malformed, then it is rejected with its place and reason while the rest go on', async () => {
    const batches = await collect(
      source(await serveHf(), { pageSize: 5 }).fetch({ since: new Date('2026-11-20T00:00:00Z') }),
    );
    expect(batches[0]?.papers.map((p) => p.sourceId)).toEqual(['2611.03001', '2611.03003']);
    expect(batches[0]?.rejected).toEqual([
      {
        location: 'date=2026-11-20 page=0 item=1',
        recordId: '2611.03002',
        reason: expect.stringMatching(/title: missing.*publishedAt: not a date/),
      },
    ]);
    expect(batches[0]?.fetched).toBe(3);
  });

  it('when resumed from a cursor, then it continues there and ends where the first run would have', async () => {
    const hf = source(await serveHf());
    const first = hf.fetch({ since: new Date('2026-11-19T00:00:00Z') })[Symbol.asyncIterator]();
    const cursor = (await first.next()).value.cursor; // the run "dies" after its first page
    await first.return?.(undefined);
    server.requests.length = 0;
    // Resumed later, with no options: the cursor alone says what is left.
    const batches = await collect(
      source(server.baseUrl, { now: () => new Date('2026-12-01T00:00:00Z') }).fetch({ cursor }),
    );
    expect(server.requests.map((u) => `${u.searchParams.get('date')}/${u.searchParams.get('p')}`)).toEqual([
      '2026-11-19/1',
      '2026-11-20/0',
      '2026-11-20/1',
    ]);
    expect(batches.flatMap((b) => b.papers.map((p) => p.sourceId))).toEqual(['2611.02210', '2611.03001', '2611.03003']);
  });

  it('when the cursor is from another source or malformed, then it refuses it', async () => {
    const hf = source(await serveHf());
    await expect(collect(hf.fetch({ cursor: { source: 'arxiv', start: 3 } }))).rejects.toThrow(
      /cursor belongs to arxiv/,
    );
    await expect(
      collect(hf.fetch({ cursor: { source: 'huggingface', date: '2026-11-20', page: 0, lastDate: '2026-11-01' } })),
    ).rejects.toThrow(/invalid day range/);
    await expect(
      collect(hf.fetch({ cursor: { source: 'huggingface', date: '2026-11-20', page: '1' } })),
    ).rejects.toThrow(/cursor.page: expected number/);
  });

  it('when HF answers 429 and 500 along the way, then the run completes with every page', async () => {
    const sleeps: number[] = [];
    const base = await serveHf((_url, count) =>
      count === 1
        ? { status: 429, headers: { 'retry-after': '3' } }
        : count === 3
          ? { status: 500, body: 'upstream' }
          : undefined,
    );
    const batches = await collect(source(base, {}, sleeps).fetch(day19));
    expect(batches.flatMap((b) => b.papers)).toHaveLength(3);
    expect(sleeps).toEqual([3000, 75]); // Retry-After, then a first backoff step: each request starts afresh
  });

  it('when HF keeps sending an HTML error page, then the run fails with a clear invalid-body error', async () => {
    const base = await serveHf(() => ({ body: '<html><body>Service Unavailable</body></html>' }));
    const run = collect(source(base).fetch(day19));
    await expect(run).rejects.toThrow(SourceError);
    await expect(run).rejects.toMatchObject({ code: 'invalid_body', attempts: 4 });
  });

  it('when the body is a JSON object instead of a list, then it is treated as invalid', async () => {
    const base = await serveHf(() => ({ body: '{"error":"Invalid date"}' }));
    await expect(collect(source(base, { http: fastHttp([], { retries: 0 }) }).fetch(day19))).rejects.toThrow(
      /expected a JSON list of papers/,
    );
  });

  it('when options are invalid, then construction or fetch fails with the option named', () => {
    expect(() => source('ftp://x')).toThrow(/baseUrl: must be http/);
    expect(() => source('http://127.0.0.1', { pageSize: 0 })).toThrow(/pageSize/);
    const hf = source('http://127.0.0.1');
    return expect(collect(hf.fetch({ since: new Date('2026-11-21'), until: new Date('2026-11-20') }))).rejects.toThrow(
      /since .* is after until/,
    );
  });
});
