// The signal history stays small: snapshots older than the window that trending looks at are
// deleted, except each paper's latest one before the cutoff (the baseline a window starting
// there compares against). Runs after scheduled pulls; one statement, bounded by the cutoff.
import type { Db } from '@paperboy/db';

export async function pruneSignals(db: Pick<Db, '$executeRaw'>, keepDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000);
  return db.$executeRaw`
    DELETE FROM "PaperSignal" s
    USING (SELECT "paperId", max("observedAt") AS keep FROM "PaperSignal" WHERE "observedAt" < ${cutoff} GROUP BY "paperId") k
    WHERE s."paperId" = k."paperId" AND s."observedAt" < k.keep`;
}
