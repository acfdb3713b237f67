// File import as a PaperSource: a JSON list (daily-papers items or plain papers) or NDJSON,
// streamed record by record and normalised in batches. The cursor counts records already
// handed out, so an import that died part way resumes after them (from a path, not a stream).
import { createReadStream } from 'node:fs';
import { normalizeRecord } from '../normalize/normalize-record';
import type { FetchOptions, NormalizedPaper, PaperBatch, PaperSource, RejectedRecord } from '../paper.types';
import { cursorField, requireInt } from '../source-options';
import { readJsonArrayRecords } from './json-array-records';
import { readNdjsonRecords } from './ndjson-records';
import type { RawRecord } from './raw-record.types';
import { decodeChunks, sniffFormat, type ChunkSource, type FileFormat } from './text-chunks';

export interface PaperFileOptions {
  /** `auto` (default) looks at the first character: `[` is JSON, anything else NDJSON. */
  format?: FileFormat | 'auto';
  batchSize?: number;
  maxRecordChars?: number;
  /** Source name recorded on each paper. */
  name?: string;
  /** Where HF paper pages live, for daily-papers items' `hfUrl`. */
  hfBaseUrl?: string;
}

/** A batch being filled, with the line span it covers (for its `location`). */
type Pending = PaperBatch & { firstLine?: number; lastLine?: number };

/** A file path, or a byte/text stream (which can be read only once, so cannot resume). */
export type PaperFileInput = string | ChunkSource;

export class PaperFileSource implements PaperSource {
  readonly name: string;
  private readonly batchSize: number;

  constructor(
    private readonly input: PaperFileInput,
    private readonly options: PaperFileOptions = {},
  ) {
    this.name = options.name ?? 'file';
    this.batchSize = requireInt(options.batchSize ?? 500, 'batchSize', 1, 100_000);
    const format = options.format ?? 'auto';
    if (!['auto', 'json', 'ndjson'].includes(format))
      throw new Error(`format: expected auto, json or ndjson, got ${String(format)}`);
  }

  /** since/until do not apply to files: every record in the file is imported. */
  async *fetch(options: FetchOptions = {}): AsyncIterable<PaperBatch> {
    if (options.cursor && options.cursor.source !== this.name)
      throw new Error(`cursor belongs to ${String(options.cursor.source)}, not ${this.name}`);
    const skip = options.cursor ? cursorField(options.cursor, 'record', 'number') : 0;
    let seen = 0;
    let batch = this.emptyBatch();
    for await (const record of await this.records()) {
      options.signal?.throwIfAborted();
      seen++;
      if (seen <= skip) continue;
      this.add(batch, record);
      if (batch.fetched >= this.batchSize) {
        yield this.close(batch, seen, false);
        batch = this.emptyBatch();
      }
    }
    yield this.close(batch, seen, true);
  }

  private async records(): Promise<AsyncIterable<RawRecord>> {
    const bytes =
      typeof this.input === 'string' ? createReadStream(this.input, { highWaterMark: 256 * 1024 }) : this.input;
    const sniffed = await sniffFormat(decodeChunks(bytes));
    const format = this.options.format && this.options.format !== 'auto' ? this.options.format : sniffed.format;
    const reader = format === 'json' ? readJsonArrayRecords : readNdjsonRecords;
    return reader(sniffed.chunks, { maxRecordChars: this.options.maxRecordChars });
  }

  private add(batch: Pending, record: RawRecord): void {
    batch.fetched++;
    batch.firstLine ??= record.line;
    batch.lastLine = record.line;
    const rejected = (reason: string, recordId?: string): RejectedRecord => ({
      reason,
      location: `line ${record.line}`,
      line: record.line,
      ...(recordId ? { recordId } : {}),
    });
    if ('error' in record) return void batch.rejected.push(rejected(record.error));
    const result = normalizeRecord(record.value, this.name, this.options.hfBaseUrl);
    if (result.ok) batch.papers.push(result.paper);
    else batch.rejected.push(rejected(result.reason, result.recordId));
  }

  private close(batch: Pending, seen: number, last: boolean): PaperBatch {
    const { firstLine, lastLine, ...rest } = batch;
    const location = firstLine === undefined ? 'end of file' : `lines ${firstLine}-${lastLine}`;
    return { ...rest, location, cursor: last ? null : { source: this.name, record: seen } };
  }

  private emptyBatch(): Pending {
    const papers: NormalizedPaper[] = [];
    return { papers, rejected: [], cursor: null, fetched: 0, location: '' };
  }
}

/** Convenience: stream the papers of a file (or stream) in batches. */
export function readPaperFile(
  input: PaperFileInput,
  options: PaperFileOptions & FetchOptions = {},
): AsyncIterable<PaperBatch> {
  return new PaperFileSource(input, options).fetch(options);
}
