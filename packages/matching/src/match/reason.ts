// The explanation the digest shows under a paper: which topic, the paper's own words, and where.
import type { MatchField, MatchKind, MatchReason } from '../types';
import type { AnalyzedPaper } from './analyze-paper';
import type { Occurrence } from './phrase-search';

/** Quoting more than this many different phrasings adds noise, not trust. */
const MAX_QUOTES = 3;

const WHERE: Record<MatchField, string> = {
  title: 'in the title',
  abstract: 'in the abstract',
  both: 'in the title and abstract',
};

export function reasonText(
  topic: string,
  matched: readonly string[],
  field: MatchField,
  kind: MatchKind = 'direct',
): string {
  const quotes = matched.map((m) => `'${m}'`).join(', ');
  const lead = kind === 'direct' ? `Because you follow ${topic}` : `Related to ${topic}`;
  return `${lead}: ${quotes} ${WHERE[field]}`;
}

function fieldOf(occurrences: readonly Occurrence[]): MatchField {
  const inTitle = occurrences.some((o) => o.field === 0);
  const inAbstract = occurrences.some((o) => o.field === 1);
  if (inTitle && inAbstract) return 'both';
  return inTitle ? 'title' : 'abstract';
}

const count = (text: string, ch: string): number => text.split(ch).length - 1;

/** The span with the bracket it opens or closes, when that stands just beside it: a phrase
 * found across "key-value (KV) cache" is quoted "(KV) cache", not "KV) cache". */
function balanced(source: string, start: number, end: number): string {
  const words = source.slice(start, end);
  const open = count(words, '(') - count(words, ')');
  if (open < 0 && source[start - 1] === '(') return source.slice(start - 1, end);
  if (open > 0 && source[end] === ')') return source.slice(start, end + 1);
  return words;
}

/** Quotes the paper's own words, title first, each phrasing once (case-insensitively). */
export function buildReason(
  topic: string,
  doc: AnalyzedPaper,
  occurrences: readonly Occurrence[],
  kind: MatchKind = 'direct',
): MatchReason {
  // A direct match quotes in reading order; related terms strongest first (already so ordered).
  const ordered =
    kind === 'direct' ? [...occurrences].sort((a, b) => a.field - b.field || a.start - b.start) : occurrences;
  const seen = new Set<string>();
  const matched: string[] = [];
  for (const occ of ordered) {
    const source = occ.field === 0 ? doc.paper.title : doc.paper.abstract;
    const words = balanced(source, occ.start, occ.end).replace(/\s+/g, ' ');
    if (seen.has(words.toLowerCase())) continue;
    seen.add(words.toLowerCase());
    if (matched.length < MAX_QUOTES) matched.push(words);
  }
  const field = fieldOf(occurrences);
  const reason: MatchReason = { topic, matched, field, text: reasonText(topic, matched, field, kind) };
  // Only a related match says so: stored reasons of direct matches keep their earlier shape.
  if (kind !== 'direct') reason.kind = kind;
  return reason;
}

/** The same reason told with another label (the reader's own wording of the topic). */
export function relabelReason(reason: MatchReason, topic: string): MatchReason {
  if (reason.topic === topic) return reason;
  return { ...reason, topic, text: reasonText(topic, reason.matched, reason.field, reason.kind) };
}
