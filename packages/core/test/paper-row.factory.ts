// Test data factory: a paper row as the send path's claim gives it (digests/paper-cache.ts),
// overridable field by field.
import type { PaperRow } from '../src/digests/paper-cache';

export function paperRow(title: string, fields: Partial<PaperRow> = {}): PaperRow {
  return {
    title,
    sourceId: '2612.01234',
    authors: ['Ada Lovelace'],
    abstract: `We study ${title.toLowerCase()} with careful ablations.`,
    upvotes: 12,
    hfUrl: null,
    arxivUrl: null,
    pdfUrl: null,
    githubRepo: null,
    projectPage: null,
    organization: null,
    publishedAt: new Date('2026-12-03T00:00:00Z'),
    numComments: 0,
    reason: 'because you follow reward models',
    ...fields,
  };
}

/** The same, frozen with its authors, as the paper cache hands rows out. */
export function frozenRow(title: string, fields: Partial<PaperRow> = {}): PaperRow {
  const row = paperRow(title, fields);
  Object.freeze(row.authors);
  return Object.freeze(row);
}
