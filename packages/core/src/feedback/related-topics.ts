// "Add this topic": topics related to what a reader reads, to suggest on the preferences page —
// the topics other readers follow that matched the most papers of this reader's recent digests.
// Only topics at least MIN_READERS active readers follow are named (as on the subscribe form),
// so a suggestion never reveals that one particular person reads about something.
import type { Db } from '@paperboy/db';
import { loadSubscriber } from '../subscribers/load-subscriber';
import { updatePreferences } from '../subscribers/preferences.usecase';
import type { ReaderDeps, RequestContext } from '../subscribers/reader-deps';

const MIN_READERS = 3;
const DAYS = 30;

export interface RelatedTopic {
  label: string;
  key: string;
  /** Papers of the reader's recent digests it matched. */
  papers: number;
}

export async function relatedTopics(
  db: Db,
  subscriberId: number,
  now = new Date(),
  limit = 3,
): Promise<RelatedTopic[]> {
  const since = new Date(now.getTime() - DAYS * 86_400_000);
  const rows = await db.$queryRaw<{ key: string; label: string; papers: number }[]>`
    WITH mine AS (
      SELECT dp."paperId" FROM "DeliveryPaper" dp JOIN "Delivery" d ON d.id = dp."deliveryId"
      WHERE dp."subscriberId" = ${subscriberId} AND d."createdAt" >= ${since}),
    co AS (
      SELECT m."topicKey" AS key, count(*)::int AS papers FROM "Match" m JOIN mine ON mine."paperId" = m."paperId"
      WHERE NOT EXISTS (SELECT 1 FROM "Topic" t WHERE t."subscriberId" = ${subscriberId} AND t.key = m."topicKey")
      GROUP BY m."topicKey")
    SELECT co.key, co.papers, (SELECT mode() WITHIN GROUP (ORDER BY t.raw) FROM "Topic" t WHERE t.key = co.key) AS label
    FROM co
    WHERE (SELECT count(*) FROM "Topic" t JOIN "Subscriber" s ON s.id = t."subscriberId"
           WHERE t.key = co.key AND s.status = 'active') >= ${MIN_READERS}
    ORDER BY co.papers DESC, co.key LIMIT ${limit}`;
  return rows.filter((r) => r.label);
}

/** Adds one topic to the reader's topics (the preferences rules: limits, normalisation, backfill). */
export async function addTopic(deps: ReaderDeps, subscriberId: number, topic: string, context: RequestContext = {}) {
  const s = await loadSubscriber(deps.db, subscriberId);
  return updatePreferences(
    deps,
    subscriberId,
    { topics: [...s.topics.map((t) => t.raw), topic], frequency: s.frequency, timezone: s.timezone },
    context,
  );
}
