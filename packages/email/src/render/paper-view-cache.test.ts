import { PaperViewCache } from './paper-view-cache';
import { sampleDigestData } from './sample-email-data';
import { validateDigestPaper } from './validate-email-data';

const validate = (paper: unknown) => validateDigestPaper(paper, 0);
const paper = () => sampleDigestData(0, 1).papers[0]!;

describe('PaperViewCache', () => {
  it('when the same paper and reason come again (even as a new object), then the same frozen view is returned', () => {
    const cache = new PaperViewCache();
    const first = cache.get(paper(), validate);
    expect(cache.get(paper(), validate)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('when a field changed since the last digest, then a fresh view shows the new value', () => {
    const cache = new PaperViewCache();
    const p = paper();
    cache.get(p, validate);
    p.upvotes = 999;
    expect(cache.get(p, validate).upvotesLabel).toBe('999 upvotes');
    p.authors.push('New Author');
    expect(cache.get(p, validate).authorsLine).toMatch(/et al\.$/);
  });

  it('when a frozen paper comes again, then its view is found by identity, without validating or comparing fields', () => {
    const cache = new PaperViewCache();
    const frozen = Object.freeze({
      ...paper(),
      authors: Object.freeze(['Ada Lovelace']) as string[],
      also: Object.freeze(['agents']) as string[],
    });
    const checks = jest.fn(validate);
    const first = cache.get(frozen, checks);
    expect(cache.get(frozen, checks)).toBe(first);
    expect(checks).toHaveBeenCalledTimes(1);
    expect(first.alsoLine).toBe('Also on agents');
    // Another reader's topics: a different object, a different view.
    const other = Object.freeze({ ...frozen, also: Object.freeze(['RAG']) as string[] });
    expect(cache.get(other, checks).alsoLine).toBe('Also on RAG');
  });

  it('when the reason differs, then the view carries that reader’s reason', () => {
    const cache = new PaperViewCache();
    const a = paper();
    const b = { ...paper(), reason: { topic: 'agents', matched: ['verifier'], field: 'title' as const } };
    expect(cache.get(a, validate).reason).toMatch(/reward models/);
    expect(cache.get(b, validate).reason).toBe('Because you follow agents: “verifier” in the title');
  });

  it('when a cached paper comes back with a bad field, then it is validated again and refused', () => {
    const cache = new PaperViewCache();
    const p = paper();
    cache.get(p, validate);
    expect(() => cache.get({ ...p, pdfUrl: 'javascript:alert(1)' }, validate)).toThrow(/papers\[0\]\.pdfUrl/);
    expect(() => cache.get({ ...p, reason: null as never }, validate)).toThrow(/papers\[0\]\.reason is required/);
  });

  it('when more distinct papers come than the limit, then the cache starts over instead of growing', () => {
    const cache = new PaperViewCache(2);
    const views = [1, 2, 3].map((n) => cache.get({ ...paper(), url: `https://x.org/${n}` }, validate));
    expect(cache.get({ ...paper(), url: 'https://x.org/3' }, validate)).toBe(views[2]);
    expect(cache.get({ ...paper(), url: 'https://x.org/1' }, validate)).not.toBe(views[0]);
  });

  it("when a paper is carried as trending, then its badge shows only the day's gain, the reason having said ▲ and rank", () => {
    const cache = new PaperViewCache();
    const trending = {
      ...paper(),
      upvotes: 238,
      growth: 38,
      section: 'trending' as const,
      reason: '▲ 238 · #1 on Hugging Face today',
    };
    expect(cache.get(trending, validate).signalsLabel).toBe('+38 today');
    expect(cache.get({ ...trending, section: undefined }, validate).signalsLabel).toBe('▲ 238 · +38 today');
  });
});
