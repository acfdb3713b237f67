// Builds one reader's digest for one period: the Delivery row (unique per reader and period)
// and the papers it carries are written in ONE statement, before anything is sent, so a digest
// either exists completely or not at all. Running it again (a retried or duplicated job, "send
// now" after the schedule) finds the row and continues from its status instead of building
// a second digest. Then the send job is enqueued under the delivery's own id.
import { AppError } from '../errors';
import { digestClock, enqueueSends, type DigestDeps } from './digest-deps';
import { isPeriodKey } from './period-key';
import { pickRankedPapers, type PickedPaper } from './pick-papers';

export type BuildResult =
  | { status: 'pending'; deliveryId: number; papers: number; created: boolean }
  | { status: 'sending' | 'sent' | 'failed' | 'skipped'; deliveryId: number; created: boolean }
  | { skipped: string };

interface Inserted {
  id: number;
  status: BuildStatus;
  papers: number;
}
type BuildStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** Structured reasons are kept as JSON so the email can show the topic apart from the words. */
export function encodeReason(reason: PickedPaper['reason']): string {
  if (typeof reason === 'string') return reason;
  return JSON.stringify({ topic: reason.topic, matched: reason.matched, field: reason.field, text: reason.text });
}

export async function buildDigest(deps: DigestDeps, input: { subscriberId: number; periodKey: string }): Promise<BuildResult> {
  if (!isPeriodKey(input.periodKey)) throw new AppError('invalid_input', `not a period key: ${JSON.stringify(input.periodKey)}`);
  const reader = await deps.db.subscriber.findUnique({ where: { id: input.subscriberId }, select: { status: true } });
  if (!reader) return { skipped: 'reader no longer exists' };
  if (reader.status !== 'active') return { skipped: `reader is ${reader.status}` };

  const now = digestClock(deps);
  const pick = deps.pickPapers ?? pickRankedPapers;
  const picked = (await pick(deps.db, [input.subscriberId], { limit: deps.config.DIGEST_MAX_PAPERS, now, windowDays: deps.config.MATCH_WINDOW_DAYS })).get(input.subscriberId) ?? [];
  const skip = picked.length === 0 && deps.config.DIGEST_SKIP_EMPTY;
  const inserted = await insertDelivery(deps, input, picked, skip ? 'skipped' : 'pending', now);
  const delivery = inserted ?? (await existingDelivery(deps, input));
  if (delivery.status === 'pending' || delivery.status === 'sending') await enqueueSends(deps, [delivery.id]);
  const created = inserted !== undefined;
  return delivery.status === 'pending'
    ? { status: 'pending', deliveryId: delivery.id, papers: delivery.papers, created }
    : { status: delivery.status, deliveryId: delivery.id, created };
}

/** One statement: the delivery and its papers commit together or not at all. */
async function insertDelivery(
  deps: DigestDeps,
  input: { subscriberId: number; periodKey: string },
  picked: PickedPaper[],
  status: 'pending' | 'skipped',
  now: Date,
): Promise<Inserted | undefined> {
  const ids = picked.map((p) => p.paperId);
  const ranks = picked.map((_, i) => i + 1);
  const scores = picked.map((p) => p.score);
  const reasons = picked.map((p) => encodeReason(p.reason));
  const at = now.toISOString();
  // ON CONFLICT on DeliveryPaper: a paper this reader already received (another period built
  // concurrently) is simply left out, so no paper ever reaches a reader twice.
  const rows = await deps.db.$queryRaw<Inserted[]>`
    WITH d AS (
      INSERT INTO "Delivery" ("subscriberId", "periodKey", status, "createdAt", "updatedAt")
      VALUES (${input.subscriberId}, ${input.periodKey}, ${status}::"DeliveryStatus", ${at}::timestamp, ${at}::timestamp)
      ON CONFLICT ("subscriberId", "periodKey") DO NOTHING
      RETURNING id, status
    ), p AS (
      INSERT INTO "DeliveryPaper" ("deliveryId", "paperId", "subscriberId", rank, score, reason)
      SELECT d.id, x.paper, ${input.subscriberId}, x.rank, x.score, x.reason
      FROM d, unnest(${ids}::int[], ${ranks}::int[], ${scores}::float8[], ${reasons}::text[]) AS x(paper, rank, score, reason)
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT d.id, d.status::text AS status, (SELECT count(*)::int FROM p) AS papers FROM d`;
  return rows[0];
}

async function existingDelivery(deps: DigestDeps, input: { subscriberId: number; periodKey: string }): Promise<Inserted> {
  const found = await deps.db.delivery.findUnique({
    where: { subscriberId_periodKey: { subscriberId: input.subscriberId, periodKey: input.periodKey } },
    select: { id: true, status: true, _count: { select: { papers: true } } },
  });
  // Only reachable if the row was deleted between the conflict and this read (reader wiped).
  if (!found) throw new AppError('conflict', 'delivery vanished while building; retry', { retryable: true });
  return { id: found.id, status: found.status, papers: found._count.papers };
}
