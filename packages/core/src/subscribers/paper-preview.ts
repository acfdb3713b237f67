// "Recent papers you would have got": the matching engine run over the papers already stored,
// for the topics typed so far. Recent papers are loaded once a minute per process, not per
// keystroke; matching a few hundred papers against a handful of topics takes milliseconds.
import type { Db } from '@paperboy/db';
import { buildTopicIndex, matchPapers, rankForReader, type MatchablePaper } from '@paperboy/matching';
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

export function createPaperPreview(db: Db, options: PreviewOptions = {}) {
  const { windowDays = 14, maxPapers = 500, cacheMs = 60_000, show = 5 } = options;
  let cache: { at: number; papers: Promise<StoredPaper[]> } | undefined;
  const recent = () => {
    if (!cache || Date.now() - cache.at > cacheMs) {
      const papers = loadRecent(db, windowDays, maxPapers);
      papers.catch(() => (cache = undefined));
      cache = { at: Date.now(), papers };
    }
    return cache.papers;
  };
  return async (rawTopics: unknown): Promise<PreviewResult> => {
    const { topics, error } = cleanTopics(rawTopics);
    if (error) return { error };
    const papers = await recent();
    if (papers.length === 0) return { papers: [] };
    const index = buildTopicIndex(topics.map((t) => ({ key: t.key, label: t.raw })));
    const matches = matchPapers(index, papers);
    const ranked = rankForReader(topics.map((t) => t.key), matches, { cap: show });
    const byId = new Map(papers.map((p) => [p.id, p]));
    return {
      papers: ranked.map((r) => {
        const p = byId.get(r.paperId) as StoredPaper;
        return { title: p.title, url: p.url, authors: p.authors.slice(0, 3), publishedAt: p.publishedAt.toISOString(), upvotes: p.upvotes, reason: r.reasons[0]?.text ?? '' };
      }),
    };
  };
}
