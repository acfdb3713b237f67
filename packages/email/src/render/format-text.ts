// Small wording helpers shared by every email's view: lists, authors, reasons, dates.
// Pure and cheap: they run for every paper of every digest.
import { oneLine } from './escape';
import type { MatchReason } from './email-data.types';

/** "a", "a and b", "a, b and c". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Up to three names, then "et al.": long author lists drown the title. */
export function authorsLine(authors: readonly string[], shown = 3): string {
  const names = authors.map(oneLine).filter((name) => name !== '');
  if (names.length <= shown) return listPhrase(names);
  return `${names.slice(0, shown).join(', ')} et al.`;
}

/**
 * Cuts a summary to about two lines of a desktop card, at a word boundary. Email clients
 * ignore CSS line clamping, so the cut happens here.
 */
export function shortSummary(summary: string, maxChars = 220): string {
  const text = oneLine(summary);
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > maxChars * 0.6 ? lastSpace : maxChars).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * The reason split for emphasis: topic "reward models", detail ": “process reward models” in
 * the abstract". A reason given as a sentence has no parts (both empty).
 */
export function reasonParts(
  reason: MatchReason | string,
  text = reasonText(reason),
): { reasonLead: string; reasonTopic: string; reasonDetail: string } {
  if (typeof reason === 'string') return { reasonLead: '', reasonTopic: '', reasonDetail: '' };
  const topic = oneLine(reason.topic);
  const lead = reasonLead(reason, topic);
  return {
    reasonLead: lead.slice(0, lead.length - topic.length).trimEnd(),
    reasonTopic: topic,
    reasonDetail: text.slice(lead.length),
  };
}

/** A related-only match (the topic's domain, not its words) says so rather than "you follow". */
const reasonLead = (reason: MatchReason, topic: string): string =>
  reason.kind === 'related' ? `Related to ${topic}` : `Because you follow ${topic}`;

/** "Because you follow reward models: “process reward models” in the abstract". */
export function reasonText(reason: MatchReason | string): string {
  if (typeof reason === 'string') return oneLine(reason);
  const topic = oneLine(reason.topic);
  const words = (reason.matched ?? []).map(oneLine).filter((w) => w !== '');
  const where = reason.field ? ` in the ${reason.field === 'both' ? 'title and abstract' : reason.field}` : '';
  const lead = reasonLead(reason, topic);
  if (words.length === 0) return lead;
  return `${lead}: ${listPhrase(words.map((w) => `“${w}”`))}${where}`;
}

/**
 * Word-wraps one line of text for the plain-text part (mail clients show it as is), each
 * line starting with `indent`; the first line may start with `firstIndent` instead (for
 * "1. " numbering). Words longer than the width (URLs) are left whole.
 */
export function wrapText(text: string, width = 72, indent = '', firstIndent = indent): string {
  if (firstIndent.length + text.length <= width) return firstIndent + text;
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** "▲ 102 · +12 today"; empty when both are zero (never "▲ 0 upvotes"). */
export function signalsLabel(upvotes: number, growth = 0, period = 'today'): string {
  const parts: string[] = [];
  if (upvotes > 0) parts.push(`▲ ${upvotes < 1000 ? upvotes : upvotes.toLocaleString('en-US')}`);
  if (growth > 0) parts.push(`+${growth} ${period}`);
  return parts.join(' · ');
}

/** "1 comment", "12 comments"; empty for none. */
export function commentsLabel(count = 0): string {
  return count > 0 ? `${count} comment${count === 1 ? '' : 's'}` : '';
}

export function upvotesLabel(upvotes: number): string {
  // toLocaleString is not free and most papers have fewer than 1,000 upvotes.
  const count = upvotes < 1000 ? String(upvotes) : upvotes.toLocaleString('en-US');
  return `${count} upvote${upvotes === 1 ? '' : 's'}`;
}

// Intl formatters are slow to build and not cheap to use, so keep one per
// zone and remember labels per quarter hour: every zone's offset is a multiple of 15
// minutes, so all instants in one quarter hour fall on the same local day.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** "Friday, 27 November 2026" in the reader's time zone. */
export function dateLabel(date: Date, timeZone = 'UTC'): string {
  const key = `${timeZone} ${Math.floor(date.getTime() / QUARTER_HOUR_MS)}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    dateFormats.set(timeZone, format);
  }
  const label = format.format(date);
  if (labels.size > 10_000) labels.clear();
  labels.set(key, label);
  return label;
}

const shortFormats = new Map<string, Intl.DateTimeFormat>();

function shortParts(date: Date, timeZone: string): { day: string; month: string; year: string } {
  let format = shortFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    shortFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  // en-GB writes September "Sept"; the other months are three letters.
  return { day: parts.day as string, month: (parts.month as string).slice(0, 3), year: parts.year as string };
}

/** "3 Dec 2026" in the reader's time zone (a card's publication date). */
export function shortDate(date: Date, timeZone = 'UTC'): string {
  const key = `s ${timeZone} ${Math.floor(date.getTime() / QUARTER_HOUR_MS)}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  const { day, month, year } = shortParts(date, timeZone);
  const label = `${day} ${month} ${year}`;
  if (labels.size > 10_000) labels.clear();
  labels.set(key, label);
  return label;
}

/**
 * A weekly digest's dates: the seven days ending on its day, "Week of 1–7 Dec 2026",
 * "Week of 28 Nov – 4 Dec 2026", "Week of 29 Dec 2026 – 4 Jan 2027".
 */
export function weekLabel(date: Date, timeZone = 'UTC'): string {
  const key = `w ${timeZone} ${Math.floor(date.getTime() / QUARTER_HOUR_MS)}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  const end = shortParts(date, timeZone);
  const start = shortParts(new Date(date.getTime() - 6 * 86_400_000), timeZone);
  const range =
    start.year !== end.year
      ? `${start.day} ${start.month} ${start.year} – ${end.day} ${end.month} ${end.year}`
      : start.month !== end.month
        ? `${start.day} ${start.month} – ${end.day} ${end.month} ${end.year}`
        : `${start.day}–${end.day} ${end.month} ${end.year}`;
  const label = `Week of ${range}`;
  if (labels.size > 10_000) labels.clear();
  labels.set(key, label);
  return label;
}

/** Cuts a line at a word boundary to at most `max` characters, with "…" when cut. */
export function cutLine(line: string, max: number): string {
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max * 0.5 ? lastSpace : max - 1).replace(/[\s,.;:–-]+$/, '')} …`;
}
