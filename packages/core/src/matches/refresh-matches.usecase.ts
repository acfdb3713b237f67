// After an upgrade that changes how topics are matched (the related-concepts vocabulary, the
// rules), the matches already stored are the old matcher's: only papers ingested afterwards would
// be matched the new way, and a weekly digest would mix the two for a window's length. This
// matches every paper of the window again against every followed key with the matcher as it is
// now, chunk by chunk, leaving the rows exactly as a fresh match job would (the same upserts and
// removals). Operators run it once after upgrading: `npm run paperboy -- matches:refresh`.
import { matchAndStore } from './match-new-papers.usecase';
import type { MatchingDeps } from './matching-deps';
import { windowPaperChunks } from './window-papers';

export interface RefreshMatchesResult {
  /** Papers of the window matched again. */
  papers: number;
  /** Match rows written (inserted or updated). */
  matches: number;
  /** Rows removed because the matcher no longer finds them. */
  removed: number;
  /** Stored keys that could not be parsed (as the match job reports them). */
  invalidKeys: string[];
}

export interface RefreshMatchesOptions {
  /** The window, in days (default MATCH_WINDOW_DAYS, what digests read). */
  sinceDays?: number;
  /** Called after each chunk with the running totals, for a progress line. */
  onChunk?: (sofar: RefreshMatchesResult) => void;
}

export async function refreshRecentMatches(
  deps: MatchingDeps,
  options: RefreshMatchesOptions = {},
): Promise<RefreshMatchesResult> {
  const window = windowPaperChunks(deps, options.sinceDays);
  const total: RefreshMatchesResult = { papers: 0, matches: 0, removed: 0, invalidKeys: [] };
  for await (const chunk of window) {
    const run = await matchAndStore(deps, chunk);
    total.papers += run.papers;
    total.matches += run.matches;
    total.removed += run.removed;
    total.invalidKeys = run.invalidKeys;
    options.onChunk?.({ ...total });
  }
  return total;
}
