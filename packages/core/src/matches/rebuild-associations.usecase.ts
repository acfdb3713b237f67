// The daily rebuild of the term-association table (issue 12): learn, from the papers stored
// over the last ASSOCIATION_WINDOW_DAYS, which words papers on each followed phrase use far
// more than papers in general (PPMI, @paperboy/matching's learnAssociations), and replace the
// stored table in one transaction. The next match run sees the new version and rebuilds its
// topic index with it. Only the phrases readers follow are learned, so the table stays small.
import { DEFAULT_LEARN_OPTIONS, parseTopicKey } from '@paperboy/matching';
import { learnInThread } from './learn-in-thread';
import { DAY_MS, type MatchingDeps, nowOf, positiveInt } from './matching-deps';
import { countPapersSince, followedTopicKeys, loadRecentPapers, replaceStoredAssociations } from './store';

/**
 * Below this many papers the shipped table stays: co-occurrence over a few hundred papers is
 * mostly chance (ten papers naming a phrase share plenty of words by accident), and a wrong
 * association sends readers papers off their topic, while the shipped table was learned from
 * 37k real arXiv papers.
 */
export const ASSOCIATION_MIN_PAPERS = 500;
/** The most recent papers learned from at most: bounds the job's time and memory (~30 s, ~700 MB). */
export const ASSOCIATION_MAX_PAPERS = 20_000;
export const DEFAULT_ASSOCIATION_WINDOW_DAYS = 180;

export interface RebuildAssociationsResult {
  /** Papers of the window learned from (when too few, the papers found). */
  papers: number;
  /** Phrases followed that associations can widen. */
  phrases: number;
  /** Phrases stored with their terms, and the terms in all. */
  stored: number;
  terms: number;
  /** 'shipped': nothing learned (too few papers, or no phrase to learn for); the stored table
   * was emptied, so the table shipped with @paperboy/matching applies. */
  table: 'learned' | 'shipped';
}

export interface RebuildAssociationsOptions {
  /** Default ASSOCIATION_WINDOW_DAYS. */
  windowDays?: number;
}

/**
 * The phrases buildTopicIndex looks associations up for: every alternative made of a single
 * unquoted phrase of two words or more, in any followed key (so "a b | c d" counts for both).
 * A one-word topic found in a paper is a direct hit already, and a quoted one asks for exactly
 * its words.
 */
export function associationPhrases(keys: readonly string[]): string[] {
  const phrases = new Set<string>();
  for (const key of keys) {
    let alternatives: ReturnType<typeof parseTopicKey>['alternatives'];
    try {
      alternatives = parseTopicKey(key).alternatives;
    } catch {
      continue; // a stored key that is not canonical is reported by the match job
    }
    for (const alt of alternatives) {
      const only = alt.length === 1 ? alt[0] : undefined;
      if (only !== undefined && only.tokens.length >= 2 && only.maxGap > 0) phrases.add(only.tokens.join(' '));
    }
  }
  return [...phrases].sort();
}

export async function rebuildAssociations(
  deps: MatchingDeps,
  options: RebuildAssociationsOptions = {},
): Promise<RebuildAssociationsResult> {
  const windowDays = positiveInt(
    options.windowDays ?? deps.config?.ASSOCIATION_WINDOW_DAYS ?? DEFAULT_ASSOCIATION_WINDOW_DAYS,
    'windowDays',
    3650,
  );
  const now = nowOf(deps);
  const since = new Date(now.getTime() - windowDays * DAY_MS);
  const phrases = associationPhrases(await followedTopicKeys(deps.db));
  const available = await countPapersSince(deps.db, since);
  if (available < ASSOCIATION_MIN_PAPERS) {
    await replaceStoredAssociations(deps.db, {}, now);
    return { papers: available, phrases: phrases.length, stored: 0, terms: 0, table: 'shipped' };
  }
  const papers = await loadRecentPapers(deps.db, since, ASSOCIATION_MAX_PAPERS);
  const table = phrases.length > 0 ? await learnInThread(papers, phrases) : {};
  // learnAssociations bounds it already; this keeps a bug there from growing the table.
  const bounded = Object.fromEntries(
    Object.entries(table)
      .slice(0, DEFAULT_LEARN_OPTIONS.maxPhrases)
      .map(([phrase, terms]) => [phrase, terms.slice(0, DEFAULT_LEARN_OPTIONS.perPhrase)]),
  );
  const stored = await replaceStoredAssociations(deps.db, bounded, now);
  const terms = Object.values(bounded).reduce((n, t) => n + t.length, 0);
  return { papers: papers.length, phrases: phrases.length, stored, terms, table: stored > 0 ? 'learned' : 'shipped' };
}
