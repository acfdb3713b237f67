// Data factories for the digest tests: readers with topics (keys as the readers code stores
// them), papers published recently, and their Match rows written by the real matching use case.
import { matchNewPapers } from '@paperboy/core';
import type { Db } from '@paperboy/db';
import { normalizeTopic } from '@paperboy/matching';

export const NOW = new Date('2026-11-27T07:00:00Z');

export interface SeedPaper {
  title: string;
  abstract: string;
  upvotes?: number;
  githubRepo?: string;
}

export const DIGEST_PAPERS: SeedPaper[] = [
  {
    title: 'Process reward models that <think> before they judge',
    abstract: 'A verifier for reward models that writes "its own" reasoning & scores each step.',
    upvotes: 120,
    githubRepo: 'https://github.com/example/prm',
  },
  {
    title: 'Latent diffusion models for protein backbones',
    abstract: 'We train diffusion models in a latent space of protein structures.',
    upvotes: 80,
  },
  {
    title: 'Web agents with learned critics',
    abstract: 'Long-horizon agents improve when a critic prunes their plans.',
    upvotes: 60,
  },
  { title: 'Diffusion tensor imaging of white matter', abstract: 'Tractography of the brain.', upvotes: 300 },
];

export interface SeedReadersOptions {
  topics?: string[];
  prefix?: string;
  timezone?: string;
  frequency?: 'daily' | 'weekly';
  nextDigestAt?: Date | null;
  /** Default 'topics': most digest tests are about topic matches; trending has its own tests. */
  digestMode?: 'topics' | 'trending' | 'topics_trending';
}

export interface SeededReader {
  id: number;
  email: string;
}

/** `count` active readers, inserted in bulk (createMany), each following `topics`. */
export async function seedReaders(db: Db, count: number, options: SeedReadersOptions = {}): Promise<SeededReader[]> {
  const prefix = options.prefix ?? `r${Math.random().toString(36).slice(2, 7)}`;
  const topics = options.topics ?? ['reward models', 'diffusion models'];
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@example.org`);
  for (let i = 0; i < emails.length; i += 5000) {
    await db.subscriber.createMany({
      data: emails.slice(i, i + 5000).map((email) => ({
        email,
        status: 'active' as const,
        timezone: options.timezone ?? 'Europe/Paris',
        frequency: options.frequency ?? 'daily',
        digestMode: options.digestMode ?? 'topics',
        nextDigestAt: options.nextDigestAt ?? null,
        confirmedAt: NOW,
      })),
    });
  }
  const readers = await db.subscriber.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
    orderBy: { id: 'asc' },
  });
  const rows = readers.flatMap((r) => topics.map((raw) => ({ subscriberId: r.id, raw, key: normalizeTopic(raw).key })));
  for (let i = 0; i < rows.length; i += 10_000) await db.topic.createMany({ data: rows.slice(i, i + 10_000) });
  return readers;
}

/** Papers published a day before `now`, then matched against every followed topic. */
export async function seedPapers(db: Db, papers: SeedPaper[] = DIGEST_PAPERS, now = NOW): Promise<number[]> {
  const tag = Math.random().toString(36).slice(2, 7);
  const ids: number[] = [];
  for (const [i, p] of papers.entries()) {
    const sourceId = `2611.${tag}${i}`;
    const created = await db.paper.create({
      data: {
        sourceId,
        title: p.title,
        abstract: p.abstract,
        authors: ['Ada Lovelace', 'Grace Hopper'],
        publishedAt: new Date(now.getTime() - 24 * 3600_000),
        upvotes: p.upvotes ?? 1,
        githubRepo: p.githubRepo ?? null,
        hfUrl: `https://huggingface.co/papers/${sourceId}`,
        pdfUrl: `https://arxiv.org/pdf/${sourceId}`,
        sources: ['test'],
      },
    });
    ids.push(created.id);
  }
  await matchNewPapers({ db, now: () => now }, ids);
  return ids;
}

/** Polls until `check` holds (no timing assertions: the test's own timeout bounds it). */
export async function waitUntil(check: () => Promise<boolean>, intervalMs = 50): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
