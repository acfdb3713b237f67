// The papers of the recent window, a chunk at a time, for the work that matches a whole window
// (a newly followed topic's backfill, the refresh after an upgrade).
import type { MatchablePaper } from '@paperboy/matching';
import { DAY_MS, type MatchingDeps, nowOf, windowDaysOf } from './matching-deps';
import { loadPapersAfter } from './store';

/** Papers matched per step: about one ingestion batch, so scores are on the same footing as the
 * match job's. */
const CHUNK = 1_000;
/** A window holds a few thousand papers; this bounds a misconfigured one. */
const MAX_PAPERS = 50_000;

/** Every paper published in the last `sinceDays` (default MATCH_WINDOW_DAYS), in chunks by id.
 * The window is checked here, before the first chunk is asked for. */
export function windowPaperChunks(deps: MatchingDeps, sinceDays?: number): AsyncGenerator<MatchablePaper[]> {
  const since = new Date(nowOf(deps).getTime() - windowDaysOf(deps, sinceDays) * DAY_MS);
  return chunks(deps, since);
}

// Keyset pagination by id: bounded memory however long the window, and a rerun redoes it all.
async function* chunks(deps: MatchingDeps, since: Date): AsyncGenerator<MatchablePaper[]> {
  let afterId = 0;
  for (let papers = 0; papers < MAX_PAPERS; ) {
    const chunk = await loadPapersAfter(deps.db, since, afterId, CHUNK);
    if (chunk.length === 0) return;
    afterId = (chunk[chunk.length - 1] as { id: number }).id;
    papers += chunk.length;
    yield chunk;
  }
}
