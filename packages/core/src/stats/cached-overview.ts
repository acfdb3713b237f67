// The overview page must stay fast with a million readers, and some of its aggregates (top
// topics) are O(rows). So page views read a snapshot cached in Redis. A snapshot older than
// `maxAgeSeconds` is recomputed by one caller (elected by a Redis lock), who waits up to
// `waitMs` for it: on a small or idle installation the view shows fresh numbers (a snapshot
// warmed at start, before anyone signed up, once showed all zeros "as of 3 min ago"); on a big,
// busy one the stale snapshot is served and the refresh finishes in the background.
import type { Db } from '@paperboy/db';
import type { Redis } from '@paperboy/queue';
import { computeOverview } from './compute-overview';
import type { Overview } from './overview.types';

export interface OverviewCacheDeps {
  db: Db;
  redis: Redis;
  /** Redis key prefix (REDIS_PREFIX), so test runs and deployments do not share snapshots. */
  keyPrefix: string;
  onError?: (error: unknown) => void;
}

export interface OverviewOptions {
  /** Serve a snapshot at most this old without triggering a refresh (default 30 s). */
  maxAgeSeconds?: number;
  /** Ignore the snapshot and compute now (the page's "refresh" button, `paperboy stats --fresh`). */
  fresh?: boolean;
  /** How long a view waits for the refresh of a stale snapshot before serving the stale one (default 2 s). */
  waitMs?: number;
  now?: Date;
}

const LOCK_MS = 60_000;
const keys = (prefix: string) => ({ snapshot: `${prefix}:stats:overview`, lock: `${prefix}:stats:overview:lock` });

async function refresh(deps: OverviewCacheDeps, now: Date): Promise<Overview> {
  const overview = await computeOverview(deps.db, now);
  // Kept for a day: a stale snapshot is better than a slow page while the database is busy.
  await deps.redis.set(keys(deps.keyPrefix).snapshot, JSON.stringify(overview), 'EX', 24 * 3600);
  return overview;
}

export async function getOverview(deps: OverviewCacheDeps, options: OverviewOptions = {}): Promise<Overview> {
  const now = options.now ?? new Date();
  const { snapshot, lock } = keys(deps.keyPrefix);
  const cached = options.fresh ? null : await deps.redis.get(snapshot);
  if (!cached) return refresh(deps, now);
  const overview = JSON.parse(cached) as Overview;
  const ageMs = now.getTime() - Date.parse(overview.computedAt);
  if (ageMs > (options.maxAgeSeconds ?? 30) * 1000 && (await deps.redis.set(lock, '1', 'PX', LOCK_MS, 'NX'))) {
    const refreshed = refresh(deps, now)
      .catch((error) => {
        deps.onError?.(error);
        return undefined;
      })
      .finally(() => void deps.redis.del(lock).catch(() => undefined));
    const waitMs = options.waitMs ?? 2_000;
    if (waitMs > 0) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), waitMs);
      });
      const fresh = await Promise.race([refreshed, timeout]);
      clearTimeout(timer);
      if (fresh) return fresh;
    }
  }
  return overview;
}

/** Active readers per digest mode from the snapshot (Prometheus gauge); a snapshot from before digest modes has none. */
export async function readersByDigestMode(
  deps: OverviewCacheDeps,
  maxAgeSeconds = 60,
): Promise<Record<string, number>> {
  const overview = await getOverview(deps, { maxAgeSeconds, waitMs: 0 }); // a scrape never waits
  return Object.fromEntries((overview.readers.activeByDigestMode ?? []).map((s) => [s.key, s.count]));
}

/** Readers by status from the snapshot (for the Prometheus gauge: never a query per scrape). */
export async function readersByStatus(deps: OverviewCacheDeps, maxAgeSeconds = 60): Promise<Record<string, number>> {
  const overview = await getOverview(deps, { maxAgeSeconds, waitMs: 0 }); // a scrape never waits
  return Object.fromEntries(overview.readers.byStatus.map((s) => [s.key, s.count]));
}
