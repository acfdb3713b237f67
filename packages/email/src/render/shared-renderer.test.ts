import { memoiseUntilRejected } from './shared-renderer';

describe('memoiseUntilRejected', () => {
  it('when the first creation rejects, then the next call creates again and that result is kept', async () => {
    let calls = 0;
    const get = memoiseUntilRejected(async () => {
      calls += 1;
      if (calls === 1) throw new Error('template unreadable');
      return { n: calls };
    });
    await expect(get()).rejects.toThrow('template unreadable');
    const second = await get();
    expect(second).toEqual({ n: 2 });
    expect(await get()).toBe(second);
    expect(calls).toBe(2);
  });

  it('when calls overlap while creating, then they share one creation', async () => {
    let calls = 0;
    const get = memoiseUntilRejected(async () => (calls += 1));
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
  });
});
