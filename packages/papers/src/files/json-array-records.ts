// A streaming reader for one big JSON list (`[ {...}, {...} ]`): a small scanner finds
// where each element starts and ends (tracking strings, escapes and nesting), and only
// that element's text is buffered and handed to JSON.parse. A malformed element is
// reported with its line and the scan goes on with the next one.
import { DEFAULT_MAX_RECORD_CHARS, type RawRecord, type ReaderOptions } from './raw-record.types';

const OPEN = new Set(['{', '[']);
const CLOSE = new Set(['}', ']']);

export async function* readJsonArrayRecords(
  chunks: AsyncIterable<string>,
  options: ReaderOptions = {},
): AsyncGenerator<RawRecord> {
  const max = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  let phase: 'before' | 'list' | 'after' = 'before';
  let line = 1;
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let size = 0;
  let startLine = 0; // 0: no element in progress
  const finish = (): RawRecord | null => {
    const text = parts.join('').trim();
    const record = elementRecord(text, startLine, size > max, max);
    parts = [];
    size = 0;
    startLine = 0;
    return record;
  };

  for await (const chunk of chunks) {
    let segment = 0; // start of the current element's text within this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (phase === 'before') {
        if (c === '[') phase = 'list';
        else if (!/\s|\uFEFF/.test(c))
          throw new Error(`line ${line}: expected a JSON list starting with "[", found ${JSON.stringify(c)}`);
        segment = i + 1;
        continue;
      }
      if (phase === 'after') {
        if (/\s/.test(c)) continue;
        yield { line, error: `unexpected ${JSON.stringify(c)} after the end of the list; the rest is ignored` };
        return;
      }
      if (depth === 0 && (c === ',' || c === ']')) {
        const ended = startLine !== 0 || c === ',';
        if (startLine !== 0) addPart(chunk.slice(segment, i));
        if (ended) {
          const record = startLine ? finish() : { line, error: 'empty element (stray comma)' };
          if (record) yield record;
        }
        if (c === ']') phase = 'after';
        segment = i + 1;
        continue;
      }
      if (startLine === 0) {
        if (/\s/.test(c)) {
          segment = i + 1;
          continue;
        }
        startLine = line;
        segment = i;
      }
      if (c === '"') inString = true;
      else if (OPEN.has(c)) depth++;
      else if (CLOSE.has(c)) depth = Math.max(0, depth - 1); // unbalanced: JSON.parse will say so
    }
    if (startLine !== 0) addPart(chunk.slice(segment));
  }
  if (phase !== 'after') {
    const where = startLine ? `the element starting at line ${startLine}` : `line ${line}`;
    yield {
      line: startLine || line,
      error: `unexpected end of file in ${where}: the list is not closed (truncated file?)`,
    };
  }

  // Past the cap we keep counting but stop buffering, so memory stays bounded.
  function addPart(text: string): void {
    size += text.length;
    if (size <= max) parts.push(text);
  }
}

function elementRecord(text: string, line: number, tooLong: boolean, max: number): RawRecord | null {
  if (tooLong) return { line, error: `record longer than ${max} characters, skipped` };
  try {
    return { line, value: JSON.parse(text) };
  } catch (error) {
    return { line, error: `invalid JSON: ${(error as Error).message}` };
  }
}
