// Reads the arXiv API's Atom feed. Everything is kept as strings (parseTagValue: false):
// an id like 2401.12340 must not turn into the number 2401.1234.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PaperInput } from '../normalize/normalize-paper';

export interface ArxivFeed {
  totalResults: number;
  startIndex: number;
  entries: Record<string, unknown>[];
  /** arXiv reports a bad query as a feed whose single entry is an error. */
  error: string | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

/** Parses and checks a feed; throws (so the caller retries) on anything that is not one. */
export function parseArxivFeed(xml: string): ArxivFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML at line ${valid.err.line}: ${valid.err.msg}`);
  const doc: unknown = parser.parse(xml);
  const feed = (doc as { feed?: unknown }).feed;
  if (typeof feed !== 'object' || feed === null) throw new Error('not an Atom feed (no <feed> element)');
  const f = feed as Record<string, unknown>;
  const entries = (Array.isArray(f.entry) ? f.entry : []) as Record<string, unknown>[];
  const errorEntry = entries.find((e) => text(e.id).includes('/api/errors'));
  return {
    totalResults: toInt(f['opensearch:totalResults']),
    startIndex: toInt(f['opensearch:startIndex']),
    entries: errorEntry ? [] : entries,
    error: errorEntry ? text(errorEntry.summary) || 'arXiv reported an error' : null,
  };
}

/** One Atom entry as a PaperInput; arXiv and PDF links are derived from the id instead
 *  of copied, so they point at the latest version rather than the one fetched. */
export function arxivEntryToPaperInput(entry: Record<string, unknown>): PaperInput {
  const authors = Array.isArray(entry.author)
    ? entry.author.map((a: unknown) => text((a as Record<string, unknown>)?.name))
    : [];
  const categories = Array.isArray(entry.category)
    ? entry.category
        .map((c: unknown) => (c as Record<string, unknown>)?.['@_term'])
        .filter((t): t is string => typeof t === 'string')
    : [];
  const comment = text(entry['arxiv:comment']);
  return {
    id: text(entry.id),
    title: text(entry.title),
    abstract: text(entry.summary),
    authors,
    publishedAt: text(entry.published),
    keywords: categories,
    // arXiv keeps withdrawn papers with a comment saying so; the replacement's date is `updated`.
    withdrawnAt: /\bwithdrawn\b/i.test(comment) ? text(entry.updated) || null : null,
  };
}

/** Element text whether the parser gave a string or `{ '#text': ..., '@_attr': ... }`. */
function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'object' && node !== null && '#text' in node)
    return String((node as { '#text': unknown })['#text']);
  return '';
}

function toInt(node: unknown): number {
  const n = Number(text(node));
  return Number.isFinite(n) ? n : 0;
}
