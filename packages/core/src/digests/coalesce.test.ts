import { coalesce } from './coalesce';

describe('coalesce', () => {
  it('when calls arrive together, then they share one batch and each gets its own result', async () => {
    const batches: number[][] = [];
    const double = coalesce(async (xs: number[]) => (batches.push(xs), xs.map((x) => x * 2)), {
      maxBatch: 3,
      waitMs: 5,
    });
    const results = await Promise.all([1, 2, 3, 4].map(double));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('when a batch fails, then every call of that batch fails with its error', async () => {
    const fail = coalesce(async () => Promise.reject(new Error('db down')), { maxBatch: 10, waitMs: 1 });
    await expect(Promise.all([fail(1), fail(2)])).rejects.toThrow('db down');
  });
});
