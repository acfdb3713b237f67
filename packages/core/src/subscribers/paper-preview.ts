// "Recent papers you would have got": the matching engine run over the papers already stored,
// for the topics typed so far, then "also trending" (the top trending papers not among them);
// with no topic typed, the top trending papers themselves (issue 19). Recent papers are loaded once a minute per process, not per
// keystroke, and each topic key is matched once per such snapshot: a topic's matches depend only
// on the papers (its own document frequency, the batch's lengths), never on the other topics,
// so per-key results combine exactly. Tokenising the papers is most of the cost of a match run:
// it is done once per snapshot too (analyzeBatch), however many new topics and suggestions follow.
import type { Db } from '@paperboy/db';
import {
  buildTopicIndex,
  createDigestRanker,
  DEFAULT_STANDING_OPTIONS,
  analyzeBatch,
  matchAnalyzed,
  type AnalyzedBatch,
  type AssociationTable,
  type MatchablePaper,
  type TermVocabulary,
  type TopicMatch,
} from '@paperboy/matching';
import { DEFAULT_TRENDING_MIN_UPVOTES, type TrendingPeriod } from '../trending/trending';
import { processAssociations } from '../matches/stored-associations';
import { followsTrending, resolveDigestMode, type DigestMode } from './digest-mode';
import { cleanFrequency, cleanTopics } from './subscribe-input';
import { createTermVocabulary, vocabularyWithin } from './term-vocabulary';
import { guideTopics, type TopicGuidance } from './topic-guidance';
import { createTrendingPreview, type PreviewPaper } from './trending-preview';
import { recentPreviewPapers } from './store';

export type { PreviewPaper } from './trending-preview';
export type { TopicGuidance, CountedTopic } from './topic-guidance';

/** The papers the preview matched topics against: published within `days`, `papers` of them;
 * `capped`: there were at least as many as the preview takes (its newest `papers` only). */
export interface PreviewWindow {
  days: number;
  papers: number;
  capped: boolean;
}

/**
 * `mode`: what the digest would carry; `papers`: the topic matches (composed as the digest, each
 * with its `section`), or the top trending ones for a trending-only preview; `quiet`: typed
 * topics with nothing recent; `topics`: guidance on each typed topic (none for top trending);
 * `window`: what the counts are out of.
 */
export type PreviewResult =
  | {
      mode: DigestMode;
      papers: PreviewPaper[];
      alsoTrending: PreviewPaper[];
      quiet: string[];
      topics: TopicGuidance[];
      window: PreviewWindow;
    }
  | { error: string };

/** A topic match in the preview: `section` is the topic it is shown under, as in the digest. */
export type TopicPreviewPaper = PreviewPaper & { section: string };

/** What the reader chose so far on the form (both optional, as typed). */
export interface PreviewChoice {
  mode?: unknown;
  frequency?: unknown;
}

/** Papers under "Also trending" after a reader's topic matches, as in a digest. */
export const ALSO_TRENDING = 3;

interface StoredPaper extends MatchablePaper {
  url: string | null;
  authors: string[];
}

export interface PreviewOptions {
  windowDays?: number;
  maxPapers?: number;
  cacheMs?: number;
  show?: number;
  /** config.DIGEST_MAX_PAPERS: the digest's size. "Also trending" leaves out every paper the
   * digest would carry under a topic, shown in the preview or not. */
  digestCap?: number;
  /** config.TRENDING_MIN_UPVOTES. */
  minUpvotes?: number;
  /** config.PREVIEW_BROAD_SHARE: a topic matching more than this share of the window is "too broad". */
  broadShare?: number;
  /** The vocabulary of stored papers for "did you mean" (default: built per process from the database). */
  vocabulary?: () => Promise<TermVocabulary>;
  now?: () => Date;
}

async function loadRecent(db: Db, windowDays: number, maxPapers: number): Promise<StoredPaper[]> {
  const since = new Date(Date.now() - windowDays * 24 * 3600_000);
  return recentPreviewPapers(db, since, maxPapers);
}

interface Snapshot {
  at: number;
  papers: Promise<StoredPaper[]>;
  /** The term associations the match job uses now (stored over shipped), so the preview matches alike. */
  associations: Promise<AssociationTable>;
  /** Topic key → its matches in this snapshot (an empty list when nothing matched). */
  byKey: Map<string, TopicMatch[]>;
  /** The papers tokenised once per snapshot, not once per new topic (the guidance counts several per keystroke). */
  analyzed?: AnalyzedBatch;
}

const MAX_CACHED_KEYS = 2_000;
/** How long a preview waits for the vocabulary's first build before answering without its stored words. */
const VOCABULARY_WAIT_MS = 500;

function matchesFor(
  snap: Snapshot,
  papers: StoredPaper[],
  topics: { key: string; raw: string }[],
  associations: AssociationTable,
): Map<string, TopicMatch[]> {
  const missing = topics.filter((t) => !snap.byKey.has(t.key));
  if (missing.length > 0) {
    snap.analyzed ??= analyzeBatch(papers);
    const found = matchAnalyzed(
      buildTopicIndex(
        missing.map((t) => ({ key: t.key, label: t.raw })),
        { associations },
      ),
      snap.analyzed,
    );
    if (snap.byKey.size + missing.length > MAX_CACHED_KEYS) snap.byKey.clear();
    for (const t of missing) snap.byKey.set(t.key, found.get(t.key) ?? []);
  }
  // Reasons name the first typer's wording; the composition relabels them with this reader's.
  return new Map(topics.map((t) => [t.key, snap.byKey.get(t.key) as TopicMatch[]]));
}

