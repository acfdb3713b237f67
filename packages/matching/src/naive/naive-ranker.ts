// The naive way, kept as the reference the fast path is checked and benchmarked against: for
// each reader, every paper is checked against every one of the reader's topics (a scan of the
// paper's tokens per phrase), then scored and ranked. Same scoring functions, so the same
// results; O(readers × papers × topics) instead of O(papers + readers × head of lists).
import { analyzeAll, type MatchOptions } from '../match/match-papers';
import type { AnalyzedPaper } from '../match/analyze-paper';
import { DEFAULT_BM25, idf, type BatchStats, type Bm25Options } from '../match/bm25';
import { scanPhrase, type Occurrence } from '../match/phrase-search';
import { buildReason, relabelReason } from '../match/reason';
import { batchStats } from '../match/score-match';
import { PhraseHits } from '../match/phrase-hits';
import { relevanceOf } from '../match/evidence-weights';
import { judgeTopic, type TopicEvidence } from '../match/topic-evidence';
import { buildTopicIndex, type TopicIndex, type TopicInput } from '../match/topic-index';
import { DEFAULT_CAP, type RankingOptions } from '../rank/digest-ranker';
import { DEFAULT_WEIGHTS, paperBoost, type RankingWeights } from '../rank/signals';
import type { MatchablePaper, RankedPaper, ReaderTopic, MatchReason } from '../types';
import type { PhraseVariant } from '../vocab/alias-index';

export interface NaiveOptions extends RankingOptions, MatchOptions {
  /** Give each paper a set of its tokens and skip the scan when a phrase cannot be there: the
   * naive way with one obvious improvement, for a more demanding comparison. */
  prefilter?: boolean;
}

interface Found {
  doc: AnalyzedPaper;
  score: number;
  reason: MatchReason;
}

export class NaiveRanker {
  private readonly compiled = new Map<string, TopicIndex>();
  private readonly docs: AnalyzedPaper[];
  private readonly stats: BatchStats;
  private readonly bm25: Bm25Options;
  private readonly weights: RankingWeights;
  private readonly now: Date;
  private readonly cap: number;
  private readonly tokenSets?: Set<string>[];

  constructor(topics: Iterable<TopicInput>, papers: readonly MatchablePaper[], opts: NaiveOptions = {}) {
    for (const t of topics) {
      const single = buildTopicIndex([t]); // one compiled topic: its phrases and their variants
      this.compiled.set(single.topics[0]!.key, single);
    }
    this.docs = analyzeAll(papers);
    this.stats = batchStats(this.docs);
    this.bm25 = { ...DEFAULT_BM25, ...opts.bm25 };
    this.weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
    this.now = opts.now ?? new Date();
    this.cap = opts.cap ?? DEFAULT_CAP;
    if (opts.prefilter) this.tokenSets = this.docs.map((d) => new Set([...d.title.tokens, ...d.abstract.tokens]));
  }

  /** With the prefilter: false when some token of every variant is missing from the paper. */
  private mayContain(docIdx: number, variants: readonly PhraseVariant[]): boolean {
    const tokens = this.tokenSets?.[docIdx];
    return tokens === undefined || variants.some((v) => v.tokens.every((t) => tokens.has(t)));
  }

  /** Every paper against one topic. */
  private matchTopic(topic: TopicIndex): Found[] {
    const t = topic.topics[0]!;
    const found: { doc: AnalyzedPaper; evidence: TopicEvidence }[] = [];
    for (let d = 0; d < this.docs.length; d += 1) {
      const doc = this.docs[d]!;
      const hits = new PhraseHits(topic.phrases.length);
      for (const phrase of topic.phrases) {
        if (!this.mayContain(d, phrase.variants)) continue;
        const occ: Occurrence[] = [];
        scanPhrase(doc.title, 0, phrase, occ);
        scanPhrase(doc.abstract, 1, phrase, occ);
        if (occ.length > 0) hits.set(phrase.id, occ);
      }
      const evidence = judgeTopic(t, doc, hits, this.stats, this.bm25);
      if (evidence !== undefined) found.push({ doc, evidence });
    }
    const topicIdf = idf(found.length, this.stats.docCount);
    return found.map(({ doc, evidence }) => ({
      doc,
      score: topicIdf * relevanceOf(evidence.weight),
      reason: buildReason(t.label, doc, evidence.occurrences, evidence.kind),
    }));
  }

  rank(readerTopics: readonly ReaderTopic[], exclude: Iterable<number> = []): RankedPaper[] {
    const excluded = new Set(exclude);
    const byPaper = new Map<
      number,
      { score: number; relevance: number; reasons: { s: number; r: MatchReason; key: string }[] }
    >();
    const keys = new Set<string>();
    for (const rt of readerTopics) {
      const key = typeof rt === 'string' ? rt : rt.key;
      const label = typeof rt === 'string' ? undefined : rt.label;
      const topic = this.compiled.get(key);
      if (topic === undefined || keys.has(key)) continue;
      keys.add(key);
      for (const f of this.matchTopic(topic)) {
        if (excluded.has(f.doc.paper.id)) continue;
        const boosted = f.score * paperBoost(f.doc.paper, this.now, this.weights);
        const entry = byPaper.get(f.doc.paper.id) ?? { score: 0, relevance: 0, reasons: [] };
        entry.score += boosted;
        entry.relevance += f.score;
        entry.reasons.push({ s: boosted, r: label ? relabelReason(f.reason, label) : f.reason, key });
        byPaper.set(f.doc.paper.id, entry);
      }
    }
    return [...byPaper]
      .sort(([ia, a], [ib, b]) => b.score - a.score || ia - ib)
      .slice(0, this.cap)
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
}
