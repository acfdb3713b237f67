import { daysAgo, makePaper, NOW } from '../testing/paper.factory';
import { DEFAULT_WEIGHTS, paperBoost, recencyFactor, trendingFactor, validateWeights } from './signals';

describe('ranking signals', () => {
  it('when upvotes grow without bound, then the trending factor stays below 1', () => {
    const viral = trendingFactor(makePaper({ upvotes: 1_000_000, upvoteGrowth: 100_000 }), DEFAULT_WEIGHTS);
    const modest = trendingFactor(makePaper({ upvotes: 20 }), DEFAULT_WEIGHTS);
    expect(viral).toBeLessThan(1);
    expect(viral).toBeGreaterThan(modest);
  });

  it('when growth is negative (upvotes withdrawn), then it counts as no growth', () => {
    const falling = makePaper({ upvotes: 10, upvoteGrowth: -5 });
    const flat = makePaper({ upvotes: 10, upvoteGrowth: 0 });
    expect(trendingFactor(falling, DEFAULT_WEIGHTS)).toBe(trendingFactor(flat, DEFAULT_WEIGHTS));
  });

  it('when a paper is one half-life old, then its recency factor is halved', () => {
    const fresh = recencyFactor(makePaper({ publishedAt: NOW }), NOW, DEFAULT_WEIGHTS);
    const old = recencyFactor(makePaper({ publishedAt: daysAgo(DEFAULT_WEIGHTS.halfLifeDays) }), NOW, DEFAULT_WEIGHTS);
    expect(old).toBeCloseTo(fresh / 2, 10);
  });

  it('when a paper is dated in the future, then it counts as published now', () => {
    const future = makePaper({ publishedAt: daysAgo(-3) });
    expect(recencyFactor(future, NOW, DEFAULT_WEIGHTS)).toBe(1);
  });

  it('when trending and recency weights are zero, then every paper gets the same boost', () => {
    const w = { ...DEFAULT_WEIGHTS, trending: 0, recency: 0 };
    const a = paperBoost(makePaper({ upvotes: 500, publishedAt: NOW }), NOW, w);
    const b = paperBoost(makePaper({ upvotes: 0, publishedAt: daysAgo(30) }), NOW, w);
    expect(a).toBe(b);
  });

  it('when a weight is negative or not a number, then it is rejected', () => {
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, trending: -1 })).toThrow(/trending/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, recency: Number.NaN })).toThrow(/recency/);
  });
});
