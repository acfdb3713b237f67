// What digest ranking returns: per reader, the ranked papers with the reasons to show.
import type { MatchReason, RankingWeights } from '@paperboy/matching';
import type { MatchWindow } from './match-window';

/** One paper of a reader's digest, best first. */
export interface ReaderPaper {
  paperId: number;
  /** Relevance × trending × recency: the order of the digest. */
  score: number;
  /** Sum of the BM25 scores of the reader's topics that matched. */
  relevance: number;
  /** The strongest matching topic: its key and the reader's wording of it. */
  topicKey: string;
  topic: string;
  /** "Because you follow reward models: 'process reward models' in the abstract". */
  reason: string;
  /** Every matching topic of the reader, strongest first. */
  reasons: MatchReason[];
}

export interface ReaderDigest {
  subscriberId: number;
  papers: ReaderPaper[];
}

export interface RankedPapersOptions {
  /** Papers per reader (default DIGEST_MAX_PAPERS, else 10). */
  cap?: number;
  /** Candidate papers: published in the last N days (default MATCH_WINDOW_DAYS). Ignored with `window`. */
  windowDays?: number;
  /** Matches loaded once for a whole run; without it each call loads its batch's topics only. */
  window?: MatchWindow;
  weights?: Partial<RankingWeights>;
}
