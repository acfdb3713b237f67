// Shared shapes of the matching engine. Everything here is plain data so that matches can be
// stored (Match.reason is JSON) and readers can be ranked in another process from stored rows.

/** A paper as matching needs it; other fields of the stored paper are ignored. */
export interface MatchablePaper {
  id: number;
  title: string;
  abstract: string;
  upvotes: number;
  /** Upvotes gained since the previous observation (trending = gaining, not just big). */
  upvoteGrowth?: number;
  publishedAt: Date;
}

/** The part of a paper that ranking uses (trending and recency signals); the title, when the
 * caller has it, lets a digest leave out near-duplicate papers. */
export type RankablePaper = Pick<MatchablePaper, 'id' | 'upvotes' | 'upvoteGrowth' | 'publishedAt'> & {
  title?: string;
};

/** A sequence of canonical tokens that must appear in order. */
export interface TopicPhrase {
  tokens: string[];
  /** Words allowed between consecutive tokens in total (0 for quoted phrases). */
  maxGap: number;
}

/** A reader's topic after normalisation; `key` is what Topic.key and Match.topicKey store. */
export interface ParsedTopic {
  raw: string;
  key: string;
  /** A display form: the topic as typed, trimmed and with spaces collapsed. */
  label: string;
  /** OR of alternatives; each alternative is an AND of phrases. */
  alternatives: TopicPhrase[][];
  /** A paper containing any of these phrases does not match. */
  exclusions: TopicPhrase[];
}

export type MatchField = 'title' | 'abstract' | 'both';

/** direct: the topic's own words (or an alias); related: terms of its domain from the
 * related-concepts vocabulary or learned associations, which always rank below direct ones. */
export type MatchKind = 'direct' | 'related';

/** Why a paper matched a topic, as the digest shows it. JSON-serialisable. */
export interface MatchReason {
  /** The topic as the reader typed it (or the canonical label when shared). */
  topic: string;
  /** The words as they appear in the paper, e.g. "reward models" or "RLHF". */
  matched: string[];
  field: MatchField;
  text: string;
  /** Absent for a direct match. */
  kind?: MatchKind;
}

/** One paper matched by one distinct topic. */
export interface TopicMatch {
  topicKey: string;
  paperId: number;
  /** BM25-style relevance, comparable across topics of one batch. */
  score: number;
  reason: MatchReason;
  paper: RankablePaper;
}

/** A reader's topic: its key, optionally with the label they typed (used in the reason). */
export type ReaderTopic = string | { key: string; label?: string };

export interface RankedPaper {
  paperId: number;
  /** Final score: relevance × trending × recency. */
  score: number;
  /** Sum of the reader's topic relevances for this paper. */
  relevance: number;
  /** One reason per matching reader topic, strongest first. */
  reasons: MatchReason[];
  /** The topic key of each reason, in the same order (the label in a reason may be the reader's). */
  topicKeys: string[];
}
