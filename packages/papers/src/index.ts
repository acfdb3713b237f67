// @paperboy/papers: where papers come from. Adapters fetch and normalise; storing,
// scheduling and matching live elsewhere and consume PaperBatch streams from here.
export type {
  FetchOptions,
  NormalizeResult,
  NormalizedPaper,
  PaperBatch,
  PaperSource,
  RejectedRecord,
  SourceCursor,
} from './paper.types';

// Normalisation
export { normalizePaper, type PaperInput } from './normalize/normalize-paper';
export { normalizeRecord } from './normalize/normalize-record';
export { cleanText, collapseWhitespace } from './normalize/clean-text';
export { arxivAbsUrl, arxivPdfUrl, parseArxivId } from './normalize/arxiv-id';

// HTTP with retries
export { getWithRetry, HTTP_DEFAULTS, type HttpOptions } from './http/http-get';
export { SourceError, isSourceError, type SourceErrorCode } from './http/source-error';
export { backoffDelay, parseRetryAfter } from './http/retry-timing';

// Hugging Face daily papers
export { HfDailyPapersSource, type HfDailyPapersOptions, type HfSort } from './hf/hf-daily-papers.source';
export { HF_DEFAULT_BASE_URL, hfItemToPaperInput, isHfDailyItem, normalizeHfItem } from './hf/hf-daily-paper';

// arXiv
export { ArxivSource, type ArxivSourceOptions } from './arxiv/arxiv.source';
export { arxivEntryToPaperInput, parseArxivFeed, type ArxivFeed } from './arxiv/arxiv-atom';

// Files
export { PaperFileSource, readPaperFile, type PaperFileInput, type PaperFileOptions } from './files/paper-file.source';
export { readNdjsonRecords } from './files/ndjson-records';
export { readJsonArrayRecords } from './files/json-array-records';
export { decodeChunks, sniffFormat, type ChunkSource, type FileFormat } from './files/text-chunks';
export type { RawRecord, ReaderOptions } from './files/raw-record.types';
