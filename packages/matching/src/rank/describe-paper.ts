// A ranked paper as the digest needs it: its score, and one reason per reader topic it matched,
// strongest first, told with the reader's own label for the topic when they gave one.
import { relabelReason } from '../match/reason';
import type { MatchReason, RankedPaper } from '../types';
import { findInList, type PreparedLists, type TopicList } from './topic-lists';

export interface ReaderList {
  list: TopicList;
  label?: string;
}

export function describePaper(prepared: PreparedLists, lists: readonly ReaderList[], idx: number, score: number): RankedPaper {
  const reasons: MatchReason[] = [];
  const topicKeys: string[] = [];
  const strengths: number[] = [];
  let relevance = 0;
  const n = prepared.paperIds.length;
  for (const { list, label } of lists) {
    const at = findInList(list, idx, n);
    if (at < 0) continue;
    relevance += list.relevances[at] as number;
    const strength = list.scores[at] as number;
    let j = reasons.length; // insertion: a paper matches one or two of a reader's topics
    while (j > 0 && (strengths[j - 1] as number) < strength) j -= 1;
    const reason = list.reasons[at] as MatchReason;
    reasons.splice(j, 0, label ? relabelReason(reason, label) : reason);
    strengths.splice(j, 0, strength);
    topicKeys.splice(j, 0, list.key);
  }
  return { paperId: prepared.paperIds[idx] as number, score, relevance, reasons, topicKeys };
}
