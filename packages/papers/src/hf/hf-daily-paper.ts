// Maps one item of HF's daily papers list (DESIGN §7) onto the common PaperInput. The item
// wraps a `paper` object; some fields exist on both levels, and the paper's own win
// because they are the ones HF keeps current (upvotes, title edits).
import { isRecord } from '../normalize/field-readers';
import { normalizePaper, type PaperInput } from '../normalize/normalize-paper';
import type { NormalizeResult } from '../paper.types';

export const HF_DEFAULT_BASE_URL = 'https://huggingface.co';

/** True for `{ paper: {...}, ... }`, the daily-papers item shape. */
export function isHfDailyItem(value: unknown): value is Record<string, unknown> & { paper: Record<string, unknown> } {
  return isRecord(value) && isRecord(value.paper);
}

export function hfItemToPaperInput(
  item: Record<string, unknown> & { paper: Record<string, unknown> },
  baseUrl: string,
): PaperInput {
  const p = item.paper;
  const id = typeof p.id === 'string' ? p.id.trim() : undefined;
  return {
    id: p.id,
    title: p.title ?? item.title,
    abstract: p.summary ?? item.summary,
    authors: p.authors,
    publishedAt: p.publishedAt ?? item.publishedAt,
    upvotes: p.upvotes,
    numComments: item.numComments ?? p.numComments,
    githubRepo: p.githubRepo,
    githubStars: p.githubStars,
    projectPage: p.projectPage,
    thumbnail: item.thumbnail ?? p.thumbnail,
    keywords: p.ai_keywords ?? p.keywords,
    organization: item.organization ?? p.organization,
    withdrawnAt: p.withdrawnAt,
    hfUrl: id ? `${baseUrl.replace(/\/+$/, '')}/papers/${encodeURIComponent(id)}` : undefined,
  };
}

/** Validates one daily-papers item; a non-item is refused with a reason, not thrown. */
export function normalizeHfItem(item: unknown, source: string, baseUrl: string = HF_DEFAULT_BASE_URL): NormalizeResult {
  if (!isHfDailyItem(item)) return { ok: false, reason: 'paper: missing (not a daily-papers item)' };
  return normalizePaper(hfItemToPaperInput(item, baseUrl), source);
}
