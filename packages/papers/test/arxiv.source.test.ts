import { ArxivSource, type ArxivSourceOptions, type PaperBatch } from '../src';
import { fastHttp, fixture, startFixtureServer, type FixtureServer, type Reply } from './support/fixture-server';

let server: FixtureServer;
afterEach(async () => server?.close());

/** Serves the recorded query pages by `start`; `override` can intercept first. */
async function serveArxiv(override?: (url: URL, count: number) => Reply | undefined) {
  server = await startFixtureServer((url, count) => {
    const hit = override?.(url, count);
    if (hit) return hit;
    const start = Number(url.searchParams.get('start'));
    const body = fixture(start === 0 ? 'arxiv/query-page-0.xml' : 'arxiv/query-page-1.xml');
    return { body, headers: { 'content-type': 'application/atom+xml; charset=utf-8' } };
  });
  return server.baseUrl;
}

function source(baseUrl: string, extra: Partial<ArxivSourceOptions> = {}, sleeps: number[] = []) {
  return new ArxivSource({
    baseUrl,
    categories: ['cs.LG', 'cs.CL'],
    pageSize: 2,
    now: () => new Date('2026-11-21T05:00:00Z'),
    http: fastHttp(sleeps),
    ...extra,
  });
}

async function collect(iterable: AsyncIterable<PaperBatch>): Promise<PaperBatch[]> {
  const out: PaperBatch[] = [];
  for await (const batch of iterable) out.push(batch);
  return out;
}

const since = new Date('2026-11-19T00:00:00Z');

