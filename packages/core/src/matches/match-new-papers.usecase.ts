// The match job: new papers against every topic someone follows, once per DISTINCT topic key
// (readers share keys), never per reader. Steps: load the papers → load the followed keys →
// stored term associations (version check) → (cached) index → matchPapers → upsert Match rows and drop the ones this run no longer finds.
// Re-running it with the same papers and keys stores exactly the same rows.
import { type MatchablePaper, matchPapers, type TopicMatch } from '@paperboy/matching';
import { type MatchingDeps, validIds } from './matching-deps';
import { processAssociations, type StoredAssociations } from './stored-associations';
import { processTopicIndex, type TopicIndexCache } from './topic-index-cache';
import { followedTopicKeys, loadPapersById, removeStaleMatches, upsertMatches } from './store';

/** The match payload's own bound: one ingestion batch. */
export const MAX_PAPERS_PER_JOB = 10_000;

export interface MatchRunResult {
  /** Papers found and matched (unknown or withdrawn ids are skipped). */
  papers: number;
  /** Distinct topic keys matched against. */
  topics: number;
  /** Match rows written (inserted or updated). */
  matches: number;
  /** Rows removed because this run no longer found them. */
  removed: number;
  /** Stored keys that could not be parsed, so nothing was matched for them. */
  invalidKeys: string[];
}

export interface MatchRunOptions {
  /** Defaults to the process-wide cache; tests pass their own to observe rebuilds. */
  indexCache?: TopicIndexCache;
  /** Defaults to the process-wide copy of the stored association table. */
  associations?: StoredAssociations;
}

export const flattenMatches = (byTopic: Map<string, TopicMatch[]>): TopicMatch[] => [...byTopic.values()].flat();

export async function matchNewPapers(
  deps: MatchingDeps,
  paperIds: readonly number[],
  options: MatchRunOptions = {},
): Promise<MatchRunResult> {
  const ids = validIds(paperIds, 'paperIds', MAX_PAPERS_PER_JOB);
  const papers = ids.length ? await loadPapersById(deps.db, ids) : [];
  if (papers.length === 0) return { papers: 0, topics: 0, matches: 0, removed: 0, invalidKeys: [] };
  return matchAndStore(deps, papers, options);
}

/** These papers against every followed key, their Match rows made exactly what this run finds:
 * the match job's work, and the refresh's (refresh-matches.usecase.ts) for each chunk of a window. */
export async function matchAndStore(
  deps: MatchingDeps,
  papers: readonly MatchablePaper[],
  options: MatchRunOptions = {},
): Promise<MatchRunResult> {
  const keys = await followedTopicKeys(deps.db);
  const associations = await (options.associations ?? processAssociations).get(deps.db);
  const { index, invalid } = (options.indexCache ?? processTopicIndex).get(keys, associations);
  const matches = flattenMatches(matchPapers(index, papers));
  const matchedKeys = index.topics.map((t) => t.key);
  // Upsert first, then remove: a crash in between leaves extra rows a retry removes, never a hole.
  const written = await upsertMatches(deps.db, matches);
  const removed = await removeStaleMatches(
    deps.db,
    papers.map((p) => p.id),
    matchedKeys,
    matches,
  );
  return { papers: papers.length, topics: matchedKeys.length, matches: written, removed, invalidKeys: invalid };
}
