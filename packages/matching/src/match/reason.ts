// The explanation the digest shows under a paper: which topic, the paper's own words, and where.
import type { MatchField, MatchReason } from '../types';
import type { AnalyzedPaper } from './analyze-paper';
import type { Occurrence } from './phrase-search';

/** Quoting more than this many different phrasings adds noise, not trust. */
const MAX_QUOTES = 3;

const WHERE: Record<MatchField, string> = {
  title: 'in the title',
  abstract: 'in the abstract',
  both: 'in the title and abstract',
};

export function reasonText(topic: string, matched: readonly string[], field: MatchField): string {
  const quotes = matched.map((m) => `'${m}'`).join(', ');
  return `Because you follow ${topic}: ${quotes} ${WHERE[field]}`;
}

function fieldOf(occurrences: readonly Occurrence[]): MatchField {
  const inTitle = occurrences.some((o) => o.field === 0);
  const inAbstract = occurrences.some((o) => o.field === 1);
  if (inTitle && inAbstract) return 'both';
  return inTitle ? 'title' : 'abstract';
}

/** Quotes the paper's own words, title first, each phrasing once (case-insensitively). */
export function buildReason(topic: string, doc: AnalyzedPaper, occurrences: readonly Occurrence[]): MatchReason {
  const ordered = [...occurrences].sort((a, b) => a.field - b.field || a.start - b.start);
  const seen = new Set<string>();
  const matched: string[] = [];
  for (const occ of ordered) {
    const source = occ.field === 0 ? doc.paper.title : doc.paper.abstract;
    const words = source.slice(occ.start, occ.end).replace(/\s+/g, ' ');
    if (seen.has(words.toLowerCase())) continue;
    seen.add(words.toLowerCase());
    if (matched.length < MAX_QUOTES) matched.push(words);
  }
  const field = fieldOf(occurrences);
  return { topic, matched, field, text: reasonText(topic, matched, field) };
}

/** The same reason told with another label (the reader's own wording of the topic). */
export function relabelReason(reason: MatchReason, topic: string): MatchReason {
  if (reason.topic === topic) return reason;
  return { ...reason, topic, text: reasonText(topic, reason.matched, reason.field) };
}
