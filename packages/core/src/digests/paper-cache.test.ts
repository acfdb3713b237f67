import { PaperCache, type LoadPapers, type PaperFields, type PaperRef } from './paper-cache';
import { paperRow } from '../../test/paper-row.factory';

const fields = (id: number, upvotes = 1): PaperFields => {
  const { reason: _, ...rest } = paperRow(`Paper ${id}`, {
    sourceId: `2611.${id}`,
    abstract: 'About things.',
    upvotes,
    publishedAt: new Date('2026-11-26T00:00:00Z'),
  });
  return rest;
};

/** A fake Paper table: id → [version, upvotes]; records what each load asked for. */
function table(rows: Record<number, [string, number]>) {
  const asked: number[][] = [];
  const load: LoadPapers = async (ids) => {
    asked.push([...ids].sort((a, b) => a - b));
    return ids.filter((id) => rows[id]).map((id) => ({ id, version: rows[id]![0], ...fields(id, rows[id]![1]) }));
  };
  return { rows, asked, load };
}

const ref = (id: number, version: string, reason = 'r'): PaperRef => [id, version, reason];

describe('PaperCache', () => {
  it("when a batch of digests needs papers, then the missing ones are loaded in one query and each row carries its digest's reason", async () => {
    const papers = table({ 1: ['v1', 10], 2: ['v1', 20] });
    const cache = new PaperCache(papers.load);
    const [a, b] = await cache.rows([[ref(2, 'v1', 'x'), ref(1, 'v1', 'y')], [ref(1, 'v1', 'z')]]);
    expect(papers.asked).toEqual([[1, 2]]);
    expect(a!.map((p) => [p.title, p.upvotes, p.reason])).toEqual([
      ['Paper 2', 20, 'x'],
      ['Paper 1', 10, 'y'],
    ]);
    expect(b!.map((p) => p.reason)).toEqual(['z']);
  });

  it('when the same paper version and reason come again, then nothing is loaded and the very same frozen row is returned', async () => {
    const papers = table({ 1: ['v1', 10] });
    const cache = new PaperCache(papers.load);
    const first = (await cache.rows([[ref(1, 'v1')]]))[0]![0];
    const again = (await cache.rows([[ref(1, 'v1')]]))[0]![0];
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(papers.asked).toHaveLength(1);
  });

  it('when a paper gets a new version (upvotes refreshed), then it is loaded again and shows the new values', async () => {
    const papers = table({ 1: ['v1', 10] });
    const cache = new PaperCache(papers.load);
    await cache.rows([[ref(1, 'v1')]]);
    papers.rows[1] = ['v2', 99];
    const [rows] = await cache.rows([[ref(1, 'v2')]]);
    expect(rows![0]!.upvotes).toBe(99);
    expect(papers.asked).toEqual([[1], [1]]);
  });

  it('when a paper is gone by the time it is loaded, then the digest goes without it and the cache forgets it', async () => {
    const papers = table({ 1: ['v1', 10], 2: ['v1', 20] });
    const cache = new PaperCache(papers.load);
    await cache.rows([[ref(2, 'v1')]]);
    delete papers.rows[2];
    const [rows] = await cache.rows([[ref(1, 'v1'), ref(2, 'v2')]]);
    expect(rows!.map((p) => p.title)).toEqual(['Paper 1']);
    expect((await cache.rows([[ref(2, 'v1')]]))[0]).toEqual([]);
  });

  it('when more papers than the limit were seen, then the cache starts over but still answers the batch at hand', async () => {
    const papers = table({ 1: ['v1', 1], 2: ['v1', 2], 3: ['v1', 3] });
    const cache = new PaperCache(papers.load, 1);
    await cache.rows([[ref(1, 'v1'), ref(2, 'v1')]]);
    const [rows] = await cache.rows([[ref(1, 'v1'), ref(3, 'v1')]]);
    expect(rows!.map((p) => p.upvotes)).toEqual([1, 3]);
    expect(papers.asked).toEqual([
      [1, 2],
      [1, 3],
    ]);
  });

  it('when two batches load the same paper version at once, then both get the same row object', async () => {
    const papers = table({ 1: ['v1', 10] });
    const cache = new PaperCache(papers.load);
    const [a, b] = await Promise.all([cache.rows([[ref(1, 'v1')]]), cache.rows([[ref(1, 'v1')]])]);
    expect(a![0]![0]).toBe(b![0]![0]);
  });
});
