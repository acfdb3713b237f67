import { Readable } from 'node:stream';
import { join } from 'node:path';
import { readPaperFile, PaperFileSource, type PaperBatch, type PaperFileInput, type PaperFileOptions } from '../src';
import { FIXTURES, fixture } from './support/fixture-server';
import { paperRecord, tempFile } from './support/paper-records.factory';

async function collect(
  input: PaperFileInput,
  options: Parameters<typeof readPaperFile>[1] = {},
): Promise<PaperBatch[]> {
  const out: PaperBatch[] = [];
  for await (const batch of readPaperFile(input, options)) out.push(batch);
  return out;
}

const ids = (batches: PaperBatch[]) => batches.flatMap((b) => b.papers.map((p) => p.sourceId));
const rejected = (batches: PaperBatch[]) => batches.flatMap((b) => b.rejected);

/** 1-based line of the n-th (0-based) top-level element of a pretty-printed list. */
function elementLine(text: string, n: number): number {
  const starts = text.split('\n').flatMap((line, i) => (line === '  {' ? [i + 1] : []));
  return starts[n]!;
}

describe('file import', () => {
  it('when the file is a daily-papers JSON list, then items are normalised and a bad one is rejected at its line', async () => {
    const name = 'hf/daily-papers-2026-11-20-p0.json';
    const batches = await collect(join(FIXTURES, name));
    expect(ids(batches)).toEqual(['2611.03001', '2611.03003']);
    expect(batches[0]?.papers[0]?.hfUrl).toBe('https://huggingface.co/papers/2611.03001');
    const line = elementLine(fixture(name), 1);
    expect(rejected(batches)).toEqual([
      { line, location: `line ${line}`, recordId: '2611.03002', reason: expect.stringContaining('title: missing') },
    ]);
  });

  it('when the file is a plain JSON list of papers, then each becomes a paper with its id version stripped', async () => {
    const records = [paperRecord(1, { title: 'With $\\alpha$ [and] {braces}, "quotes" \\" too' }), paperRecord(2)];
    const batches = await collect(tempFile('papers.json', JSON.stringify(records, null, 2)));
    expect(ids(batches)).toEqual(['2611.10001', '2611.10002']);
    expect(batches[0]?.papers[0]?.title).toBe('With α [and] braces, "quotes" " too');
    expect(batches[0]?.papers[0]?.source).toBe('file');
  });

  it('when an NDJSON line is bad, then it is rejected with its line number and the others go on', async () => {
    const lines = [
      JSON.stringify(paperRecord(1)),
      '',
      '{"id": "2611.1',
      JSON.stringify(paperRecord(4, { title: '' })),
      JSON.stringify(paperRecord(5)),
    ];
    const batches = await collect(tempFile('papers.ndjson', `${lines.join('\n')}\n`));
    expect(ids(batches)).toEqual(['2611.10001', '2611.10005']);
    expect(rejected(batches)).toEqual([
      { line: 3, location: 'line 3', reason: expect.stringMatching(/^invalid JSON: /) },
      { line: 4, location: 'line 4', recordId: '2611.10004', reason: 'title: missing' },
    ]);
    expect(batches.reduce((n, b) => n + b.fetched, 0)).toBe(4); // the blank line is not a record
  });

  it('when records exceed the batch size, then batches carry cursors and a resumed import skips what was done', async () => {
    const path = tempFile('five.ndjson', [1, 2, 3, 4, 5].map((i) => JSON.stringify(paperRecord(i))).join('\r\n'));
    const batches = await collect(path, { batchSize: 2 });
    expect(batches.map((b) => [b.papers.length, b.cursor, b.location])).toEqual([
      [2, { source: 'file', record: 2 }, 'lines 1-2'],
      [2, { source: 'file', record: 4 }, 'lines 3-4'],
      [1, null, 'lines 5-5'],
    ]);
    const resumed = await collect(path, { batchSize: 2, cursor: { source: 'file', record: 4 } });
    expect(ids(resumed)).toEqual(['2611.10005']);
  });

  it('when a JSON list is cut short, then the complete elements are kept and the truncation reported', async () => {
    const text = JSON.stringify([paperRecord(1), paperRecord(2)], null, 2);
    const batches = await collect(tempFile('cut.json', text.slice(0, text.length - 40)));
    expect(ids(batches)).toEqual(['2611.10001']);
    expect(rejected(batches)).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/list is not closed \(truncated file\?\)/) }),
    ]);
  });

  it('when the input is a byte stream split mid-character, then it reads the same as the file', async () => {
    const text = JSON.stringify([paperRecord(1, { authors: ['Zoë Ångström'] }), paperRecord(2)]);
    const bytes = Buffer.from(text, 'utf8');
    const cut = bytes.indexOf(Buffer.from('ë')) + 1; // inside the two-byte ë
    const stream = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut, cut + 7), bytes.subarray(cut + 7)]);
    const batches = await collect(stream);
    expect(batches[0]?.papers[0]?.authors).toEqual(['Zoë Ångström']);
    expect(ids(batches)).toEqual(['2611.10001', '2611.10002']);
  });

  it('when a record is larger than the cap, then it is refused and the next one still read', async () => {
    const big = JSON.stringify(paperRecord(1, { abstract: 'x'.repeat(5000) }));
    const ndjson = await collect(tempFile('big.ndjson', `${big}\n${JSON.stringify(paperRecord(2))}\n`), {
      maxRecordChars: 1000,
    });
    const list = await collect(tempFile('big.json', `[${big},\n${JSON.stringify(paperRecord(2))}]`), {
      maxRecordChars: 1000,
    });
    for (const batches of [ndjson, list]) {
      expect(ids(batches)).toEqual(['2611.10002']);
      expect(rejected(batches)).toEqual([
        expect.objectContaining({ line: 1, reason: 'record longer than 1000 characters, skipped' }),
      ]);
    }
  });

  it('when a .json file actually holds NDJSON, then the content decides the format', async () => {
    const batches = await collect(
      tempFile('mislabelled.json', `${JSON.stringify(paperRecord(1))}\n${JSON.stringify(paperRecord(2))}`),
    );
    expect(ids(batches)).toEqual(['2611.10001', '2611.10002']);
  });

  it('when the list has content after its end or a stray comma, then each is reported', async () => {
    const text = `[${JSON.stringify(paperRecord(1))},,\n${JSON.stringify(paperRecord(2))}]\ngarbage`;
    const batches = await collect(tempFile('odd.json', text));
    expect(ids(batches)).toEqual(['2611.10001', '2611.10002']);
    expect(rejected(batches).map((r) => r.reason)).toEqual([
      'empty element (stray comma)',
      expect.stringContaining('after the end of the list'),
    ]);
  });

  it('when the file does not exist, then the import fails with the path named', async () => {
    await expect(collect('/nonexistent/papers.ndjson')).rejects.toThrow(/ENOENT.*\/nonexistent\/papers\.ndjson/);
  });

  it('when options are invalid, then the source refuses them', () => {
    expect(() => new PaperFileSource('x', { batchSize: 0 })).toThrow(/batchSize/);
    expect(() => new PaperFileSource('x', { format: 'csv' as PaperFileOptions['format'] })).toThrow(/format/);
  });
});
