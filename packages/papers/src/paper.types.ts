// The shapes every source adapter speaks. A NormalizedPaper mirrors the Paper model in
// prisma/schema.prisma (minus database ids and timestamps) so storage can upsert it as is.

/** A paper ready to store: one stable id, cleaned text, typed signals and links. */
export interface NormalizedPaper {
  /** arXiv id without version (`2401.12345`, `hep-th/9901001`), else `source:id`. */
  sourceId: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedAt: Date;
  upvotes: number;
  numComments: number;
  githubRepo: string | null;
  githubStars: number | null;
  projectPage: string | null;
  thumbnail: string | null;
  arxivUrl: string | null;
  pdfUrl: string | null;
  hfUrl: string | null;
  keywords: string[];
  organization: string | null;
  /** The adapter that produced this record (`huggingface`, `arxiv`, `file`, ...). */
  source: string;
  withdrawnAt: Date | null;
}

/** A record a source sent that could not become a paper, and why. */
export interface RejectedRecord {
  reason: string;
  /** Human-readable place in the source: `line 17`, `date=2026-11-20 page=1 item=3`. */
  location: string;
  /** 1-based line in an imported file, when known. */
  line?: number;
  /** The record's own id, when it had one, to help an operator find it. */
  recordId?: string;
}

/** JSON-serialisable resume point; stored as is (IngestRun.cursor) and handed back. */
export type SourceCursor = { [key: string]: string | number | boolean | null };

/** One unit of progress: after storing it, persist `cursor` to resume from here. */
export interface PaperBatch {
  papers: NormalizedPaper[];
  rejected: RejectedRecord[];
  /** Where the next batch starts; null when this was the last batch. */
  cursor: SourceCursor | null;
  /** Records seen in this batch (papers + rejected). */
  fetched: number;
  /** Where this batch came from, for logs. */
  location: string;
}

export interface FetchOptions {
  /** Inclusive lower bound (publication/submission date). */
  since?: Date;
  /** Inclusive upper bound; defaults to the adapter's clock "now". */
  until?: Date;
  /** A cursor from an earlier batch: continue after it instead of starting over. */
  cursor?: SourceCursor | null;
  signal?: AbortSignal;
}

/** A source of papers. Iteration is lazy: nothing is fetched until the consumer asks. */
export interface PaperSource {
  readonly name: string;
  fetch(options?: FetchOptions): AsyncIterable<PaperBatch>;
}

/** The outcome of validating one record: a paper, or the reason it was refused. */
export type NormalizeResult =
  | { ok: true; paper: NormalizedPaper; warnings: string[] }
  | { ok: false; reason: string; recordId?: string };
