/** One record read from a file, before normalisation: a value, or why it could not be read. */
export type RawRecord = { line: number; value: unknown } | { line: number; error: string };

export interface ReaderOptions {
  /** A longer record is refused (and skipped) instead of buffered: memory stays bounded. */
  maxRecordChars?: number;
}

export const DEFAULT_MAX_RECORD_CHARS = 1_000_000;
