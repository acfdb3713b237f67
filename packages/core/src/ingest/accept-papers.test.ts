import { acceptPapers } from './accept-papers.usecase';
import { createIngestTestEnv, type IngestTestEnv } from '../../test/ingest-test-env';

let env: IngestTestEnv;
const paper = (n: number, upvotes = 0) => ({
  id: `2611.${90000 + n}`,
  title: `Paper ${n}`,
  abstract: 'Text.',
  authors: ['A'],
  publishedAt: '2026-11-20',
  upvotes,
});

beforeAll(async () => {
  env = await createIngestTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('acceptPapers', () => {
  it('when a mixed batch is posted, then good records are stored, bad ones are reported by index with reasons', async () => {
    const result = await acceptPapers(
      env.deps,
      { papers: [paper(1), { id: '2611.90002', title: '' }, paper(3), 'nonsense'] },
      { maxBatch: 10 },
    );
    expect(result.counts).toEqual({ received: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(result.accepted).toEqual([
      { index: 0, sourceId: '2611.90001', status: 'inserted', id: expect.any(Number) },
      { index: 2, sourceId: '2611.90003', status: 'inserted', id: expect.any(Number) },
    ]);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 3]);
    expect(result.rejected[0]).toMatchObject({ recordId: '2611.90002', reason: expect.stringContaining('title') });
    expect(await env.database.db.ingestRun.findUniqueOrThrow({ where: { id: result.runId } })).toMatchObject({
      source: 'api',
      fetched: 4,
      inserted: 2,
      rejected: 2,
    });
    expect((await env.matchQueue.getJobs(['waiting'])).flatMap((j) => j.data.paperIds)).toHaveLength(2);
  });

  it('when one paper is posted again with more upvotes, then it is updated, not duplicated', async () => {
    await acceptPapers(env.deps, paper(5, 1), { maxBatch: 10 });
    const again = await acceptPapers(env.deps, [paper(5, 8)], { maxBatch: 10 });
    expect(again.accepted).toEqual([{ index: 0, sourceId: '2611.90005', status: 'updated', id: expect.any(Number) }]);
    expect(await env.database.db.paper.findMany({ where: { sourceId: '2611.90005' } })).toEqual([
      expect.objectContaining({ upvotes: 8 }),
    ]);
  });

  it('when handing new papers to matching failed after they were stored, then the next request re-sends them', async () => {
    const addBulk = env.matchQueue.addBulk.bind(env.matchQueue);
    const spy = jest.spyOn(env.matchQueue, 'addBulk').mockRejectedValueOnce(new Error('Redis connection lost'));
    await expect(acceptPapers(env.deps, [paper(20)], { maxBatch: 10 })).rejects.toThrow('Redis connection lost');
    spy.mockImplementation(addBulk);
    const stored = await env.database.db.paper.findUniqueOrThrow({ where: { sourceId: '2611.90020' } });
    const later = new Date(Date.now() + 5 * 60_000);
    await acceptPapers({ ...env.deps, now: () => later }, [paper(21)], { maxBatch: 10 });
    const sent = (await env.matchQueue.getJobs(['waiting'])).flatMap((j) => j.data.paperIds as number[]);
    expect(sent).toContain(stored.id);
    expect(await env.database.db.ingestRun.count({ where: { source: 'api', status: 'running' } })).toBe(0);
    spy.mockRestore();
  });

  it('when the batch is empty, not papers, or too long, then it is refused as a whole', async () => {
    await expect(acceptPapers(env.deps, [], { maxBatch: 10 })).rejects.toMatchObject({ status: 400 });
    await expect(acceptPapers(env.deps, 'text', { maxBatch: 10 })).rejects.toMatchObject({ status: 400 });
    await expect(acceptPapers(env.deps, [paper(1), paper(2)], { maxBatch: 1 })).rejects.toMatchObject({ status: 413 });
  });
});
