// Readers' topics, read in batches: ids by keyset pagination on the Subscriber primary key
// (no OFFSET: each page starts where the last ended, at the same cost), then their topics in
// one query through Topic(subscriberId, key). Memory stays one batch, whatever the readers.
import type { Db } from '@paperboy/db';
import type { SubscriberStatus } from '@paperboy/db';

export interface ReaderTopics {
  subscriberId: number;
  /** Normalised keys with the reader's own wording (shown in the reasons). */
  topics: { key: string; label: string }[];
}

export async function loadReaderTopics(db: Db, subscriberIds: readonly number[]): Promise<ReaderTopics[]> {
  if (subscriberIds.length === 0) return [];
  const rows = await db.$queryRaw<{ subscriberId: number; key: string; raw: string }[]>`
    SELECT "subscriberId", "key", "raw" FROM "Topic" WHERE "subscriberId" = ANY(${[...subscriberIds]}::int[])
    ORDER BY "subscriberId", "id"`;
  const byReader = new Map<number, ReaderTopics['topics']>(subscriberIds.map((id) => [id, []]));
  for (const r of rows) byReader.get(r.subscriberId)?.push({ key: r.key, label: r.raw.replace(/\s+/g, ' ').trim() || r.key });
  return subscriberIds.map((subscriberId) => ({ subscriberId, topics: byReader.get(subscriberId) ?? [] }));
}

export interface ReaderBatchOptions {
  batchSize?: number;
  statuses?: SubscriberStatus[];
  /** Resume after this subscriber id (a run interrupted part way). */
  afterId?: number;
}

/** Every reader of the given statuses (default: active), in id order, `batchSize` at a time. */
export async function* readerBatches(db: Db, options: ReaderBatchOptions = {}): AsyncGenerator<ReaderTopics[]> {
  const { batchSize = 2_000, statuses = ['active'] } = options;
  let afterId = options.afterId ?? 0;
  for (;;) {
    const rows = await db.subscriber.findMany({
      where: { id: { gt: afterId }, status: { in: statuses } },
      select: { id: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (rows.length === 0) return;
    afterId = (rows[rows.length - 1] as { id: number }).id;
    yield await loadReaderTopics(db, rows.map((r) => r.id));
  }
}
