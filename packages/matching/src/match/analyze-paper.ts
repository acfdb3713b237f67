// Validates a paper and tokenises its title and abstract once; every topic is then looked up in
// these token streams, never in the raw text.
import { tokenize, type TokenStream } from '../text/tokenize';
import type { MatchablePaper } from '../types';

export interface AnalyzedPaper {
  paper: MatchablePaper;
  title: TokenStream;
  abstract: TokenStream;
}

/** Field order used everywhere: 0 = title, 1 = abstract. */
export type FieldIndex = 0 | 1;

export class PaperInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PaperInputError';
  }
}

export function validatePaper(paper: MatchablePaper, at: string): void {
  if (paper === null || typeof paper !== 'object') throw new PaperInputError(`${at} must be an object`);
  if (!Number.isSafeInteger(paper.id)) throw new PaperInputError(`${at}.id must be an integer`);
  if (typeof paper.title !== 'string') throw new PaperInputError(`${at}.title must be a string`);
  if (typeof paper.abstract !== 'string') throw new PaperInputError(`${at}.abstract must be a string`);
  if (!Number.isFinite(paper.upvotes) || paper.upvotes < 0) {
    throw new PaperInputError(`${at}.upvotes must be a number >= 0`);
  }
  if (paper.upvoteGrowth !== undefined && !Number.isFinite(paper.upvoteGrowth)) {
    throw new PaperInputError(`${at}.upvoteGrowth must be a finite number when given`);
  }
  if (!(paper.publishedAt instanceof Date) || Number.isNaN(paper.publishedAt.getTime())) {
    throw new PaperInputError(`${at}.publishedAt must be a valid Date`);
  }
}

export function analyzePaper(paper: MatchablePaper, at = 'paper'): AnalyzedPaper {
  validatePaper(paper, at);
  return { paper, title: tokenize(paper.title, 'paper'), abstract: tokenize(paper.abstract, 'paper') };
}

export const fieldStream = (doc: AnalyzedPaper, field: FieldIndex): TokenStream =>
  field === 0 ? doc.title : doc.abstract;
