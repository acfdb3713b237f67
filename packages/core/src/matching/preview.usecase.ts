// "What you would get": the topics typed on the subscribe page matched, in memory, against the
// recent stored papers. The recent papers (bounded: the last 14 days, at most 2,000) are loaded
// at most once a minute per process and shared by every visitor; matching a handful of topics
// against them is a few milliseconds, so nothing is stored and the reader need not exist yet.
import type { Db } from '@paperboy/db';
import { buildTopicIndex, matchPapers, normalizeTopic, rankForReader, TopicError, type MatchablePaper, type ParsedTopic } from '@paperboy/matching';
import { AppError } from '../errors';
import { DAY_MS, type MatchingDeps, nowOf, positiveInt } from './matching-deps';

export const PREVIEW_WINDOW_DAYS = 14;
export const PREVIEW_MAX_PAPERS = 2_000;
export const PREVIEW_CACHE_MS = 60_000;
const MAX_TOPICS = 20;

export interface TopicPreviewPaper {
  paperId: number;
  title: string;
  url: string | null;
  publishedAt: Date;
  upvotes: number;
  score: number;
  topic: string;
  reason: string;
}

interface RecentPaper extends MatchablePaper {
  url: string | null;
}

const cache = new WeakMap<Db, { at: number; papers: Promise<RecentPaper[]> }>();

function recentPapers(deps: MatchingDeps): Promise<RecentPaper[]> {
  const at = nowOf(deps).getTime();
  const hit = cache.get(deps.db);
  if (hit && at - hit.at >= 0 && at - hit.at < PREVIEW_CACHE_MS) return hit.papers;
  const papers = deps.db.paper
    .findMany({
      where: { publishedAt: { gte: new Date(at - PREVIEW_WINDOW_DAYS * DAY_MS) }, withdrawnAt: null },
      select: { id: true, title: true, abstract: true, upvotes: true, publishedAt: true, hfUrl: true, arxivUrl: true },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: PREVIEW_MAX_PAPERS,
    })
    .then((rows) => rows.map(({ hfUrl, arxivUrl, ...p }) => ({ ...p, upvotes: Math.max(0, p.upvotes), url: hfUrl ?? arxivUrl })));
  papers.catch(() => cache.delete(deps.db)); // a failed load is not cached
  cache.set(deps.db, { at, papers });
  return papers;
}

/** Forgets the cached recent papers (tests; or after an import, to show new papers at once). */
export const clearPreviewCache = (db: Db): void => void cache.delete(db);

function parseTopics(rawTopics: unknown): ParsedTopic[] {
  const list = typeof rawTopics === 'string' ? rawTopics.split(/[\n,]/) : rawTopics;
  if (!Array.isArray(list)) throw new AppError('invalid_input', 'topics must be a list or a comma-separated string');
  const typed = list.filter((t) => typeof t !== 'string' || t.trim() !== '');
  if (typed.length === 0 || typed.length > MAX_TOPICS) throw new AppError('invalid_input', `give 1 to ${MAX_TOPICS} topics`);
  return typed.map((raw) => {
    try {
      return normalizeTopic(raw as string);
    } catch (error) {
      if (error instanceof TopicError) throw new AppError('invalid_input', error.message, { details: { topic: raw } });
      throw error;
    }
  });
}

export async function previewForTopics(deps: MatchingDeps, rawTopics: unknown, limit = 5): Promise<TopicPreviewPaper[]> {
  const cap = positiveInt(limit, 'limit', 50);
  const topics = parseTopics(rawTopics);
  const papers = await recentPapers(deps);
  if (papers.length === 0) return [];
  const readerTopics = topics.map((t) => ({ key: t.key, label: t.label }));
  const matches = matchPapers(buildTopicIndex(readerTopics), papers);
  const byId = new Map(papers.map((p) => [p.id, p]));
  return rankForReader(readerTopics, matches, { cap, now: nowOf(deps) }).map((r) => {
    const p = byId.get(r.paperId) as RecentPaper;
    const best = r.reasons[0];
    return { paperId: p.id, title: p.title, url: p.url, publishedAt: p.publishedAt, upvotes: p.upvotes, score: r.score, topic: best?.topic ?? '', reason: best?.text ?? '' };
  });
}
