// Turns validated email data into the flat "view" the templates read: every string already
// worded (but not escaped: the fill escapes). Wording that depends on the data lives here;
// fixed wording lives in the templates.
import { oneLine } from './escape';
import type { ConfirmEmailData, DigestEmailData, GoodbyeEmailData, ManageLinkEmailData } from './email-data.types';
import { dateLabel, listPhrase, shortSummary, wrapText } from './format-text';
import type { PaperView } from './paper-view-cache';

export interface BrandOptions {
  /** The product name shown in emails (default "Paperboy"). */
  brand: string;
}

interface BaseView {
  brand: string;
  brandCaps: string;
  subject: string;
  preview: string;
  email: string;
  footerReason: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

/** Adds the plain-text versions of the long lines, wrapped for the text part. */
function withTextLines<V extends { footerReason: string; intro?: string }>(view: V): V & { textFooterReason: string; textIntro: string } {
  return { ...view, textFooterReason: wrapText(view.footerReason, 72), textIntro: wrapText(view.intro ?? '', 72) };
}

function baseView(brand: string, email: string): Omit<BaseView, 'subject' | 'preview' | 'footerReason'> {
  return { brand, brandCaps: brand.toUpperCase(), email, manageUrl: '', unsubscribeUrl: '' };
}

/** "a, b and c", or "a, b, c and 2 more" so that a subject line stays short. */
function topicsPhrase(topics: readonly string[], max: number): string {
  const clean = topics.map(oneLine);
  if (clean.length <= max) return listPhrase(clean);
  return `${clean.slice(0, max).join(', ')} and ${clean.length - max} more`;
}

/** The reader's topics that actually matched, in paper order; falls back to all topics. */
function matchedTopics(data: DigestEmailData): string[] {
  const seen = new Set<string>();
  for (const paper of data.papers) if (typeof paper.reason !== 'string') seen.add(oneLine(paper.reason.topic));
  return seen.size > 0 ? [...seen] : data.topics;
}

/** The inbox preview: the first titles, cut to about 140 characters. */
function previewLine(papers: readonly PaperView[]): string {
  let line = '';
  // Only as many titles as can show: the rest would be cut anyway.
  for (let i = 0; i < papers.length && line.length <= 140; i++) line += (i ? ' · ' : '') + (papers[i] as PaperView).title;
  return shortSummary(line, 140);
}

/** `papers` are the views of `data.papers`, in order (built or cached by the caller). */
export function digestView({ brand }: BrandOptions, data: DigestEmailData, papers: readonly PaperView[]) {
  const count = papers.length;
  const topics = topicsPhrase(matchedTopics(data), 3);
  const period = data.frequency === 'daily' ? 'today' : 'this week';
  const nPapers = `${count} new paper${count === 1 ? '' : 's'}`;
  return withTextLines({
    ...baseView(brand, data.reader.email),
    subject: count > 0 ? `${nPapers} on ${topics}` : `No new papers on ${topics} ${period}`,
    preview: previewLine(papers),
    frequencyAdjective: data.frequency,
    frequencyAdjectiveCaps: data.frequency.toUpperCase(),
    dateLabel: data.date ? dateLabel(data.date, data.timeZone) : '',
    intro:
      count > 0
        ? `${nPapers} on ${topics}, picked from ${period}'s trending research.`
        : `Nothing new matched ${topics} ${period}. We will keep looking.`,
    papers,
    footerReason: `You get this email because ${data.reader.email} signed up for ${data.frequency} papers on ${topicsPhrase(data.topics, 8)}.`,
    manageUrl: data.links.manageUrl,
    unsubscribeUrl: data.links.unsubscribeUrl,
  });
}

/** What a confirmation says the reader will get, by digest mode (a top trending reader has no topics). */
function confirmWhat(data: ConfirmEmailData) {
  const mode = data.digestMode ?? 'topics';
  const best = data.frequency === 'daily' ? 'the day' : 'the week';
  if (mode === 'trending' || data.topics.length === 0) {
    return { what: 'the top trending research papers', label: 'Papers', line: `the most upvoted of ${best} on Hugging Face`, preview: 'the top trending papers' };
  }
  const topics = topicsPhrase(data.topics, 20);
  if (mode === 'topics') return { what: 'the trending research papers on these topics', label: 'Topics', line: topics, preview: `papers on ${topicsPhrase(data.topics, 3)}` };
  return {
    what: 'the trending research papers on these topics, and the top trending ones',
    label: 'Topics',
    line: `${topics}, then the top trending papers`,
    preview: `papers on ${topicsPhrase(data.topics, 3)} and the top trending ones`,
  };
}

export function confirmView({ brand }: BrandOptions, data: ConfirmEmailData) {
  const hours = data.expiresInHours ?? 48;
  const what = confirmWhat(data);
  return withTextLines({
    ...baseView(brand, data.reader.email),
    subject: `Please confirm your ${brand} subscription`,
    preview: `One click to start getting ${what.preview}.`,
    whatLine: what.what,
    topicsLabel: what.label,
    topicsLine: what.line,
    frequencyLabel: data.frequency === 'daily' ? 'every day' : 'once a week',
    expiresLabel: hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hour${hours === 1 ? '' : 's'}`,
    actionUrl: data.links.confirmUrl,
    actionLabel: 'Yes, send me papers',
    footerReason: `You got this email because ${data.reader.email} was entered on the ${brand} sign-up page.`,
  });
}

export function manageLinkView({ brand }: BrandOptions, data: ManageLinkEmailData) {
  return withTextLines({
    ...baseView(brand, data.reader.email),
    subject: `Your link to manage ${brand}`,
    preview: 'You are already subscribed. Here is your link to change topics or schedule.',
    actionUrl: data.links.manageUrl,
    actionLabel: 'Manage my preferences',
    footerReason: `You got this email because someone asked to subscribe ${data.reader.email}, which already gets ${brand} digests.`,
    manageUrl: data.links.manageUrl,
    unsubscribeUrl: data.links.unsubscribeUrl,
  });
}

export function goodbyeView({ brand }: BrandOptions, data: GoodbyeEmailData) {
  return withTextLines({
    ...baseView(brand, data.reader.email),
    subject: `You are unsubscribed from ${brand}`,
    preview: 'No more digests. Changed your mind? One click brings you back.',
    actionUrl: data.links.resubscribeUrl,
    actionLabel: 'Resubscribe',
    footerReason: `This is the last email ${brand} sends to ${data.reader.email}, unless you resubscribe.`,
  });
}
