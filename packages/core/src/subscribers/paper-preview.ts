// "Recent papers you would have got": the matching engine run over the papers already stored,
// for the topics typed so far. Recent papers are loaded once a minute per process, not per
// keystroke, and each topic key is matched once per such snapshot: a topic's matches depend only
// on the papers (its own document frequency, the batch's lengths), never on the other topics,
// so per-key results combine exactly. Tokenising the papers is most of the cost of a match run.
import type { Db } from '@paperboy/db';
import { buildTopicIndex, matchPapers, rankForReader, type MatchablePaper, type TopicMatch } from '@paperboy/matching';
import { cleanTopics } from './subscribe-input';

export interface PreviewPaper {
  title: string;
  url: string | null;
  authors: string[];
  publishedAt: string;
  upvotes: number;
  reason: string;
}

export type PreviewResult = { papers: PreviewPaper[] } | { error: string };

interface StoredPaper extends MatchablePaper {
  url: string | null;
  authors: string[];
}

export interface PreviewOptions {
  windowDays?: number;
  maxPapers?: number;
  cacheMs?: number;
  show?: number;
}

async function loadRecent(db: Db, windowDays: number, maxPapers: number): Promise<StoredPaper[]> {
  const since = new Date(Date.now() - windowDays * 24 * 3600_000);
  const rows = await db.paper.findMany({
    where: { publishedAt: { gte: since }, withdrawnAt: null },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: maxPapers,
    select: { id: true, title: true, abstract: true, upvotes: true, publishedAt: true, authors: true, hfUrl: true, arxivUrl: true },
  });
  return rows.map((r) => ({ ...r, url: r.hfUrl ?? r.arxivUrl }));
}

interface Snapshot {
  at: number;
  papers: Promise<StoredPaper[]>;
  /** Topic key → its matches in this snapshot (an empty list when nothing matched). */
  byKey: Map<string, TopicMatch[]>;
}

const MAX_CACHED_KEYS = 2_000;

function matchesFor(snap: Snapshot, papers: StoredPaper[], topics: { key: string; raw: string }[]): Map<string, TopicMatch[]> {
  const missing = topics.filter((t) => !snap.byKey.has(t.key));
  if (missing.length > 0) {
    const found = matchPapers(buildTopicIndex(missing.map((t) => ({ key: t.key, label: t.raw }))), papers);
    if (snap.byKey.size + missing.length > MAX_CACHED_KEYS) snap.byKey.clear();
    for (const t of missing) snap.byKey.set(t.key, found.get(t.key) ?? []);
  }
  // Reasons name the first typer's wording; rankForReader relabels them with this reader's.
  return new Map(topics.map((t) => [t.key, snap.byKey.get(t.key) as TopicMatch[]]));
}

export function createPaperPreview(db: Db, options: PreviewOptions = {}) {
  const { windowDays = 14, maxPapers = 500, cacheMs = 60_000, show = 5 } = options;
  let cache: Snapshot | undefined;
  const snapshot = (): Snapshot => {
    if (!cache || Date.now() - cache.at > cacheMs) {
      const papers = loadRecent(db, windowDays, maxPapers);
      papers.catch(() => (cache = undefined));
      cache = { at: Date.now(), papers, byKey: new Map() };
    }
    return cache;
  };
  return async (rawTopics: unknown): Promise<PreviewResult> => {
    const { topics, error } = cleanTopics(rawTopics);
    if (error) return { error };
    const snap = snapshot();
    const papers = await snap.papers;
    if (papers.length === 0) return { papers: [] };
    const matches = matchesFor(snap, papers, topics);
    const ranked = rankForReader(topics.map((t) => ({ key: t.key, label: t.raw })), matches, { cap: show });
    const byId = new Map(papers.map((p) => [p.id, p]));
    return {
      papers: ranked.map((r) => {
        const p = byId.get(r.paperId) as StoredPaper;
        return { title: p.title, url: p.url, authors: p.authors.slice(0, 3), publishedAt: p.publishedAt.toISOString(), upvotes: p.upvotes, reason: r.reasons[0]?.text ?? '' };
      }),
    };
  };
}
