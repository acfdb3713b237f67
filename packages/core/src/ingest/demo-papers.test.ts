import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importDemoPapers, shiftDemoDates } from './demo-papers.usecase';
import { importPaperFile } from './import-file.usecase';
import { createIngestTestEnv, type IngestTestEnv } from '../../test/ingest-test-env';

let env: IngestTestEnv;
const SAMPLES = path.resolve(__dirname, '../../../../samples/papers.ndjson');
const now = new Date('2031-05-04T10:00:00Z');
const withinDayBefore = (at: Date, end: Date) => at <= end && end.getTime() - at.getTime() < 86_400_000;

beforeAll(async () => {
  env = await createIngestTestEnv();
  env.deps.now = () => now;
});
afterAll(async () => {
  await env.close();
});

describe('demo papers', () => {
  it('when dates are shifted, then they move by whole days, the newest lands in the last day, and the spacing is kept', () => {
    const lines = shiftDemoDates(
      [
        '{"id":"a","publishedAt":"2026-11-20T00:00:00Z"}',
        'not json',
        '{"id":"b","publishedAt":"2026-11-18T00:00:00Z"}',
      ].join('\n'),
      now,
    );
    expect(lines.map((l) => (l.startsWith('{') ? JSON.parse(l).publishedAt : l))).toEqual([
      '2031-05-04T00:00:00.000Z',
      'not json',
      '2031-05-02T00:00:00.000Z',
    ]);
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
    expect(
      withinDayBefore(
        (await env.database.db.paper.findFirstOrThrow({ orderBy: { publishedAt: 'desc' } })).publishedAt,
        later,
      ),
    ).toBe(true);
    await importDemoPapers(env.deps, SAMPLES);
    expect(await env.database.db.paper.count()).toBe(212);
    const newest = await env.database.db.paper.findFirstOrThrow({ orderBy: { publishedAt: 'desc' } });
    expect(withinDayBefore(newest.publishedAt, now)).toBe(true);
    expect(newest.sources).toEqual(['demo']);
    expect((await env.matchJobs()).flatMap((j) => j.paperIds)).toHaveLength(212);
  });

  it('when the feed is loaded again hours later the same day, or imported with papers:import, then every record is unchanged and the dates stay recent', async () => {
    await importDemoPapers(env.deps, SAMPLES);
    const before = await env.database.db.paper.findMany({
      select: { sourceId: true, publishedAt: true },
      orderBy: { sourceId: 'asc' },
    });
    const hoursLater = new Date(now.getTime() + 3 * 3600_000);
    env.deps.now = () => hoursLater;
    expect(await importDemoPapers(env.deps, SAMPLES)).toMatchObject({ inserted: 0, updated: 0, unchanged: 212 });
    expect(await importPaperFile(env.deps, path.relative(process.cwd(), SAMPLES))).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 212,
      rejected: 0,
    });
    env.deps.now = () => now;
    expect(
      await env.database.db.paper.findMany({
        select: { sourceId: true, publishedAt: true },
        orderBy: { sourceId: 'asc' },
      }),
    ).toEqual(before);
  });

  it('when another file carries a demo paper with its old date, then the demo date is kept', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'paperboy-demo-')), 'copy.ndjson');
    writeFileSync(file, readFileSync(SAMPLES, 'utf8').split('\n')[0] + '\n');
    const id = JSON.parse(readFileSync(file, 'utf8')).id as string;
    const stored = await env.database.db.paper.findUniqueOrThrow({ where: { sourceId: id } });
    await importPaperFile(env.deps, file);
    expect((await env.database.db.paper.findUniqueOrThrow({ where: { sourceId: id } })).publishedAt).toEqual(
      stored.publishedAt,
    );
  });
});
