// The notice sent in place of an empty digest after EMPTY_PERIODS_NOTICE empty periods in a row:
// the reader's topics with what each matched over those periods, and concrete topics that do
// have papers, related ones first (a followed topic's distinctive word in them: "legal NLP" →
// "NLP for law", "clinical NLP"), then the busiest. Loaded at send time, from stored matches.
import type { Db } from '@paperboy/db';
import type { buildMessage, NoticeEmailData, Renderer } from '@paperboy/email';
import { buildReaderLinks } from '../tokens/reader-links';
import type { DigestConfig } from './digest-deps';
import { deliveryMessage } from './digest-email';
import { busyTopics, type ClaimedDelivery, followedCounts, type TopicCountRow } from './store';

const DAY_MS = 86_400_000;
const SUGGESTIONS = 5;
/** Words too common to make two topics related. */
const GENERIC = new Set([
  'model',
  'learn',
  'network',
  'neural',
  'data',
  'system',
  'method',
  'large',
  'languag',
  'deep',
  'base',
]);

const words = (key: string) => key.split(/\s+/).filter((w) => w.length >= 3 && !GENERIC.has(w));

/** Related topics (sharing a distinctive word with a followed one) first, then the busiest; none without papers. */
export function pickSuggestions(
  followed: readonly TopicCountRow[],
  busy: readonly TopicCountRow[],
  limit = SUGGESTIONS,
): TopicCountRow[] {
  const mine = new Set(followed.flatMap((t) => words(t.key)));
  const withPapers = busy.filter((t) => t.count > 0 && t.label);
  const related = withPapers.filter((t) => words(t.key).some((w) => mine.has(w)));
  return [...related, ...withPapers.filter((t) => !related.includes(t))].slice(0, limit);
}

/** Where a period ends (UTC, close enough for counting papers): the day after a daily key, the Monday after a weekly one. */
export function periodEnd(periodKey: string, fallback: Date): Date {
  const daily = /^d(\d{4})-(\d{2})-(\d{2})$/.exec(periodKey);
  if (daily) return new Date(Date.UTC(Number(daily[1]), Number(daily[2]) - 1, Number(daily[3])) + DAY_MS);
  const weekly = /^w(\d{4})-W(\d{2})$/.exec(periodKey);
  if (!weekly) return fallback;
  const jan4 = Date.UTC(Number(weekly[1]), 0, 4); // always in ISO week 1
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS;
  return new Date(week1Monday + Number(weekly[2]) * 7 * DAY_MS);
}

/** The window is the empty periods themselves (the notice may be sent, or retried, later). */
export async function loadNoticeData(
  db: Db,
  claimed: ClaimedDelivery,
  emptyPeriods: number,
  now: Date,
): Promise<Omit<NoticeEmailData, 'links'>> {
  const periodDays = claimed.frequency === 'weekly' ? 7 : 1;
  const since = new Date(periodEnd(claimed.periodKey, now).getTime() - Math.max(1, emptyPeriods) * periodDays * DAY_MS);
  const followed = await followedCounts(db, claimed.subscriberId, since);
  const busy = await busyTopics(
    db,
    followed.map((t) => t.key),
    since,
    40,
  );
  return {
    reader: { email: claimed.email },
    frequency: claimed.frequency,
    emptyPeriods: Math.max(1, emptyPeriods),
    followed: followed.map((t) => ({ topic: t.label.trim() || t.key, count: t.count })),
    suggestions: pickSuggestions(followed, busy).map((t) => ({ topic: t.label.trim(), count: t.count })),
  };
}

export function composeNotice(
  deps: { config: DigestConfig; renderer: Pick<Renderer, 'renderNotice'> },
  claimed: ClaimedDelivery,
  data: Omit<NoticeEmailData, 'links'>,
  now: Date,
): ReturnType<typeof buildMessage> {
  const links = buildReaderLinks(deps.config, claimed.subscriberId, now);
  const content = deps.renderer.renderNotice({
    ...data,
    links: { manageUrl: links.manageUrl, unsubscribeUrl: links.unsubscribeUrl },
  });
  // The delivery id, as for a digest: every attempt of this notice carries the same Message-ID.
  return deliveryMessage(deps.config, claimed, content, links.oneClickUrl);
}