describe('ArxivSource', () => {
  it('when the feed has more results than a page, then it pages by start until the total', async () => {
    const sleeps: number[] = [];
    const batches = await collect(source(await serveArxiv(), {}, sleeps).fetch({ since }));
    expect(server.requests.map((u) => [u.searchParams.get('start'), u.searchParams.get('max_results')])).toEqual([
      ['0', '2'],
      ['2', '2'],
    ]);
    expect(batches.flatMap((b) => b.papers.map((p) => p.sourceId))).toEqual(['2611.04512', '2611.04498', '2611.04301']);
    expect(batches.map((b) => b.cursor)).toEqual([
      { source: 'arxiv', start: 2, since: '2026-11-19T00:00:00.000Z', until: '2026-11-21T05:00:00.000Z' },
      null,
    ]);
    expect(sleeps).toEqual([3000]); // arXiv's one-request-per-3-seconds courtesy between pages
  });

  it('when querying, then categories, the date range and newest-first sorting are in the query', async () => {
    await collect(source(await serveArxiv(), { maxResults: 2 }).fetch({ since }));
    const query = server.requests[0]!.searchParams;
    expect(query.get('search_query')).toBe('(cat:cs.LG OR cat:cs.CL) AND submittedDate:[202611190000 TO 202611210500]');
    expect(query.get('sortBy')).toBe('submittedDate');
    expect(query.get('sortOrder')).toBe('descending');
    expect(server.requests).toHaveLength(1); // maxResults reached
  });

  it('when entries are read, then ids lose their version and text its markup', async () => {
    const [first] = await collect(source(await serveArxiv()).fetch({ since }));
    expect(first?.papers[0]).toMatchObject({
      sourceId: '2611.04512',
      title: 'Graph Neural Networks with k-hop Attention for Molecule Property Prediction',
      abstract:
        'We propose a graph neural network whose attention spans k hops, reaching O(|E|) cost per layer. ' +
        'On five benchmarks it improves accuracy by up to 4% over message passing baselines.',
      authors: ['Hanna Kowalski', 'René Dubois'],
      publishedAt: new Date('2026-11-20T17:59:02Z'),
      arxivUrl: 'https://arxiv.org/abs/2611.04512',
      pdfUrl: 'https://arxiv.org/pdf/2611.04512',
      keywords: ['cs.LG', 'q-bio.BM'],
      source: 'arxiv',
      withdrawnAt: null,
    });
    expect(first?.papers[1]?.title).toBe('Speech Tokenizers that Preserve Prosody & Speaker Identity');
  });

  it('when arXiv marks a paper withdrawn, then withdrawnAt is set', async () => {
    const batches = await collect(source(await serveArxiv()).fetch({ since }));
    expect(batches[1]?.papers[0]?.withdrawnAt).toEqual(new Date('2026-11-19T18:00:00Z'));
  });

  it('when an entry is older than since, then it is left out even if the server ignored the range', async () => {
    const batches = await collect(source(await serveArxiv()).fetch({ since: new Date('2026-11-20T00:00:00Z') }));
    expect(batches.flatMap((b) => b.papers.map((p) => p.sourceId))).toEqual(['2611.04512', '2611.04498']);
  });

  it('when resumed from a cursor, then the same query continues at that start, whatever the options say', async () => {
    const cursor = { source: 'arxiv', start: 2, since: '2026-11-19T00:00:00.000Z', until: '2026-11-21T00:00:00.000Z' };
    const batches = await collect(source(await serveArxiv()).fetch({ since: new Date('2020-01-01'), cursor }));
    expect(server.requests.map((u) => u.searchParams.get('start'))).toEqual(['2']);
    expect(server.requests[0]!.searchParams.get('search_query')).toContain(
      'submittedDate:[202611190000 TO 202611210000]',
    );
    expect(batches.flatMap((b) => b.papers.map((p) => p.sourceId))).toEqual(['2611.04301']);
  });

  it('when the cursor is from another source or malformed, then it is refused', async () => {
    const arxiv = source(await serveArxiv());
    await expect(collect(arxiv.fetch({ cursor: { source: 'file', record: 3 } }))).rejects.toThrow(
      /cursor belongs to file/,
    );
    await expect(
      collect(arxiv.fetch({ cursor: { source: 'arxiv', start: 2, since: null, until: 'soon' } })),
    ).rejects.toThrow(/until: not a valid Date/);
    await expect(
      collect(arxiv.fetch({ cursor: { source: 'arxiv', start: -1, since: null, until: '2026-11-21T00:00:00Z' } })),
    ).rejects.toThrow(/cursor.start/);
  });

  it('when the XML is invalid or truncated, then it is retried and the good answer used', async () => {
    const page = fixture('arxiv/query-page-0.xml');
    const base = await serveArxiv((_url, count) =>
      count === 1
        ? { body: page.slice(0, page.length / 2) }
        : count === 2
          ? { body: '<feed><entry></feed>' }
          : undefined,
    );
    const batches = await collect(source(base, { maxResults: 2 }).fetch({ since }));
    expect(batches[0]?.papers).toHaveLength(2);
    expect(server.requests).toHaveLength(3);
  });

  it('when the XML stays invalid, then the run fails with the XML problem named', async () => {
    const base = await serveArxiv(() => ({ body: '<?xml version="1.0"?><feed><entry><title>x</feed>' }));
    await expect(collect(source(base).fetch({ since }))).rejects.toMatchObject({
      code: 'invalid_body',
      attempts: 4,
      message: expect.stringContaining('invalid XML at line 1'),
    });
  });

  it('when the answer is well-formed XML but not a feed, then it is invalid', async () => {
    const base = await serveArxiv(() => ({ body: '<html><body>Rate exceeded</body></html>' }));
    await expect(collect(source(base, { http: fastHttp([], { retries: 0 }) }).fetch({ since }))).rejects.toThrow(
      /not an Atom feed/,
    );
  });

  it("when arXiv rejects the query with its error feed, then it fails at once with arXiv's message", async () => {
    const base = await serveArxiv(() => ({ status: 400, body: fixture('arxiv/error-400.xml') }));
    await expect(collect(source(base).fetch({ since }))).rejects.toMatchObject({
      code: 'client_error',
      retryable: false,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('when an error feed arrives with status 200, then it is still reported, not read as papers', async () => {
    const base = await serveArxiv(() => ({ body: fixture('arxiv/error-400.xml') }));
    await expect(collect(source(base).fetch({ since }))).rejects.toThrow(
      /arXiv refused the query: max_results must be non-negative/,
    );
  });

  it('when arXiv answers 429 then 503, then it waits as told and goes on', async () => {
    const sleeps: number[] = [];
    const base = await serveArxiv((_url, count) =>
      count === 1 ? { status: 429, headers: { 'retry-after': '5' } } : count === 2 ? { status: 503 } : undefined,
    );
    const batches = await collect(source(base, { maxResults: 2 }, sleeps).fetch({ since }));
    expect(batches[0]?.papers).toHaveLength(2);
    expect(sleeps).toEqual([5000, 150]); // the second retry of the same request doubles the step
  });

  it('when categories are missing or malformed, then construction fails naming them', () => {
    expect(() => source('http://127.0.0.1', { categories: [] })).toThrow(/at least one arXiv category/);
    expect(() => source('http://127.0.0.1', { categories: ['cs.LG', 'cs LG) OR (x'] })).toThrow(
      /not arXiv categories: cs LG\) OR \(x/,
    );
  });
});