export function createPaperPreview(db: Db, options: PreviewOptions = {}) {
  const {
    windowDays = 14,
    maxPapers = 500,
    cacheMs = 60_000,
    show = 5,
    digestCap = 10,
    minUpvotes = DEFAULT_TRENDING_MIN_UPVOTES,
    broadShare = DEFAULT_STANDING_OPTIONS.broadShare,
    now = () => new Date(),
  } = options;
  // A keystroke waits for the vocabulary's build a moment at most (the first one in a process).
  const vocabulary = vocabularyWithin(options.vocabulary ?? createTermVocabulary(db), VOCABULARY_WAIT_MS);
  const standing = { ...DEFAULT_STANDING_OPTIONS, broadShare };
  // Enough for "Also trending" once every paper of the digest is left out.
  const trending = createTrendingPreview(db, {
    minUpvotes,
    cacheMs,
    now,
    size: Math.max(show, digestCap) + ALSO_TRENDING,
  });
  let cache: Snapshot | undefined;
  const snapshot = (): Snapshot => {
    if (!cache || Date.now() - cache.at > cacheMs) {
      const papers = loadRecent(db, windowDays, maxPapers);
      const associations = processAssociations.get(db).then((a) => a.table);
      papers.catch(() => (cache = undefined));
      associations.catch(() => (cache = undefined));
      cache = { at: Date.now(), papers, associations, byKey: new Map() };
    }
    return cache;
  };
  async function topicPapers(topics: { key: string; raw: string }[]): Promise<{
    papers: TopicPreviewPaper[];
    /** The papers the digest would carry under a topic (at its own size, not the preview's). */
    inDigest: Set<number>;
    quiet: string[];
    topics: TopicGuidance[];
    window: PreviewWindow;
  }> {
    const snap = snapshot();
    const [papers, associations, words] = await Promise.all([snap.papers, snap.associations, vocabulary()]);
    const window = { days: windowDays, papers: papers.length, capped: papers.length >= maxPapers };
    const guidance = guideTopics(topics, {
      windowPapers: papers.length,
      vocabulary: words,
      associations,
      standing,
      count: (some) =>
        papers.length === 0
          ? new Map()
          : new Map([...matchesFor(snap, papers, some, associations)].map(([key, list]) => [key, list.length])),
    });
    if (papers.length === 0 || topics.length === 0)
      return { papers: [], inDigest: new Set(), quiet: topics.map((t) => t.raw), topics: guidance, window };
    const matches = matchesFor(snap, papers, topics, associations);
    // The digest's own composition (balanced topic sections, near-duplicates out), at the preview's
    // size for what it shows and at the digest's for what "Also trending" must leave out.
    const followed = topics.map((t) => ({ key: t.key, label: t.raw }));
    const composed = createDigestRanker(matches, { cap: show }).compose(followed);
    const digest = createDigestRanker(matches, { cap: digestCap }).compose(followed);
    const byId = new Map(papers.map((p) => [p.id, p]));
    const cards = composed.papers.map((r) => {
      const p = byId.get(r.paperId) as StoredPaper;
      return {
        paperId: p.id,
        title: p.title,
        url: p.url,
        authors: p.authors.slice(0, 3),
        publishedAt: p.publishedAt.toISOString(),
        upvotes: p.upvotes,
        reason: r.reason.text,
        section: r.reason.topic,
      };
    });
    const inDigest = new Set(digest.papers.map((r) => r.paperId));
    return { papers: cards, inDigest, quiet: composed.quiet.map((q) => q.label), topics: guidance, window };
  }
  return async (rawTopics: unknown, choice: PreviewChoice = {}): Promise<PreviewResult> => {
    const { topics, error } = cleanTopics(rawTopics);
    if (error) return { error };
    const period: TrendingPeriod = cleanFrequency(choice.frequency ?? 'daily') ?? 'daily';
    // "My topics" with nothing typed yet previews nothing (the form asks for a topic on submit).
    const resolved =
      choice.mode === 'topics' && topics.length === 0
        ? { mode: 'topics' as const }
        : resolveDigestMode(choice.mode, topics.length);
    if ('error' in resolved) return { error: resolved.error };
    const { mode } = resolved;
    if (mode === 'trending') {
      const papers = (await trending(period)).slice(0, show);
      return {
        mode,
        papers,
        alsoTrending: [],
        quiet: [],
        topics: [],
        window: { days: windowDays, papers: 0, capped: false },
      };
    }
    const { papers, inDigest, quiet, topics: guidance, window } = await topicPapers(topics);
    if (!followsTrending(mode)) return { mode, papers, alsoTrending: [], quiet, topics: guidance, window };
    const shown = new Set([...inDigest, ...papers.map((p) => p.paperId)]);
    return {
      mode,
      papers,
      alsoTrending: (await trending(period)).filter((p) => !shown.has(p.paperId)).slice(0, ALSO_TRENDING),
      quiet,
      topics: guidance,
      window,
    };
  };
}
