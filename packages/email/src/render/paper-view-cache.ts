// Readers share papers: in one run, thousands of digests carry the same few dozen papers
// with a handful of different reasons. Building a paper's view (wording, cutting the
// summary) and checking its fields is the biggest per-email cost after MJML is gone, so it
// is done once per (paper, reason) and the frozen view is reused; the fill then reuses the
// card it rendered for that same frozen view.
import { oneLine } from './escape';
import { reusable } from './template-loop';
import type { DigestPaper, MatchReason } from './email-data.types';
import { authorsLine, reasonParts, reasonText, shortSummary, upvotesLabel, wrapText } from './format-text';

export type PaperView = ReturnType<typeof reusable<PaperFields>>;

interface PaperFields {
  title: string;
  url: string;
  authorsLine: string;
  summary: string;
  upvotesLabel: string;
  reason: string;
  reasonTopic: string;
  reasonDetail: string;
  pdfUrl: string;
  codeUrl: string;
  /** The same, wrapped and indented for the plain-text part. */
  textTitle: string;
  textAuthors: string;
  textReason: string;
  textSummary: string;
}

interface Entry {
  source: DigestPaper;
  authors: string[];
  byReason: Map<string, PaperView>;
}

const INDENT = '   ';

export function buildPaperView(paper: DigestPaper): PaperView {
  const title = oneLine(paper.title);
  const authors = authorsLine(paper.authors);
  const summary = shortSummary(paper.summary);
  const reason = reasonText(paper.reason);
  return reusable({
    title,
    url: paper.url,
    authorsLine: authors,
    summary,
    upvotesLabel: upvotesLabel(paper.upvotes),
    reason,
    ...reasonParts(paper.reason, reason),
    pdfUrl: paper.pdfUrl ?? '',
    codeUrl: paper.codeUrl ?? '',
    // The text part numbers papers as "1. ", so wrapped lines hang under the title.
    textTitle: wrapText(title, 72, INDENT, '').trimStart(),
    textAuthors: wrapText(authors, 72, INDENT),
    textReason: wrapText(reason, 72, INDENT),
    textSummary: wrapText(summary, 72, INDENT),
  });
}

export class PaperViewCache {
  private readonly entries = new Map<string, Entry>();

  /** `limit` bounds memory across runs: past it, the cache starts over. */
  constructor(private readonly limit = 2_000) {}

  /**
   * The view of `paper`, built (after `validate`) only when no paper with exactly the same
   * fields was seen; a changed field (upvotes went up) builds a fresh view.
   */
  get(paper: DigestPaper, validate: (paper: DigestPaper) => void): PaperView {
    // A malformed reason cannot be keyed: let the validation explain what is wrong with it.
    if (!wellFormedReason(paper.reason)) validate(paper);
    const key = reasonKey(paper.reason);
    const entry = this.entries.get(paper.url);
    if (entry && sameFields(entry, paper)) {
      const known = entry.byReason.get(key);
      if (known) return known;
    }
    validate(paper);
    const view = buildPaperView(paper);
    if (this.entries.size >= this.limit) this.entries.clear();
    const fresh = entry && sameFields(entry, paper) ? entry : { source: { ...paper }, authors: [...paper.authors], byReason: new Map() };
    fresh.byReason.set(key, view);
    this.entries.set(paper.url, fresh);
    return view;
  }
}

function wellFormedReason(reason: unknown): boolean {
  if (typeof reason === 'string') return true;
  if (reason === null || typeof reason !== 'object') return false;
  const { topic, matched } = reason as MatchReason;
  return typeof topic === 'string' && (matched === undefined || Array.isArray(matched));
}

function reasonKey(reason: MatchReason | string): string {
  if (typeof reason === 'string') return `s\u0000${reason}`;
  return `r\u0000${reason.topic}\u0000${reason.field ?? ''}\u0000${(reason.matched ?? []).join('\u0000')}`;
}

function sameFields({ source, authors }: Entry, paper: DigestPaper): boolean {
  if (
    source.title !== paper.title ||
    source.summary !== paper.summary ||
    source.upvotes !== paper.upvotes ||
    source.pdfUrl !== paper.pdfUrl ||
    source.codeUrl !== paper.codeUrl ||
    !Array.isArray(paper.authors) ||
    authors.length !== paper.authors.length
  ) {
    return false;
  }
  for (let i = 0; i < authors.length; i++) if (authors[i] !== paper.authors[i]) return false;
  return true;
}
