// A ranked paper as the digest needs it: its score, and one reason per reader topic it matched,
// strongest first, told with the reader's own label for the topic when they gave one. Runs for
// every paper of every digest, so it sorts in scratch arrays and allocates only its output.
import { relabelReason } from '../match/reason';
import type { MatchReason, RankedPaper } from '../types';
import { findInList, type PreparedLists, type TopicList } from './topic-lists';

export interface ReaderList {
  list: TopicList;
  label?: string;
}

export class PaperDescriber {
  /** Reader list index and entry position of each match of the paper being described. */
  private readonly which: Int32Array;
  private readonly where: Int32Array;

  constructor(
    private readonly prepared: PreparedLists,
    maxTopics: number,
  ) {
    this.which = new Int32Array(maxTopics);
    this.where = new Int32Array(maxTopics);
  }

  describe(lists: readonly ReaderList[], idx: number, score: number): RankedPaper {
    const { which, where } = this;
    const paperCount = this.prepared.paperIds.length;
    let n = 0;
    let relevance = 0;
    for (let k = 0; k < lists.length; k += 1) {
      const list = (lists[k] as ReaderList).list;
      const at = findInList(list, idx, paperCount);
      if (at < 0) continue;
      relevance += list.relevances[at] as number;
      const strength = list.scores[at] as number;
      let j = n;
      for (; j > 0; j -= 1) {
        const prev = (lists[which[j - 1] as number] as ReaderList).list;
        if ((prev.scores[where[j - 1] as number] as number) >= strength) break;
        which[j] = which[j - 1] as number;
        where[j] = where[j - 1] as number;
      }
      which[j] = k;
      where[j] = at;
      n += 1;
    }
    const reasons: MatchReason[] = new Array(n);
    const topicKeys: string[] = new Array(n);
    for (let j = 0; j < n; j += 1) {
      const { list, label } = lists[which[j] as number] as ReaderList;
      const reason = list.reasons[where[j] as number] as MatchReason;
      reasons[j] = label ? relabelReason(reason, label) : reason;
      topicKeys[j] = list.key;
    }
    return { paperId: this.prepared.paperIds[idx] as number, score, relevance, reasons, topicKeys };
  }
}
