// The preferences page shows the next digest as the build would compose it: the same papers in
// the same order, a heading per topic, "Also trending", and the followed topics with nothing new.
import { buildDigest, buildReaderLinks, matchNewPapers } from '@paperboy/core';
import { normalizeTopic } from '@paperboy/matching';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const local = (url: string) => url.replace(app.config.PUBLIC_URL, app.baseUrl);
const DAY = 86_400_000;

async function reader(email: string, topics: string[]) {
  return app.database.db.subscriber.create({
    data: {
      email,
      status: 'active',
      confirmedAt: new Date(),
      frequency: 'daily',
      digestMode: 'topics_trending',
      topics: { create: topics.map((raw) => ({ raw, key: normalizeTopic(raw).key })) },
    },
  });
}

async function papers(list: { title: string; abstract: string; upvotes: number }[]) {
  const ids: number[] = [];
  for (const [i, p] of list.entries()) {
    const row = await app.database.db.paper.create({
      data: {
        ...p,
        sourceId: `2612.${String(40000 + i)}`,
        authors: ['Ada Lovelace'],
        publishedAt: new Date(Date.now() - DAY),
        sources: ['test'],
      },
    });
    ids.push(row.id);
  }
  await matchNewPapers({ db: app.database.db }, ids);
  return ids;
}

describe('next digest on the preferences page', () => {
  it('when a reader follows three topics, then the page shows each topic with matches as a section, the quiet one, and "Also trending", in the order the digest stores', async () => {
    const ada = await reader('next@example.org', ['reward models', 'diffusion models', 'legal NLP']);
    await papers([
      ...Array.from({ length: 8 }, (_, i) => ({
        title: `Reward models study number ${i + 1}`,
        abstract: `Reward models, part ${i + 1}.`,
        upvotes: 100 - i,
      })),
      { title: 'Latent diffusion models for proteins', abstract: 'Diffusion models for backbones.', upvotes: 3 },
      { title: 'Sparse attention kernels at scale', abstract: 'Fast attention.', upvotes: 400 },
    ]);
    const page = await (
      await fetch(local(buildReaderLinks(app.config, ada.id).manageUrl), { headers: { Accept: 'text/html' } })
    ).text();
    const card = page.slice(page.indexOf('Your next digest'), page.indexOf('Last digests'));
    expect(card).toMatch(
      /<h3>reward models<\/h3>[\s\S]*<h3>diffusion models<\/h3>[\s\S]*Latent diffusion models for proteins[\s\S]*<h3>Also trending<\/h3>[\s\S]*Sparse attention kernels at scale/,
    );
    expect(card).toContain('Nothing new on legal NLP right now.');
    expect(card).toContain('▲ 100');
    // The trending paper's reason carries its upvotes; they are not repeated beside the title.
    expect(card).toContain('▲ 400 · #1 trending today');
    expect(card.match(/▲ 400/g)).toHaveLength(1);

    // The build stores exactly what the page showed, in the same order.
    const built = await buildDigest({ ...app.deps, queues: { ...app.queues } } as never, {
      subscriberId: ada.id,
      periodKey: 'd2026-12-06',
    });
    expect(built).toMatchObject({ status: 'pending' });
    const stored = await app.database.db.deliveryPaper.findMany({
      where: { subscriberId: ada.id },
      orderBy: { rank: 'asc' },
      select: { paper: { select: { title: true } } },
    });
    const shown = [...card.matchAll(/<a href="[^"]*" rel="noopener noreferrer">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(shown).toEqual(stored.map((s) => s.paper.title));
    // 8 + 1 topic papers, then the one trending paper not already in the digest.
    expect(shown).toHaveLength(10);
  });

  it('when the subscribe preview is asked for the same topics, then it is composed alike: every topic with matches has a place, the quiet one is named', async () => {
    const topics = encodeURIComponent('reward models\ndiffusion models\nlegal NLP');
    const res = await fetch(`${app.baseUrl}/subscribe/preview?topics=${topics}&mode=topics`, {
      headers: { Accept: 'application/json' },
    });
    const body = (await res.json()) as { papers: { title: string; section: string }[]; quiet: string[] };
    expect(body.papers.map((p) => p.section)).toEqual([
      'reward models',
      'reward models',
      'reward models',
      'reward models',
      'diffusion models',
    ]);
    expect(body.papers[4]!.title).toBe('Latent diffusion models for proteins');
    expect(body.quiet).toEqual(['legal NLP']);
  });

  it('when a topic has more matches than the live preview shows, then none that the digest carries under it is offered as "Also trending"', async () => {
    // The eight reward-model papers above (▲ 93–100): the preview shows five, the digest ten.
    const res = await fetch(`${app.baseUrl}/subscribe/preview?topics=reward+models`);
    const body = (await res.json()) as { papers: { title: string }[]; alsoTrending: { title: string }[] };
    expect(body.papers.length).toBeLessThan(8);
    expect(body.alsoTrending.map((p) => p.title)).toEqual(['Sparse attention kernels at scale']);
  });
});
