// The obvious middle way between naive and indexed, as a baseline of the benchmark: topics are
// matched once per distinct key (the same matches map the indexed way uses), then each reader's
// candidates are summed over their topics and fully sorted. What the indexed ranker adds on top
// (reading only the heads of pre-sorted lists, typed-array scratch space) is measured against it.
import {
  DEFAULT_CAP,
  DEFAULT_WEIGHTS,
  paperBoost,
  type MatchReason,
  type RankedPaper,
  type TopicMatch,
} from '@paperboy/matching';

interface Entry {
  score: number;
  relevance: number;
  reasons: { s: number; r: MatchReason; key: string }[];
}

export function fullSortRank(
  readerTopics: readonly string[],
  matches: ReadonlyMap<string, readonly TopicMatch[]>,
  now: Date,
  exclude: readonly number[] = [],
  cap = DEFAULT_CAP,
): RankedPaper[] {
  const byPaper = new Map<number, Entry>();
  for (const key of new Set(readerTopics)) {
    for (const m of matches.get(key) ?? []) {
      if (exclude.includes(m.paperId)) continue;
      const boosted = m.score * paperBoost(m.paper, now, DEFAULT_WEIGHTS);
      const entry = byPaper.get(m.paperId) ?? { score: 0, relevance: 0, reasons: [] };
      entry.score += boosted;
      entry.relevance += m.score;
      entry.reasons.push({ s: boosted, r: m.reason, key });
      byPaper.set(m.paperId, entry);
    }
  }
  return [...byPaper]
    .sort(([ia, a], [ib, b]) => b.score - a.score || ia - ib)
    .slice(0, cap)
    .map(([paperId, e]) => {
      const sorted = e.reasons.sort((a, b) => b.s - a.s);
      return {
        paperId,
        score: e.score,
        relevance: e.relevance,
        reasons: sorted.map((x) => x.r),
        topicKeys: sorted.map((x) => x.key),
      };
    });
}
