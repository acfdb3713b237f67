// Computes the admin overview from the database in one round of parallel, index-backed queries.
import type { Db } from '@paperboy/db';
import { DIGEST_MODES } from '../subscribers/digest-mode';
import { computeDailyOverview } from './daily-series';
import * as q from './stats.store';
import type { CountBy, Overview } from './overview.types';

const WEEK_MS = 7 * 24 * 3600_000;

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function sumBy(
  rows: { key: string; count: number }[],
  key: (row: { status: string; frequency: string }) => string,
  items: { status: string; frequency: string; count: number }[],
): CountBy[] {
  const totals = new Map<string, number>(rows.map((r) => [r.key, r.count]));
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + item.count);
  return [...totals]
    .map(([k, count]) => ({ key: k, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export async function computeOverview(db: Db, now = new Date(), topicLimit = 12): Promise<Overview> {
  const started = performance.now();
  const weekAgo = new Date(now.getTime() - WEEK_MS);
  const [
    readerRows,
    byMode,
    newThisWeek,
    unsubscribedThisWeek,
    suppressions,
    bySource,
    paperTotals,
    lastRuns,
    deliveries,
    topics,
    asyncBounces,
    daily,
  ] = await Promise.all([
    q.readersByStatusAndFrequency(db),
    q.activeReadersByDigestMode(db),
    q.countSince(db, 'createdAt', weekAgo),
    q.countSince(db, 'unsubscribedAt', weekAgo),
    q.suppressionsByReason(db),
    q.papersBySource(db),
    q.paperTotals(db, weekAgo),
    q.lastIngestRuns(db),
    q.deliveryCounts(db, startOfUtcDay(now)),
    q.topTopics(db, topicLimit),
    q.asyncBounceCounts(db, now),
    computeDailyOverview(db, now),
  ]);
  // Every status appears, even at zero, so the page and the readers gauge keep a stable shape.
  const statuses = ['active', 'pending', 'paused', 'unsubscribed', 'bounced', 'complained'].map((key) => ({
    key,
    count: 0,
  }));
  const byStatus = sumBy(statuses, (r) => r.status, readerRows);
  const activeByFrequency = sumBy(
    [
      { key: 'daily', count: 0 },
      { key: 'weekly', count: 0 },
    ],
    (r) => r.frequency,
    readerRows.filter((r) => r.status === 'active'),
  );
  const activeByDigestMode = DIGEST_MODES.map((key) => ({ key, count: byMode.find((m) => m.key === key)?.count ?? 0 }));
  const count = (status: string) => byStatus.find((s) => s.key === status)?.count ?? 0;
  return {
    computedAt: now.toISOString(),
    computeMs: Math.round(performance.now() - started),
    readers: {
      total: byStatus.reduce((sum, s) => sum + s.count, 0),
      byStatus,
      activeByFrequency,
      activeByDigestMode,
      newThisWeek,
      unsubscribedThisWeek,
      bouncedOrComplained: count('bounced') + count('complained'),
    },
    suppressions: { total: suppressions.reduce((sum, s) => sum + s.count, 0), byReason: suppressions },
    asyncBounces,
    papers: { ...paperTotals, bySource, lastRuns },
    deliveries: {
      sentToday: deliveries.sentToday,
      failedToday: deliveries.todayByStatus.find((s) => s.key === 'failed')?.count ?? 0,
      pending: deliveries.pending,
      todayByStatus: deliveries.todayByStatus,
    },
    topTopics: topics,
    daily,
  };
}
