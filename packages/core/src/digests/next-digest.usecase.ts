// "Your next digest, if it were sent now", for the preferences page: the very composition the
// digest build would store (pickRankedPapers: balanced topic sections, near-duplicates out,
// papers already received out, then the trending part by digest mode), with the quiet topics.
import type { Config } from '@paperboy/config';
import type { Db } from '@paperboy/db';
import { quietTopics } from './digest-card';
import { pickRankedPapers } from './pick-papers';
import { paperLinks, readerTopicsAndMode } from './store';

export interface NextDigestPaper {
  title: string;
  url: string;
  /** "▲ 102 · +12 today", empty when both are zero and for trending papers (their reason says it). */
  signals: string;
  reason: string;
}

export interface NextDigest {
  /** One per topic with papers (in the reader's order), then "Also trending" / "Top trending". */
  sections: { heading: string; papers: NextDigestPaper[] }[];
  /** Followed topics with nothing new: "Nothing new on X". */
  quiet: string[];
}

export interface NextDigestDeps {
  db: Db;
  config: Pick<Config, 'DIGEST_MAX_PAPERS' | 'MATCH_WINDOW_DAYS'> & Partial<Pick<Config, 'TRENDING_MIN_UPVOTES'>>;
  now?: () => Date;
}

export async function nextDigest(deps: NextDigestDeps, subscriberId: number): Promise<NextDigest> {
  const now = deps.now ? deps.now() : new Date();
  const options = {
    limit: deps.config.DIGEST_MAX_PAPERS,
    now,
    windowDays: deps.config.MATCH_WINDOW_DAYS,
    trendingMinUpvotes: deps.config.TRENDING_MIN_UPVOTES,
  };
  const [picked, reader] = await Promise.all([
    pickRankedPapers(deps.db, [subscriberId], options),
    readerTopicsAndMode(deps.db, subscriberId),
  ]);
  const papers = picked.get(subscriberId) ?? [];
  const rows = await paperLinks(
    deps.db,
    papers.map((p) => p.paperId),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const onTopics = papers.some((p) => !p.trending);
  const sections: NextDigest['sections'] = [];
  for (const p of papers) {
    const row = byId.get(p.paperId);
    if (!row) continue;
    const heading = p.trending
      ? onTopics
        ? 'Also trending'
        : 'Top trending'
      : typeof p.reason === 'string'
        ? ''
        : p.reason.topic;
    // A trending paper's reason already says its upvotes and place ("▲ 238 · #1 on Hugging Face
    // today"): "▲ 238" again beside it only repeats the number.
    const signals = p.trending
      ? ''
      : [row.upvotes > 0 ? `▲ ${row.upvotes}` : '', p.growth ? `+${p.growth} today` : ''].filter(Boolean).join(' · ');
    const card = {
      title: row.title,
      url: row.hfUrl ?? row.arxivUrl ?? `https://arxiv.org/abs/${row.sourceId}`,
      signals,
      reason: typeof p.reason === 'string' ? p.reason : p.reason.text,
    };
    const last = sections[sections.length - 1];
    if (last && last.heading === heading) last.papers.push(card);
    else sections.push({ heading, papers: [card] });
  }
  const topics = reader && reader.digestMode !== 'trending' ? reader.topics.map((t) => t.raw) : [];
  return {
    sections,
    quiet: quietTopics(
      topics,
      papers.map((p) => ({ reason: p.reason, ...(p.also ? { also: p.also } : {}) })),
    ),
  };
}
