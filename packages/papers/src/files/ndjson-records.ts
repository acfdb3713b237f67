// NDJSON, one record per line, read as a stream: memory holds one line at a time (capped),
// so a 100,000-paper file costs no more than a 10-paper one. Blank lines are ignored.
import { DEFAULT_MAX_RECORD_CHARS, type RawRecord, type ReaderOptions } from './raw-record.types';

export async function* readNdjsonRecords(
  chunks: AsyncIterable<string>,
  options: ReaderOptions = {},
): AsyncGenerator<RawRecord> {
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let partial = '';
  let oversized = false;
  let line = 0;
  for await (const chunk of chunks) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      line++;
      const text = oversized ? '' : partial + chunk.slice(from, nl);
      const record = oversized || text.length > max ? tooLong(line, max) : parseLine(text, line);
      if (record) yield record;
      partial = '';
      oversized = false;
      from = nl + 1;
    }
    if (!oversized) partial += chunk.slice(from);
    // Stop buffering a runaway line; remember to refuse it when its newline comes.
    if (partial.length > max) {
      partial = '';
      oversized = true;
    }
  }
  if (oversized) yield tooLong(line + 1, max);
  else if (partial.trim()) {
    const record = parseLine(partial, line + 1);
    if (record) yield record;
  }
}

function parseLine(text: string, line: number): RawRecord | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  try {
    return { line, value: JSON.parse(trimmed) };
  } catch (error) {
    return { line, error: `invalid JSON: ${(error as Error).message}` };
  }
}

function tooLong(line: number, max: number): RawRecord {
  return { line, error: `record longer than ${max} characters, skipped` };
}
