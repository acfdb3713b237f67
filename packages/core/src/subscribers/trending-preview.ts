// The trending part of the live preview: the period's top trending papers as preview cards,
// computed once per period and cache window (not per keystroke), from trending/trending.ts so
// the preview shows exactly what a digest would carry.
import type { Db } from '@paperboy/db';
import { trendingPapers, type TrendingPeriod } from '../trending/trending';
import { paperCards } from './store';

export interface PreviewPaper {
  paperId: number;
  title: string;
  url: string | null;
  authors: string[];
  publishedAt: string;
  upvotes: number;
  reason: string;
}

export interface TrendingPreviewOptions {
  minUpvotes: number;
  /** Cards kept per period: enough for the list shown and for "also trending" after a reader's matches. */
  size: number;
  cacheMs: number;
  now: () => Date;
}

export function createTrendingPreview(db: Db, options: TrendingPreviewOptions) {
  const cache = new Map<TrendingPeriod, { at: number; cards: Promise<PreviewPaper[]> }>();
  async function load(period: TrendingPeriod): Promise<PreviewPaper[]> {
    const list = await trendingPapers(db, {
      period,
      now: options.now(),
      limit: options.size,
      minUpvotes: options.minUpvotes,
    });
    const rows = await paperCards(
      db,
      list.map((p) => p.paperId),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return list.flatMap((p) => {
      const r = byId.get(p.paperId);
      if (!r) return [];
      const card = {
        paperId: r.id,
        title: r.title,
        url: r.hfUrl ?? r.arxivUrl,
        authors: r.authors.slice(0, 3),
        publishedAt: r.publishedAt.toISOString(),
        upvotes: r.upvotes,
        reason: p.reason,
      };
      return [card];
    });
  }
  /** The period's trending cards, in rank order. */
  return (period: TrendingPeriod): Promise<PreviewPaper[]> => {
    const hit = cache.get(period);
    if (hit && Date.now() - hit.at <= options.cacheMs) return hit.cards;
    const cards = load(period);
    cards.catch(() => cache.delete(period));
    cache.set(period, { at: Date.now(), cards });
    return cards;
  };
}
