// The database is the source of truth for "who is owed a digest". The schedule queues build
// jobs and only then moves nextDigestAt on, so once it has run, Redis alone knows about the
// builds until they write their Delivery rows. If Redis loses its data in between (a restart
// without persistence, an eviction, a flush), nothing would ever build those digests.
// This sweep (run by the every-minute schedule job) finds active readers whose previous slot
// (nextDigestAt one period back, in their own calendar) has passed with no Delivery for its
// period, and queues their builds again under deterministic ids (two workers sweeping at once
// add one job). It waits until the build queue has nothing left to do: a build still queued or
// running is not lost. Readers changed since that slot (settings, confirmation) are left alone:
// their previous slot is not known to have been due.
import { QUEUE } from '@paperboy/queue';
import { digestClock, enqueueBuilds, type DigestDeps } from './digest-deps';
import { readersMissingDigest } from './store';

// (A paused queue's jobs count as waiting.)
const OPEN_JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;
const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface ReconcileOptions {
  /** Slots older than this are not looked at (bounds the scan; the outage must end within it). */
  lookbackMs?: number;
  /** A slot younger than this may still be on its way through the schedule. */
  graceMs?: number;
  limit?: number;
}

export const RECONCILE_LOOKBACK_MS = 6 * HOUR;

export async function reconcileMissingDigests(deps: DigestDeps, options: ReconcileOptions = {}): Promise<number> {
  const { lookbackMs = RECONCILE_LOOKBACK_MS, graceMs = 2 * 60_000, limit = 10_000 } = options;
  const counts = await deps.queues[QUEUE.digestBuild].getJobCounts(...OPEN_JOB_STATES);
  if (Object.values(counts).some((n) => n > 0)) return 0;
  const now = digestClock(deps).getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  // nextDigestAt is one period after the previous slot (±1 h across a DST change): these ranges
  // let the (status, nextDigestAt) index find the candidates; the exact test follows.
  const range = (period: number): [string, string] => [
    iso(now + period - lookbackMs - HOUR),
    iso(now + period - graceMs + HOUR),
  ];
  const [dayFrom, dayTo] = range(DAY);
  const [weekFrom, weekTo] = range(7 * DAY);
  const rows = await readersMissingDigest(deps.db, {
    day: { from: dayFrom, to: dayTo },
    week: { from: weekFrom, to: weekTo },
    slots: { from: iso(now - lookbackMs), to: iso(now - graceMs) },
    limit,
  });
  if (rows.length === 0) return 0;
  await enqueueBuilds(
    deps,
    rows.map((r) => ({ subscriberId: Number(r.subscriberId), periodKey: r.periodKey })),
  );
  deps.logger?.warn(
    { readers: rows.length, periods: [...new Set(rows.map((r) => r.periodKey))].slice(0, 5) },
    'digests missing for a past period (build jobs lost?): builds queued again',
  );
  return rows.length;
}
