import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importPaperFile } from './import-file.usecase';
import { createIngestTestEnv, type IngestTestEnv } from '../../test/ingest-test-env';

let env: IngestTestEnv;
let dir: string;
const record = (n: number, upvotes: number) =>
  JSON.stringify({
    id: `2611.${90000 + n}`,
    title: `Paper ${n}`,
    abstract: `About topic ${n}.`,
    authors: ['A. Author'],
    publishedAt: '2026-11-20',
    upvotes,
  });

beforeAll(async () => {
  env = await createIngestTestEnv();
  dir = await mkdtemp(path.join(os.tmpdir(), 'paperboy-import-'));
});
afterAll(async () => {
  await env.close();
  await rm(dir, { recursive: true, force: true });
});

describe('importPaperFile', () => {
  it('when the same file is imported twice with new upvotes, then the count is unchanged, upvotes are updated and a signal is added', async () => {
    const file = path.join(dir, 'papers.ndjson');
    await writeFile(file, [1, 2, 3].map((n) => record(n, 1)).join('\n'));
    const first = await importPaperFile(env.deps, file);
    await writeFile(file, [1, 2, 3].map((n) => record(n, n === 2 ? 25 : 1)).join('\n'));
    const second = await importPaperFile(env.deps, file);
    expect(first).toMatchObject({ status: 'succeeded', fetched: 3, inserted: 3 });
    expect(second).toMatchObject({
      status: 'succeeded',
      fetched: 3,
      inserted: 0,
      updated: 1,
      unchanged: 2,
      matchJobs: 0,
    });
    expect(await env.database.db.paper.count()).toBe(3);
    const paper = await env.database.db.paper.findUniqueOrThrow({
      where: { sourceId: '2611.90002' },
      include: { signals: { orderBy: { id: 'asc' } } },
    });
    expect(paper.upvotes).toBe(25);
    expect(paper.signals.map((s) => s.upvotes)).toEqual([1, 25]);
    expect(await env.database.db.ingestRun.findMany({ where: { source: `file:${file}` } })).toHaveLength(2);
  });

  it('when some lines are malformed, then they are counted as rejected and the rest is stored', async () => {
    const file = path.join(dir, 'mixed.ndjson');
    await writeFile(
      file,
      [record(10, 0), '{"id": "2611.90011", "title": ', JSON.stringify({ id: '2611.90012' }), record(13, 0)].join('\n'),
    );
    const summary = await importPaperFile(env.deps, file);
    expect(summary).toMatchObject({ fetched: 4, inserted: 2, rejected: 2 });
    expect(await env.database.db.ingestRun.findFirstOrThrow({ where: { source: `file:${file}` } })).toMatchObject({
      rejected: 2,
      status: 'succeeded',
    });
  });

  it('when the file does not exist, then it fails clearly without creating a run', async () => {
    const before = await env.database.db.ingestRun.count();
    await expect(importPaperFile(env.deps, path.join(dir, 'missing.ndjson'))).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('no such file'),
    });
    expect(await env.database.db.ingestRun.count()).toBe(before);
  });
});
