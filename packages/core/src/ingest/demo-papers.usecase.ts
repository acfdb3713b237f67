// The offline demo feed (samples/papers.ndjson): synthetic papers so a new install shows
// digests without internet. Matching only looks at recent papers, so dates are shifted to
// end within the last day (spacing kept), also on a later load (so `npm run demo:load`
// freshens them); everything else is imported as written, through the usual run. The shift
// is whole days: loading the feed again the same day writes the same dates ("unchanged").
// `papers:import` of this very file loads it the same way: a plain import would write the
// file's own (old) dates over the shifted ones and age the demo out of the match window.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PaperFileSource } from '@paperboy/papers';
import { AppError } from '../errors';
import { ingestClock, type IngestDeps } from './ingest-deps';
import { runIngest, type IngestSummary } from './run-ingest.usecase';

export const DEMO_SOURCE = 'demo';
const MAX_DEMO_BYTES = 5 * 1024 * 1024; // read whole (to find the newest date): demo-sized only

const DAY_MS = 86_400_000;
/** samples/papers.ndjson at the repository root (the same depth from src/ and dist/). */
export const DEMO_FILE = path.resolve(__dirname, '../../../../samples/papers.ndjson');

/** Lines with publishedAt moved by the same whole number of days, so that the newest paper falls in the day before `now`. */
export function shiftDemoDates(text: string, now: Date): string[] {
  const lines = text.split('\n').filter((line) => line.trim());
  const dated = lines.map((line) => {
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      const at = typeof record.publishedAt === 'string' ? Date.parse(record.publishedAt) : NaN;
      return { line, record, at };
    } catch {
      return { line, record: null, at: NaN }; // left as is: the import rejects it with its line
    }
  });
  const newest = Math.max(...dated.map((d) => d.at).filter((at) => !Number.isNaN(at)));
  const shift = Number.isFinite(newest) ? Math.floor((now.getTime() - newest) / DAY_MS) * DAY_MS : 0;
  return dated.map(({ line, record, at }) =>
    record && !Number.isNaN(at) ? JSON.stringify({ ...record, publishedAt: new Date(at + shift).toISOString() }) : line,
  );
}

export async function importDemoPapers(deps: IngestDeps, file: string): Promise<IngestSummary> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('invalid_input', `cannot read the demo feed ${file}: ${error.code ?? error.message}`);
  });
  if (text.length > MAX_DEMO_BYTES)
    throw new AppError('invalid_input', `${file} is too large for a demo feed; use papers:import`);
  const lines = shiftDemoDates(text, ingestClock(deps));
  const chunks = {
    [Symbol.asyncIterator]: async function* () {
      yield `${lines.join('\n')}\n`;
    },
  };
  return runIngest(deps, {
    source: new PaperFileSource(chunks, { name: DEMO_SOURCE }),
    runName: DEMO_SOURCE,
    refreshSignals: true,
    replaceDates: true,
  });
}
