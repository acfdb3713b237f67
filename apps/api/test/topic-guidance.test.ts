// Issue 13, item 4: the preview endpoint answers, per typed topic, its recent papers and share,
// "did you mean", "too broad" with narrower topics and "nothing recent" with related ones, each
// suggestion with the engine's own count; hostile input gets a 4xx, and the endpoint stays
// rate-limited.
import { seedGuidancePapers } from './guidance-papers';
import { startTestApp, type TestApp } from './test-app';

jest.setTimeout(60_000);

let app: TestApp;
let total: number;
beforeAll(async () => {
  app = await startTestApp();
  total = await seedGuidancePapers(app);
});
afterAll(() => app.close());

interface Counted {
  topic: string;
  count: number;
}
interface Guidance extends Counted {
  share: number;
  standing: string;
  didYouMean?: Counted;
  suggestions: Counted[];
}
async function preview(topics: string, extra = '') {
  const res = await fetch(`${app.baseUrl}/subscribe/preview?topics=${encodeURIComponent(topics)}&mode=topics${extra}`);
  return { status: res.status, body: await res.json() };
}
const guidanceOf = async (topics: string) => (await preview(topics)).body.topics as Guidance[];

describe('guidance on each topic', () => {
  it('when a word is misspelt, then the topic is quiet and "did you mean" names the spelling papers use, with its count', async () => {
    const [typo] = await guidanceOf('difusion models');
    expect(typo).toMatchObject({ topic: 'difusion models', count: 0, standing: 'quiet' });
    expect(typo?.didYouMean).toEqual({ topic: 'diffusion models', count: 4 });
  });

  it('when a topic matches more than 30% of the window, then it is too broad, with narrower topics that match fewer', async () => {
    const { body } = await preview('AI');
    expect(body.window).toEqual({ days: 14, papers: total, capped: false });
    const [ai] = body.topics as Guidance[];
    expect(ai?.standing).toBe('broad');
    expect(ai?.share).toBeGreaterThan(0.3);
    expect(ai?.count).toBeGreaterThan(0.3 * total);
    expect(ai?.suggestions.map((s) => s.topic)).toEqual(expect.arrayContaining(['AI agents', 'generative AI']));
    for (const s of ai?.suggestions ?? []) expect(s.count).toBeGreaterThan(0);
    for (const s of ai?.suggestions ?? []) expect(s.count).toBeLessThanOrEqual(0.3 * total);
    const agents = ai?.suggestions.find((s) => s.topic === 'AI agents');
    expect(agents?.count).toBe((await guidanceOf('AI agents'))[0]?.count);
  });

  it('when a topic has nothing recent, then related topics that do have papers are offered, with their counts', async () => {
    const [quiet] = await guidanceOf('quantum error correction');
    expect(quiet).toMatchObject({ count: 0, share: 0, standing: 'quiet' });
    expect(quiet?.didYouMean).toBeUndefined();
    expect(quiet?.suggestions).toContainEqual({ topic: 'error correction', count: 2 });
    for (const s of quiet?.suggestions ?? []) expect(s.count).toBeGreaterThan(0);
  });

  it('when a word looks like another that has no papers either, then no "did you mean" swaps it for that one', async () => {
    // "bridge" is one letter from "ridge", as "cafe" is from "care": neither has papers here, so
    // nothing says the reader meant the other word.
    for (const topic of ['bridge', 'Schrödinger bridge', 'cafe']) {
      const [quiet] = await guidanceOf(topic);
      expect({ topic, count: quiet?.count, didYouMean: quiet?.didYouMean }).toEqual({
        topic,
        count: 0,
        didYouMean: undefined,
      });
    }
  });

  it('when a topic is fine, then it has its count only; each of several topics gets its own line', async () => {
    const all = await guidanceOf('reward models\nAI\ndifusion models');
    expect(all.map((g) => [g.topic, g.standing])).toEqual([
      ['reward models', 'ok'],
      ['AI', 'broad'],
      ['difusion models', 'quiet'],
    ]);
    expect(all[0]).toEqual({ topic: 'reward models', count: 1, share: 1 / total, standing: 'ok', suggestions: [] });
  });

  it('when a suggestion is already one of the typed topics, then it is not offered again', async () => {
    const [ai] = await guidanceOf('AI, AI agents');
    expect(ai?.suggestions.map((s) => s.topic)).not.toContain('AI agents');
  });

  it('when only top trending is asked for, then there is no topic guidance', async () => {
    const res = await fetch(`${app.baseUrl}/subscribe/preview?topics=AI&mode=trending`);
    expect((await res.json()).topics).toEqual([]);
  });
});

describe('the threshold and hostile input', () => {
  it("when PREVIEW_BROAD_SHARE is raised above the topic's share, then the topic is no longer too broad", async () => {
    const lenient = await startTestApp({ PREVIEW_BROAD_SHARE: '0.9' });
    try {
      await seedGuidancePapers(lenient);
      const res = await fetch(`${lenient.baseUrl}/subscribe/preview?topics=AI&mode=topics`);
      expect((await res.json()).topics[0].standing).toBe('ok');
    } finally {
      await lenient.close();
    }
  });

  it('when the input is hostile, then the answer is a 4xx with a reason, never a 5xx', async () => {
    const bad = [
      'topics=%ED%A0%80',
      'topics=%00',
      `topics=${encodeURIComponent('x'.repeat(300))}`,
      `topics=${encodeURIComponent(Array.from({ length: 25 }, (_, i) => `topic ${i}`).join(','))}`,
      'topics=AI&mode=bogus',
      'topics=%E0%A4%A',
    ];
    for (const query of bad) {
      const res = await fetch(`${app.baseUrl}/subscribe/preview?${query}`);
      expect([query, res.status >= 400 && res.status < 500]).toEqual([query, true]);
    }
  });

  it('when one address asks too often, then it gets 429 with Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 125 && last?.status !== 429; i += 1)
      last = await fetch(`${app.baseUrl}/subscribe/preview?topics=AI&mode=topics`);
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
