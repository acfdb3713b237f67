// Papers posted to the API commit with their IngestRun row, which holds their new ids until
// they reach the match queue ("running" until then). If the hand-off failed after the commit
// (Redis down, process killed), the next API request or the every-minute digest schedule job
// re-sends them: job ids are deterministic, so a re-send of a hand-off that did succeed is a no-op.
import type { Prisma } from '@paperboy/db';
import { ingestClock, type IngestDeps } from './ingest-deps';
import { markRunSucceeded, runningRuns } from './ingest.store';
import { handOffToMatching } from './match-handoff';

export const API_SOURCE = 'api';
const STALE_MS = 60_000; // longer than any hand-off takes: younger runs may still be in progress
// Runs every minute: the (source, startedAt) index reads one week of API runs, not all history.
// A hand-off stranded longer than that means no worker ran for a week; re-post those papers.
const LOOKBACK_MS = 7 * 24 * 3600_000;

export function apiRunCursor(pending: number[]): Prisma.InputJsonValue {
  return { source: null, batch: 1, done: true, pending, key: null };
}

export async function completeApiRun(deps: IngestDeps, runId: number, pending: readonly number[]): Promise<void> {
  await handOffToMatching(deps.queues, { runId: `api${runId}`, batch: 0 }, pending);
  await markRunSucceeded(deps.db, runId, ingestClock(deps));
}

export async function resendStaleApiRuns(deps: IngestDeps): Promise<number> {
  const now = ingestClock(deps).getTime();
  const startedAt = { gte: new Date(now - LOOKBACK_MS), lt: new Date(now - STALE_MS) };
  const stale = await runningRuns(deps.db, API_SOURCE, startedAt, 20);
  for (const run of stale) {
    const pending = (run.cursor as { pending?: unknown } | null)?.pending;
    await completeApiRun(
      deps,
      run.id,
      Array.isArray(pending) ? pending.filter((id): id is number => Number.isInteger(id)) : [],
    );
    deps.logger.warn({ ingestRun: run.id }, 'api: re-sent new papers of an earlier request to matching');
  }
  return stale.length;
}
