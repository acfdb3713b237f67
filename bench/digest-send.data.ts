// Benchmark data: readers following 1–4 of 40 topics (a few popular ones, a long tail), 60
// recent papers whose titles mention topics, and the Match rows from the real matching use case.
import { matchNewPapers } from '@paperboy/core';
import type { Db } from '@paperboy/db';
import { normalizeTopic } from '@paperboy/matching';

const SUBJECTS = [
  'diffusion models',
  'reward models',
  'agents',
  'retrieval augmented generation',
  'mixture of experts',
  'speculative decoding',
  'protein design',
  'graph neural networks',
  'reinforcement learning',
  'vision language models',
];
const ASPECTS = ['', ' for robotics', ' evaluation', ' at scale'];
/** The 40 topics, low indexes popular (the morning benchmark seeds the same ones). */
export const TOPICS = SUBJECTS.flatMap((s) => ASPECTS.map((a) => `${s}${a}`.trim()));

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
/** Zipf-like: low indexes are much more popular. */
const pick = (n: number) => Math.floor(n * rand() ** 2.5);

/** `digestMode`: what every reader gets (default: the product's default, topics then "Also trending");
 * `now`: the seeding clock (fixed, two runs build the same digests to the score). */
export async function seedBenchData(
  db: Db,
  readers: number,
  digestMode: 'topics' | 'trending' | 'topics_trending' = 'topics_trending',
  now = new Date(),
): Promise<{ papers: number; matches: number }> {
  const emails = Array.from({ length: readers }, (_, i) => `bench-reader-${i}@example.org`);
  for (let i = 0; i < readers; i += 5000) {
    await db.subscriber.createMany({
      data: emails.slice(i, i + 5000).map((email, j) => ({
        email,
        status: 'active' as const,
        digestMode,
        timezone: j % 3 ? 'Europe/Paris' : 'America/New_York',
        confirmedAt: now,
      })),
    });
  }
  const ids = (await db.subscriber.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
  const topics = ids.flatMap((subscriberId) => {
    const chosen = new Set(
      Array.from({ length: 1 + Math.floor(rand() * 4) }, () => TOPICS[pick(TOPICS.length)] as string),
    );
    return [...chosen].map((raw) => ({ subscriberId, raw, key: normalizeTopic(raw).key }));
  });
  for (let i = 0; i < topics.length; i += 10_000) await db.topic.createMany({ data: topics.slice(i, i + 10_000) });
  const papers = Array.from({ length: 60 }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length] as string;
    const sourceId = `2611.${String(20000 + i)}`;
    return {
      sourceId,
      title: `Scaling ${topic}: what ${i + 2} experiments tell us`,
      abstract: `We study ${topic} and ${TOPICS[(i * 7) % TOPICS.length]} with careful ablations. `.repeat(6),
      authors: ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'],
      publishedAt: new Date(now.getTime() - ((i % 5) + 1) * 86_400_000),
      upvotes: 300 - i * 4,
      hfUrl: `https://huggingface.co/papers/${sourceId}`,
      pdfUrl: `https://arxiv.org/pdf/${sourceId}`,
      githubRepo: i % 3 ? null : `https://github.com/example/repo-${i}`,
      sources: ['bench'],
    };
  });
  await db.paper.createMany({ data: papers });
  const paperIds = (await db.paper.findMany({ select: { id: true } })).map((p) => p.id);
  const result = await matchNewPapers({ db, now: () => now }, paperIds);
  // Planner statistics, as autovacuum keeps them on a live database: without them, right after
  // a bulk load, Postgres may plan for near-empty tables (a claim of 50 once took 3.5 s).
  await db.$executeRawUnsafe('ANALYZE');
  return { papers: paperIds.length, matches: result.matches };
}
