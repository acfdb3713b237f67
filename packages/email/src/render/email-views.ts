// Turns validated email data into the flat "view" the templates read: every string already
// worded (but not escaped: the fill escapes). Wording that depends on the data lives here;
// fixed wording lives in the templates.
import { oneLine } from './escape';
import type {
  ConfirmEmailData,
  DigestEmailData,
  DigestPaper,
  GoodbyeEmailData,
  ManageLinkEmailData,
} from './email-data.types';
import { cutLine, dateLabel, listPhrase, shortSummary, weekLabel, wrapText } from './format-text';
import type { PaperView } from './paper-view-cache';
// Named here so the declaration of digestView's return type (which carries PaperView's memo slot) can refer to it.
import type { FILL_MEMO } from './template-loop';

export interface BrandOptions {
  /** The product name shown in emails (default "paperboy", lowercase as on the site). */
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
function withTextLines<V extends { footerReason: string; intro?: string }>(
  view: V,
): V & { textFooterReason: string; textIntro: string } {
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
  for (let i = 0; i < papers.length && line.length <= 140; i++)
    line += (i ? ' · ' : '') + (papers[i] as PaperView).title;
  return shortSummary(line, 140);
}

const SUBJECT_MAX = 90;

/** "RLHF, reward models: Robust RLHF via …": the topics, then the most upvoted paper's title.
 * With topic papers, the title is one of them: an "Also trending" paper is not on the topics the
 * subject names. */
function subjectLine(topics: readonly string[], data: DigestEmailData, papers: readonly PaperView[]): string {
  const onTopic = (i: number) => topics.length === 0 || (data.papers[i] as DigestPaper).section !== 'trending';
  let top = -1;
  for (let i = 0; i < data.papers.length; i++)
    if (onTopic(i) && (top < 0 || (data.papers[i] as DigestPaper).upvotes > (data.papers[top] as DigestPaper).upvotes))
      top = i;
  const head =
    topics.length === 0
      ? 'Top trending'
      : topics.length <= 2
        ? topics.map(oneLine).join(', ')
        : `${topics.slice(0, 2).map(oneLine).join(', ')} +${topics.length - 2}`;
  return `${head}: ${cutLine((papers[top] as PaperView).title, Math.max(30, SUBJECT_MAX - head.length - 2))}`;
}

interface SectionView {
  heading: string;
  papers: PaperView[];
  /** This reader's "fewer on this topic" / "mute this topic" links; empty for other sections. */
  fewerUrl: string;
  muteUrl: string;
}

/** Runs of papers with the same topic (trending ones last) become sections with a heading. */
function sectionsOf(data: DigestEmailData, papers: readonly PaperView[], period: string): SectionView[] {
  const sections: (Omit<SectionView, 'fewerUrl' | 'muteUrl'> & { key: string })[] = [];
  const topicSections = data.papers.some((p) => p.section !== 'trending');
  data.papers.forEach((paper, i) => {
    const trending = paper.section === 'trending';
    const liked = paper.section === 'liked';
    const key = trending
      ? '\u0000trending'
      : liked
        ? '\u0000liked'
        : typeof paper.reason === 'string'
          ? ''
          : oneLine(paper.reason.topic);
    const last = sections[sections.length - 1];
    if (last && last.key === key) {
      last.papers.push(papers[i] as PaperView);
      return;
    }
    const heading = trending
      ? topicSections
        ? 'Also trending'
        : `Top trending ${period}`
      : liked
        ? 'Because you liked'
        : key;
    sections.push({ key, heading, papers: [papers[i] as PaperView] });
  });
  // One section and nothing quiet: a heading would only repeat the intro.
  const quiet = data.quietTopics?.length ?? 0;
  if (sections.length === 1 && quiet === 0) (sections[0] as { heading: string }).heading = '';
  const topicLinks = data.links.topics;
  return sections.map(({ heading, key, papers: list }) => {
    const link = heading !== '' && topicLinks ? topicLinks[key] : undefined;
    return { heading, papers: list, fewerUrl: link ? `${link}?do=fewer` : '', muteUrl: link ? `${link}?do=mute` : '' };
  });
}

/** `papers` are the views of `data.papers`, in order (built or cached by the caller). */
export function digestView({ brand }: BrandOptions, data: DigestEmailData, papers: readonly PaperView[]) {
  const count = papers.length;
  const trendingOnly = data.topics.length === 0;
  const onTopics = data.papers.filter((p) => p.section !== 'trending').length;
  const topicList = matchedTopics(data);
  const topics = trendingOnly ? 'top trending papers' : topicsPhrase(topicList, 3);
  const period = data.frequency === 'daily' ? 'today' : 'this week';
  const nPapers = `${onTopics} new paper${onTopics === 1 ? '' : 's'}`;
  const thenTrending = onTopics < count ? ', then what readers upvoted most' : '';
  const sections = sectionsOf(data, papers, period);
  const quiet = (data.quietTopics ?? []).map((topic) => ({ quietLine: `Nothing new on ${oneLine(topic)} ${period}.` }));
  const suggest = data.links.suggest;
  return withTextLines({
    ...baseView(brand, data.reader.email),
    subject:
      count > 0 ? subjectLine(onTopics === 0 ? [] : topicList, data, papers) : `No new papers on ${topics} ${period}`,
    preview: previewLine(papers),
    frequencyAdjective: data.frequency,
    frequencyAdjectiveCaps: data.frequency.toUpperCase(),
    dateLabel: data.date
      ? data.frequency === 'weekly'
        ? weekLabel(data.date, data.timeZone)
        : dateLabel(data.date, data.timeZone)
      : '',
    intro:
      count === 0
        ? `Nothing new matched ${topics} ${period}. We will keep looking.`
        : trendingOnly
          ? `The ${count === 1 ? 'paper' : `${count} papers`} readers upvoted most ${period}.`
          : onTopics === 0
            ? `Nothing new on ${topics} ${period}; here is what readers upvoted most.`
            : `${nPapers} on ${topics}, picked from ${period}'s trending research, most upvoted first in each topic${thenTrending}.`,
    papers,
    sections,
    quiet,
    // "Add this topic": one related topic, after the sections (empty: no line at all).
    suggestLine: suggest
      ? `${suggest.papers} of these papers are also about ${oneLine(suggest.topic)}, which other readers follow.`
      : '',
    textSuggestLine: suggest
      ? wrapText(
          `${suggest.papers} of these papers are also about ${oneLine(suggest.topic)}, which other readers follow.`,
          72,
        )
      : '',
    suggestTopic: suggest ? oneLine(suggest.topic) : '',
    suggestUrl: suggest?.url ?? '',
    footerReason: trendingOnly
      ? `You get this email because ${data.reader.email} signed up for ${data.frequency} top trending papers.`
      : `You get this email because ${data.reader.email} signed up for ${data.frequency} papers on ${topicsPhrase(data.topics, 8)}.`,
    manageUrl: data.links.manageUrl,
    unsubscribeUrl: data.links.unsubscribeUrl,
  });
}

/** What a confirmation says the reader will get, by digest mode (a top trending reader has no topics). */
function confirmWhat(data: ConfirmEmailData) {
  const mode = data.digestMode ?? 'topics';
  const best = data.frequency === 'daily' ? 'the day' : 'the week';
  if (mode === 'trending' || data.topics.length === 0) {
    return {
      what: 'the top trending research papers',
      label: 'Papers',
      line: `the most upvoted of ${best} on Hugging Face`,
      preview: 'the top trending papers',
    };
  }
  const topics = topicsPhrase(data.topics, 20);
  if (mode === 'topics')
    return {
      what: 'the trending research papers on these topics',
      label: 'Topics',
      line: topics,
      preview: `papers on ${topicsPhrase(data.topics, 3)}`,
    };
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
    expiresLabel:
      hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hour${hours === 1 ? '' : 's'}`,
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
