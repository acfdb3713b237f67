// Data factories for the matching tests: readers with topics (keys from normalizeTopic, as the
// readers code stores them), papers, and the papers a reader already received.
import type { Db } from '@paperboy/db';
import { normalizeTopic } from '@paperboy/matching';

export const NOW = new Date('2026-11-27T08:00:00Z');
export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);

let seq = 0;
const next = (): number => (seq += 1);

export async function makeReader(
  db: Db,
  topics: string[],
  status: 'active' | 'pending' | 'unsubscribed' = 'active',
): Promise<number> {
  const reader = await db.subscriber.create({
    data: {
      email: `reader${next()}-${Math.random().toString(36).slice(2, 8)}@example.org`,
      status,
      topics: { create: topics.map((raw) => ({ raw, key: normalizeTopic(raw).key })) },
    },
  });
  return reader.id;
}

export interface PaperInput {
  title: string;
  abstract?: string;
  publishedAt?: Date;
  upvotes?: number;
}

export async function makePaper(db: Db, input: PaperInput): Promise<number> {
  const n = next();
  const paper = await db.paper.create({
    data: {
      sourceId: `2611.${String(n).padStart(5, '0')}`,
      title: input.title,
      abstract: input.abstract ?? 'We report experiments and results.',
      publishedAt: input.publishedAt ?? daysAgo(1),
      upvotes: input.upvotes ?? 0,
      sources: ['test'],
    },
  });
  return paper.id;
}

/** Records that `paperIds` went out to the reader in one sent digest. */
export async function markDelivered(db: Db, subscriberId: number, paperIds: number[]): Promise<void> {
  const delivery = await db.delivery.create({ data: { subscriberId, periodKey: `p${next()}`, status: 'sent' } });
  await db.deliveryPaper.createMany({
    data: paperIds.map((paperId, rank) => ({
      deliveryId: delivery.id,
      paperId,
      subscriberId,
      rank,
      score: 1,
      reason: 'test',
    })),
  });
}

export const matchRows = (db: Db) =>
  db.match.findMany({
    orderBy: [{ paperId: 'asc' }, { topicKey: 'asc' }],
    select: { paperId: true, topicKey: true, score: true, reason: true },
  });
