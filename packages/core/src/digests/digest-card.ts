// From a stored delivery to what the email shows: each paper's card (links to arXiv, the PDF,
// the Hugging Face paper page and the project page; organisation, date, upvotes and what they
// gained the day the digest was built, comments), its section (the topic in its reason, or
// trending), and the followed topics that had nothing new.
import type { DigestPaper, MatchReason } from '@paperboy/email';
import type { PaperRow } from './paper-cache';

/** A stored reason: the structured one (see encodeReason), a trending one, or a sentence. */
export interface StoredReason {
  reason: MatchReason | string;
  also?: string[];
  growth?: number;
  trending?: boolean;
  /** "Because you liked <title>": added by the reader's votes, beyond their topics. */
  liked?: string;
}

const field = (value: unknown) =>
  value === 'title' || value === 'abstract' || value === 'both' || value === 'keywords' ? value : undefined;
const texts = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : undefined;

/** DeliveryPaper.reason holds JSON (see encodeReason) or plain text. */
export function decodeStoredReason(stored: string): StoredReason {
  if (!stored.startsWith('{')) return { reason: stored };
  try {
    const r = JSON.parse(stored) as Record<string, unknown>;
    const growth = typeof r.growth === 'number' && r.growth > 0 ? Math.floor(r.growth) : undefined;
    if (r.kind === 'liked' && typeof r.liked === 'string')
      return { reason: `Because you liked “${r.liked}”`, liked: r.liked };
    if (r.kind === 'trending' && typeof r.text === 'string')
      return { reason: r.text, trending: true, ...(growth ? { growth } : {}) };
    if (typeof r.topic !== 'string') return { reason: stored };
    const where = field(r.field);
    const reason: MatchReason = {
      topic: r.topic,
      matched: texts(r.matched) ?? [],
      ...(where ? { field: where } : {}),
      ...(r.kind === 'related' ? { kind: 'related' as const } : {}),
    };
    const also = texts(r.also);
    return { reason, ...(also?.length ? { also } : {}), ...(growth ? { growth } : {}) };
  } catch {
    return { reason: stored };
  }
}

/** The reason alone, as older callers read it. */
export function decodeReason(stored: string): MatchReason | string {
  return decodeStoredReason(stored).reason;
}

/** The abstract page of an arXiv id ("2612.01234"); ids of other sources have none. */
const ARXIV_ID = /^\d{4}\.\d{4,5}$|^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/;

/** One card per cached row (rows are frozen and shared per paper, version and reason), so the
 * renderer meets the same frozen object in every digest and reuses its view by identity. */
const cards = new WeakMap<PaperRow, DigestPaper>();

export function toDigestPaper(p: PaperRow): DigestPaper {
  let card = cards.get(p);
  if (card === undefined) {
    card = Object.freeze(buildCard(p));
    if (card.also) Object.freeze(card.also);
    if (Object.isFrozen(p)) cards.set(p, card);
  }
  return card;
}

const plainCards = new WeakMap<PaperRow, DigestPaper>();

/** The card without the paper id, so without vote links (a trending-only digest), cached alike. */
export function toCardWithoutVotes(p: PaperRow): DigestPaper {
  let card = plainCards.get(p);
  if (card === undefined) {
    const { paperId: _, ...rest } = toDigestPaper(p);
    card = Object.freeze(rest);
    if (Object.isFrozen(p)) plainCards.set(p, card);
  }
  return card;
}

function buildCard(p: PaperRow): DigestPaper {
  const isArxiv = ARXIV_ID.test(p.sourceId);
  const arxiv = p.arxivUrl ?? (isArxiv ? `https://arxiv.org/abs/${p.sourceId}` : undefined);
  const hf = p.hfUrl ?? (isArxiv ? `https://huggingface.co/papers/${p.sourceId}` : undefined);
  const code = p.githubRepo
    ? /^https?:\/\//.test(p.githubRepo)
      ? p.githubRepo
      : `https://github.com/${p.githubRepo}`
    : undefined;
  const stored = decodeStoredReason(p.reason);
  return {
    title: p.title,
    url: hf ?? arxiv ?? `https://arxiv.org/abs/${p.sourceId}`,
    authors: p.authors,
    summary: p.abstract,
    upvotes: p.upvotes,
    reason: stored.reason,
    pdfUrl: p.pdfUrl ?? (isArxiv ? `https://arxiv.org/pdf/${p.sourceId}` : undefined),
    codeUrl: code,
    arxivUrl: arxiv,
    hfUrl: hf,
    projectUrl: p.projectPage && /^https?:\/\//i.test(p.projectPage) ? p.projectPage : undefined,
    organization: p.organization?.trim() || undefined,
    publishedAt: p.publishedAt,
    numComments: p.numComments > 0 ? p.numComments : undefined,
    growth: stored.growth,
    also: stored.also,
    ...(stored.trending ? { section: 'trending' as const } : {}),
    ...(stored.liked !== undefined ? { section: 'liked' as const } : {}),
    paperId: p.id,
  };
}

/**
 * The followed topics the digest has nothing on: not a section's topic, not named as "also"
 * by any paper. Topics are compared as the reader typed them (the build labels reasons with
 * the reader's wording, trimmed).
 */
export function quietTopics(
  topics: readonly string[],
  papers: readonly { reason: DigestPaper['reason']; also?: readonly string[] | undefined }[],
): string[] {
  const covered = new Set<string>();
  for (const p of papers) {
    if (typeof p.reason !== 'string') covered.add(p.reason.topic.trim().toLowerCase());
    for (const t of p.also ?? []) covered.add(t.trim().toLowerCase());
  }
  return topics.filter((t) => !covered.has(t.trim().toLowerCase()));
}
