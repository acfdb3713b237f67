import path from 'node:path';
import { importDemoPapers, shiftDemoDates } from './demo-papers.usecase';
import { createIngestTestEnv, type IngestTestEnv } from './ingest-test-env';

let env: IngestTestEnv;
const SAMPLES = path.resolve(__dirname, '../../../../samples/papers.ndjson');
const now = new Date('2031-05-04T10:00:00Z');

beforeAll(async () => {
  env = await createIngestTestEnv();
  env.deps.now = () => now;
});
afterAll(async () => {
  await env.close();
});

describe('demo papers', () => {
  it('when dates are shifted, then the newest paper is now and the spacing is kept', () => {
    const lines = shiftDemoDates(['{"id":"a","publishedAt":"2026-11-20T00:00:00Z"}', 'not json', '{"id":"b","publishedAt":"2026-11-18T00:00:00Z"}'].join('\n'), now);
    expect(lines.map((l) => (l.startsWith('{') ? JSON.parse(l).publishedAt : l))).toEqual(['2031-05-04T10:00:00.000Z', 'not json', '2031-05-02T10:00:00.000Z']);
  });

  it('when the sample feed is loaded twice, then every paper is stored once with recent dates and handed to matching once', async () => {
    const first = await importDemoPapers(env.deps, SAMPLES);
    const second = await importDemoPapers(env.deps, SAMPLES);
    expect(first).toMatchObject({ status: 'succeeded', fetched: 212, inserted: 212, rejected: 0 });
    expect(second).toMatchObject({ inserted: 0, unchanged: 212, matchJobs: 0 });
    // A week later: loaded again, the feed is re-dated to end then.
    const later = new Date(now.getTime() + 7 * 86_400_000);
    env.deps.now = () => later;
    expect(await importDemoPapers(env.deps, SAMPLES)).toMatchObject({ inserted: 0, updated: 212, matchJobs: 0 });
    env.deps.now = () => now;
    expect((await env.database.db.paper.findFirstOrThrow({ orderBy: { publishedAt: 'desc' } })).publishedAt).toEqual(later);
    await importDemoPapers(env.deps, SAMPLES);
    expect(await env.database.db.paper.count()).toBe(212);
    const newest = await env.database.db.paper.findFirstOrThrow({ orderBy: { publishedAt: 'desc' } });
    expect(newest.publishedAt).toEqual(now);
    expect(newest.sources).toEqual(['demo']);
    expect((await env.matchJobs()).flatMap((j) => j.paperIds)).toHaveLength(212);
  });
});
