// Readers share papers: in one run, thousands of digests carry the same few dozen papers
// with a handful of different reasons. Building a paper's view (wording, cutting the
// summary) and checking its fields is the biggest per-email cost after MJML is gone, so it
// is done once per (paper, reason) and the frozen view is reused; the fill then reuses the
// card it rendered for that same frozen view.
import { oneLine } from './escape';
import { reusable } from './template-loop';
import type { DigestPaper, MatchReason } from './email-data.types';
import {
  authorsLine,
  commentsLabel,
  listPhrase,
  reasonParts,
  reasonText,
  shortDate,
  shortSummary,
  signalsLabel,
  upvotesLabel,
  wrapText,
} from './format-text';

export type PaperView = ReturnType<typeof reusable<PaperFields>>;

export interface PaperFields {
  title: string;
  url: string;
  authorsLine: string;
  summary: string;
  upvotesLabel: string;
  reason: string;
  /** "Because you follow" or "Related to", before the topic in bold. */
  reasonLead: string;
  reasonTopic: string;
  reasonDetail: string;
  pdfUrl: string;
  codeUrl: string;
  arxivUrl: string;
  hfUrl: string;
  projectUrl: string;
  /** "A, B, C et al. · Org · 3 Dec 2026". */
  metaLine: string;
  /** "▲ 102 · +12 today", empty when both are zero. */
  signalsLabel: string;
  commentsLabel: string;
  /** "Also on agents and RAG" (the reader's other topics it matches). */
  alsoLine: string;
  /** The same, wrapped and indented for the plain-text part. */
  textTitle: string;
  textAuthors: string;
  textReason: string;
  textSummary: string;
  /** "▲ 102 · +12 today · 5 comments" for the text part. */
  textSignals: string;
  /** Placeholders of this paper's vote links (VOTE_PLACEHOLDER), empty without a paper id: the
   * card is shared by every reader, so each email swaps in its reader's signed links. */
  voteMoreUrl: string;
  voteLessUrl: string;
}

/** Stands for a reader's vote link in shared cards; `.invalid` never resolves (RFC 2606). */
export const VOTE_PLACEHOLDER = 'https://vote.paperboy.invalid/';

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
  const meta = [
    authors,
    paper.organization ? oneLine(paper.organization) : '',
    paper.publishedAt ? shortDate(paper.publishedAt) : '',
  ]
    .filter((x) => x !== '')
    .join(' · ');
  // A trending card's reason already says "▲ 238 · #1 on Hugging Face today": its badge keeps
  // only what the reason does not (+N today), rather than a second, differently counted ▲.
  const signals = signalsLabel(paper.section === 'trending' ? 0 : paper.upvotes, paper.growth ?? 0);
  const comments = commentsLabel(paper.numComments ?? 0);
  const also = paper.also?.length ? `Also on ${listPhrase(paper.also.map(oneLine))}` : '';
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
    arxivUrl: paper.arxivUrl ?? '',
    hfUrl: paper.hfUrl ?? '',
    projectUrl: paper.projectUrl ?? '',
    metaLine: meta,
    signalsLabel: signals,
    commentsLabel: comments,
    alsoLine: also,
    // The text part numbers papers as "1. ", so wrapped lines hang under the title.
    textTitle: wrapText(title, 72, INDENT, '').trimStart(),
    textAuthors: wrapText(meta, 72, INDENT),
    textReason: wrapText(also ? `${reason}. ${also}` : reason, 72, INDENT),
    textSummary: wrapText(summary, 72, INDENT),
    textSignals: [signals, comments].filter((x) => x !== '').join(' · '),
    voteMoreUrl: paper.paperId !== undefined ? `${VOTE_PLACEHOLDER}${paper.paperId}?v=more` : '',
    voteLessUrl: paper.paperId !== undefined ? `${VOTE_PLACEHOLDER}${paper.paperId}?v=less` : '',
  });
}

export class PaperViewCache {
  private readonly entries = new Map<string, Entry>();
  /** Frozen papers (the digest sender hands out one frozen object per paper and reason) map
   * straight to their view: no field comparison per digest, and the entry dies with the paper. */
  private readonly byIdentity = new WeakMap<DigestPaper, PaperView>();

  /** `limit` bounds memory across runs: past it, the cache starts over. */
  constructor(private readonly limit = 2_000) {}

  /**
   * The view of `paper`, built (after `validate`) only when no paper with exactly the same
   * fields was seen; a changed field (upvotes went up) builds a fresh view.
   */
  get(paper: DigestPaper, validate: (paper: DigestPaper) => void): PaperView {
    const frozen =
      Object.isFrozen(paper) &&
      (paper.also === undefined || Object.isFrozen(paper.also)) &&
      Object.isFrozen(paper.authors);
    if (frozen) {
      const known = this.byIdentity.get(paper);
      if (known) return known;
    }
    const view = this.lookup(paper, validate);
    if (frozen) this.byIdentity.set(paper, view);
    return view;
  }

  private lookup(paper: DigestPaper, validate: (paper: DigestPaper) => void): PaperView {
    // A malformed reason cannot be keyed: let the validation explain what is wrong with it.
    if (!wellFormedReason(paper.reason)) validate(paper);
    const key = reasonKey(paper.reason, paper.also);
    const entry = this.entries.get(paper.url);
    if (entry && sameFields(entry, paper)) {
      const known = entry.byReason.get(key);
      if (known) return known;
    }
    validate(paper);
    const view = buildPaperView(paper);
    if (this.entries.size >= this.limit) this.entries.clear();
    const fresh =
      entry && sameFields(entry, paper)
        ? entry
        : { source: { ...paper }, authors: [...paper.authors], byReason: new Map() };
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

/** The reason and the reader's other topics it names: what differs between readers of a paper. */
function reasonKey(reason: MatchReason | string, also: readonly string[] | undefined): string {
  const tail = also?.length ? `\u0001${also.join('\u0000')}` : '';
  if (typeof reason === 'string') return `s\u0000${reason}${tail}`;
  return `r\u0000${reason.kind ?? ''}\u0000${reason.topic}\u0000${reason.field ?? ''}\u0000${(reason.matched ?? []).join('\u0000')}${tail}`;
}

function sameFields({ source, authors }: Entry, paper: DigestPaper): boolean {
  if (
    source.title !== paper.title ||
    source.summary !== paper.summary ||
    source.upvotes !== paper.upvotes ||
    source.pdfUrl !== paper.pdfUrl ||
    source.codeUrl !== paper.codeUrl ||
    source.arxivUrl !== paper.arxivUrl ||
    source.hfUrl !== paper.hfUrl ||
    source.projectUrl !== paper.projectUrl ||
    source.organization !== paper.organization ||
    source.publishedAt?.getTime() !== paper.publishedAt?.getTime() ||
    source.numComments !== paper.numComments ||
    source.growth !== paper.growth ||
    source.section !== paper.section ||
    source.paperId !== paper.paperId ||
    !Array.isArray(paper.authors) ||
    authors.length !== paper.authors.length
  ) {
    return false;
  }
  for (let i = 0; i < authors.length; i++) if (authors[i] !== paper.authors[i]) return false;
  return true;
}
