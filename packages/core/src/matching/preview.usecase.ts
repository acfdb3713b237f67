// "What you would get": the topics typed on the subscribe page matched, in memory, against the
// recent stored papers. The recent papers (bounded: the last 14 days, at most 2,000) are loaded
// at most once a minute per process and shared by every visitor, and so is each topic key's
// list of matches; nothing is stored and the reader need not exist yet.
// (The subscribe endpoint uses subscribers/paper-preview.ts, built on the same idea.)
import type { Db } from '@paperboy/db';
import {
  buildTopicIndex,
  matchPapers,
  normalizeTopic,
  rankForReader,
  TopicError,
  type MatchablePaper,
  type ParsedTopic,
  type TopicMatch,
} from '@paperboy/matching';
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

/**
 * The recent papers of one load, and each topic key's matches against them. A key's matches
 * depend only on the papers (never on the other topics typed with it), so a key typed by many
 * visitors is matched once per snapshot; at most MAX_KEYS keys are kept per snapshot.
 */
interface Snapshot {
  at: number;
  papers: Promise<RecentPaper[]>;
  byKey: Map<string, TopicMatch[]>;
}

const MAX_KEYS = 5_000;
const cache = new WeakMap<Db, Snapshot>();

function snapshot(deps: MatchingDeps): Snapshot {
  const at = nowOf(deps).getTime();
  const hit = cache.get(deps.db);
  if (hit && at - hit.at >= 0 && at - hit.at < PREVIEW_CACHE_MS) return hit;
  const papers = deps.db.paper
    .findMany({
      where: { publishedAt: { gte: new Date(at - PREVIEW_WINDOW_DAYS * DAY_MS) }, withdrawnAt: null },
      select: { id: true, title: true, abstract: true, upvotes: true, publishedAt: true, hfUrl: true, arxivUrl: true },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: PREVIEW_MAX_PAPERS,
    })
    .then((rows) => rows.map(({ hfUrl, arxivUrl, ...p }) => ({ ...p, upvotes: Math.max(0, p.upvotes), url: hfUrl ?? arxivUrl })));
  papers.catch(() => cache.delete(deps.db)); // a failed load is not cached
  const fresh = { at, papers, byKey: new Map<string, TopicMatch[]>() };
  cache.set(deps.db, fresh);
  return fresh;
}

/** The keys' matches in this snapshot; keys not seen yet are matched together, in one pass. */
function matchesFor(snap: Snapshot, papers: RecentPaper[], topics: ParsedTopic[]): Map<string, TopicMatch[]> {
  const unseen = topics.filter((t) => !snap.byKey.has(t.key));
  if (unseen.length > 0) {
    if (snap.byKey.size + unseen.length > MAX_KEYS) snap.byKey.clear();
    // Labelled by key: the reader's own wording is put in at ranking, per call.
    const found = matchPapers(buildTopicIndex(unseen.map((t) => ({ key: t.key, label: t.key }))), papers);
    for (const t of unseen) snap.byKey.set(t.key, found.get(t.key) ?? []);
  }
  return new Map(topics.map((t) => [t.key, snap.byKey.get(t.key) ?? []]));
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
  const snap = snapshot(deps);
  const papers = await snap.papers;
  if (papers.length === 0) return [];
  const readerTopics = topics.map((t) => ({ key: t.key, label: t.label }));
  const matches = matchesFor(snap, papers, topics);
  const byId = new Map(papers.map((p) => [p.id, p]));
  return rankForReader(readerTopics, matches, { cap, now: nowOf(deps) }).map((r) => {
    const p = byId.get(r.paperId) as RecentPaper;
    const best = r.reasons[0];
    return { paperId: p.id, title: p.title, url: p.url, publishedAt: p.publishedAt, upvotes: p.upvotes, score: r.score, topic: best?.topic ?? '', reason: best?.text ?? '' };
  });
}
