// Builds digests: for each (reader, period) the Delivery row (unique per reader and period)
// and the papers it carries are written by ONE statement, before anything is sent, so a digest
// either exists completely or not at all. Running it again (a retried or duplicated job, "send
// now" after the schedule) finds the row and continues from its status instead of building a
// second digest. Then the send jobs are enqueued under the deliveries' own ids.
// Batched: a batch of readers costs six queries and one addBulk, whatever its size.
import { AppError } from '../errors';
import { digestClock, enqueueSends, type DigestDeps } from './digest-deps';
import { isPeriodKey } from './period-key';
import { pickRankedPapers } from './pick-papers';
import {
  existingDeliveries,
  insertDeliveries,
  readerStatuses,
  type BuildRow,
  type DeliveryRow,
  noticesDue,
} from './store';

export { encodeReason } from './store';

export interface BuildInput {
  subscriberId: number;
  periodKey: string;
}

export type BuildResult =
  | {
      status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
      deliveryId: number;
      papers: number;
      created: boolean;
    }
  | { skipped: string };

const keyOf = (i: BuildInput) => `${i.subscriberId}|${i.periodKey}`;

export async function buildDigest(deps: DigestDeps, input: BuildInput): Promise<BuildResult> {
  return (await buildDigests(deps, [input]))[0] as BuildResult;
}

export async function buildDigests(deps: DigestDeps, inputs: BuildInput[]): Promise<BuildResult[]> {
  for (const i of inputs)
    if (!isPeriodKey(i.periodKey))
      throw new AppError('invalid_input', `not a period key: ${JSON.stringify(i.periodKey)}`);
  const unique = [...new Map(inputs.map((i) => [keyOf(i), i])).values()];
  const ids = [...new Set(unique.map((i) => i.subscriberId))];
  const status = await readerStatuses(deps.db, ids);
  const active = unique.filter((i) => status.get(i.subscriberId) === 'active');

  const now = digestClock(deps);
  const pick = deps.pickPapers ?? pickRankedPapers;
  const activeIds = [...new Set(active.map((i) => i.subscriberId))];
  const picked = activeIds.length
    ? await pick(deps.db, activeIds, {
        limit: deps.config.DIGEST_MAX_PAPERS,
        now,
        windowDays: deps.config.MATCH_WINDOW_DAYS,
        trendingMinUpvotes: deps.config.TRENDING_MIN_UPVOTES,
        ...(deps.config.LEARNED_EXTRA_PAPERS !== undefined ? { learnedExtras: deps.config.LEARNED_EXTRA_PAPERS } : {}),
      })
    : new Map();
  const rows: BuildRow[] = active.map((i) => {
    const papers = picked.get(i.subscriberId) ?? [];
    return {
      ...i,
      papers,
      kind: 'digest',
      status: papers.length === 0 && deps.config.DIGEST_SKIP_EMPTY ? 'skipped' : 'pending',
    };
  });
  // Never silent: an empty period that completes EMPTY_PERIODS_NOTICE in a row sends a notice.
  const notices = await noticesDue(
    deps.db,
    rows.filter((r) => r.status === 'skipped'),
    deps.config.EMPTY_PERIODS_NOTICE ?? 0,
  );
  for (const r of rows) if (notices.has(keyOf(r))) Object.assign(r, { kind: 'notice', status: 'pending' });
  const inserted = await insertDeliveries(deps.db, rows, now);
  const byKey = new Map<string, DeliveryRow & { created: boolean }>(
    inserted.map((d) => [keyOf(d), { ...d, created: true }]),
  );
  const missing = active.filter((i) => !byKey.has(keyOf(i)));
  for (const d of await existingDeliveries(deps.db, missing)) byKey.set(keyOf(d), { ...d, created: false });

  const toSend = [...byKey.values()].filter((d) => d.status === 'pending' || d.status === 'sending').map((d) => d.id);
  await enqueueSends(deps, toSend);
  return inputs.map((i) => {
    const reader = status.get(i.subscriberId);
    if (reader !== 'active') return { skipped: reader ? `reader is ${reader}` : 'reader no longer exists' };
    const d = byKey.get(keyOf(i));
    // Only if the row was deleted between the conflict and the read (reader wiped): retry.
    if (!d) throw new AppError('conflict', 'delivery vanished while building; retry', { retryable: true });
    return { status: d.status, deliveryId: d.id, papers: d.papers, created: d.created };
  });
}
