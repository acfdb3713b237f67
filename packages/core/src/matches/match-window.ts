// The stored matches a digest can draw from: Match rows of papers published in the window,
// grouped per topic key, each with its paper's trending signals. Loaded for the keys of one
// batch of readers, or once for the whole window (MatchWindow.load) when a run ranks every
// reader: either way per-topic lists are read once and shared by all readers of the batch.
import type { Db } from '@paperboy/db';
import type { TopicMatch } from '@paperboy/matching';
import { DAY_MS, type MatchingDeps, nowOf, windowDaysOf } from './matching-deps';
import { loadMatchRows, loadRankablePapers } from './store';

/** keys: only those topics; undefined: every topic with a match in the window. */
export async function loadMatchLists(
  db: Db,
  since: Date,
  now: Date,
  keys?: readonly string[],
): Promise<Map<string, TopicMatch[]>> {
  const rows = await loadMatchRows(db, since, keys);
  const papers = await loadRankablePapers(db, [...new Set(rows.map((r) => r.paperId))], now);
  const lists = new Map<string, TopicMatch[]>();
  for (const r of rows) {
    const paper = papers.get(r.paperId);
    if (!paper) continue; // deleted between the two queries
    const list = lists.get(r.topicKey) ?? [];
    list.push({ topicKey: r.topicKey, paperId: r.paperId, score: Math.max(0, r.score), reason: r.reason, paper });
    lists.set(r.topicKey, list);
  }
  return lists;
}

/** Every topic's matches in the window, loaded once for a run over many batches of readers. */
export class MatchWindow {
  private constructor(
    readonly since: Date,
    readonly now: Date,
    readonly matchesByTopic: ReadonlyMap<string, readonly TopicMatch[]>,
  ) {}

  static async load(deps: MatchingDeps, options: { windowDays?: number } = {}): Promise<MatchWindow> {
    const now = nowOf(deps);
    const since = new Date(now.getTime() - windowDaysOf(deps, options.windowDays) * DAY_MS);
    return new MatchWindow(since, now, await loadMatchLists(deps.db, since, now));
  }

  get matchCount(): number {
    let n = 0;
    for (const list of this.matchesByTopic.values()) n += list.length;
    return n;
  }
}
