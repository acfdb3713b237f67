// Byte streams to text chunks, and a peek at the first character to tell a JSON list
// from NDJSON without reading the whole file.

export type ChunkSource = AsyncIterable<string | Uint8Array>;

/** UTF-8 decoding that is safe across chunk boundaries; a leading BOM is dropped. */
export async function* decodeChunks(input: ChunkSource): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

export type FileFormat = 'json' | 'ndjson';

/**
 * Looks at the first non-blank character: `[` is a JSON list, anything else is read as
 * NDJSON (whose per-line errors then say what is wrong). Returns the format and the full
 * text stream, the peeked chunks included.
 */
export async function sniffFormat(
  chunks: AsyncIterable<string>,
): Promise<{ format: FileFormat; chunks: AsyncGenerator<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const peeked: string[] = [];
  let first: string | undefined;
  while (first === undefined) {
    const { value, done } = await iterator.next();
    if (done) break;
    peeked.push(value);
    first = /\S/.exec(value.replace(/^\uFEFF/, ''))?.[0];
  }
  async function* replay(): AsyncGenerator<string> {
    yield* peeked;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  }
  return { format: first === '[' ? 'json' : 'ndjson', chunks: replay() };
}
