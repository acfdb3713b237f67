// Test data factory: a valid normalised paper, overridable field by field.
import type { NormalizedPaper } from '@paperboy/papers';

export function makePaper(n: number, overrides: Partial<NormalizedPaper> = {}): NormalizedPaper {
  const sourceId = `2611.${String(90000 + n).padStart(5, '0')}`;
  return {
    sourceId,
    title: `Paper number ${n}`,
    abstract: `Abstract of paper ${n} about efficient transformers.`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    publishedAt: new Date('2026-11-20T00:00:00Z'),
    upvotes: n,
    numComments: 0,
    githubRepo: null,
    githubStars: null,
    projectPage: null,
    thumbnail: null,
    arxivUrl: `https://arxiv.org/abs/${sourceId}`,
    pdfUrl: `https://arxiv.org/pdf/${sourceId}`,
    hfUrl: null,
    keywords: ['transformers'],
    organization: null,
    source: 'file',
    withdrawnAt: null,
    ...overrides,
  };
}
