// Importing 100,000 papers from NDJSON into Postgres (batched upsert, counters, cursor and
// match hand-off per batch), each measured in a fresh process so peak RSS is the import's
// own; then the same file again (everything unchanged), and the naive way (one Prisma upsert
// + one signal insert per paper) on a sample, scaled. Fresh databases from the migrated
// template; the file lives in /tmp. Run: npx tsx bench/ingest-import.bench.ts [count] [--naive-sample=2000]
// [--batch-size=500] [--gc-every=1000] [--only-fast]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@paperboy/db/testing';
import { makeSamplePapers } from '../packages/papers/scripts/make-samples';
import { measureFastImport, measureNaiveImport, type Measured } from './ingest-import.measure';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const COUNT = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const NAIVE_SAMPLE = arg('naive-sample', 2_000);
// Import knobs (defaults: importPaperFile's own): records per batch, full GC every N papers (0: off).
const TUNING = process.argv.filter((a) => /^--(batch-size|gc-every)=\d+$/.test(a));

/** Realistic records: the demo feed's texts (abstract tripled, ~1.1 KB a line), distinct ids. */
async function writeNdjson(path: string, count: number): Promise<void> {
  const templates = makeSamplePapers();
  const out = createWriteStream(path);
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length]!;
    const id = `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}`;
    const line = JSON.stringify({
      ...t,
      id,
      title: `${t.title} (${i})`,
      abstract: `${t.abstract} ${t.abstract} ${t.abstract}`,
      upvotes: i % 500,
    });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs one measurement in a fresh Node process and returns what it printed. */
function inChild(mode: string, ...args: string[]): Measured {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, mode, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  if (child.status !== 0) throw new Error(`${mode} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Measured;
}

const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === 'fast') {
    const tuning = {
      batchSize: arg('batch-size', NaN) || undefined,
      gcEveryPapers: Number.isNaN(arg('gc-every', NaN)) ? undefined : arg('gc-every', 0),
    };
    return void console.log(JSON.stringify(await measureFastImport(rest[0]!, rest[1]!, tuning)));
  }
  if (mode === 'naive')
    return void console.log(JSON.stringify(await measureNaiveImport(rest[0]!, rest[1]!, Number(rest[2]))));

  const dir = mkdtempSync(join(os.tmpdir(), 'paperboy-ingest-bench-'));
  const fastDb = await createTestDatabase();
  const naiveDb = await createTestDatabase();
  try {
    const file = join(dir, 'papers.ndjson');
    await writeNdjson(file, COUNT);
    const mb = statSync(file).size / 1024 / 1024;
    const first = inChild('fast', fastDb.url, file, ...TUNING);
    const again = inChild('fast', fastDb.url, file, ...TUNING);
    if (process.argv.includes('--only-fast')) return void console.log(JSON.stringify({ first, again }));
    const naive = inChild('naive', naiveDb.url, file, String(NAIVE_SAMPLE));
    const naiveScaled = (naive.seconds / naive.papers) * COUNT;
    console.log(
      `machine: ${os.cpus().length} vCPU ${os.cpus()[0]?.model ?? ''}, Node ${process.version}, file ${fmt(COUNT)} papers (${mb.toFixed(0)} MB NDJSON)`,
    );
    console.log(
      `load average before: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log('| import | papers | wall time | rate | importer CPU | peak RSS | rows written |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    const row = (name: string, m: Measured, time = `${m.seconds.toFixed(1)} s`) =>
      console.log(
        `| ${name} | ${fmt(m.papers)} | ${time} | ~${fmt(Math.round(m.papers / m.seconds))}/s | ${m.cpuSeconds.toFixed(1)} s | ${m.peakRssMb.toFixed(0)} MB | ${m.detail} |`,
      );
    row('batched upsert, empty table', first);
    row('same file again (all unchanged)', again);
    row(`naive per-row Prisma upsert (sample of ${fmt(naive.papers)})`, naive);
    console.log(
      `| naive, scaled to ${fmt(COUNT)} | ${fmt(COUNT)} | ~${(naiveScaled / 60).toFixed(1)} min | | | | ${(naiveScaled / first.seconds).toFixed(0)}× the batched wall time |`,
    );
  } finally {
    await fastDb.drop();
    await naiveDb.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
