// Measures streaming file import (read + parse + normalise, no database) on 100,000
// papers, as NDJSON and as one JSON list, each in a fresh process so peak RSS is its own.
// Run: npx tsx packages/papers/scripts/bench-file-import.ts [count]
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPaperFile } from '../src';
import { makeSamplePapers } from './make-samples';

async function writeFile(path: string, count: number, format: 'ndjson' | 'json'): Promise<void> {
  const templates = makeSamplePapers();
  const out = createWriteStream(path);
  if (format === 'json') out.write('[\n');
  for (let i = 0; i < count; i++) {
    const t = templates[i % templates.length]!;
    const id = `${2401 + Math.floor(i / 90_000)}.${10_000 + (i % 90_000)}v${1 + (i % 3)}`;
    const line = JSON.stringify({
      ...t,
      id,
      title: `${t.title} (${i})`,
      abstract: `${t.abstract} ${t.abstract} ${t.abstract}`,
      upvotes: i % 500,
    });
    const sep = format === 'json' ? (i + 1 < count ? ',\n' : '\n') : '\n';
    if (!out.write(line + sep)) await once(out, 'drain');
  }
  if (format === 'json') out.write(']\n');
  out.end();
  await once(out, 'finish');
}

async function measure(path: string): Promise<void> {
  const started = process.hrtime.bigint();
  let papers = 0;
  let rejected = 0;
  for await (const batch of readPaperFile(path, { batchSize: 1000 })) {
    papers += batch.papers.length;
    rejected += batch.rejected.length;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      papers,
      rejected,
      seconds: +seconds.toFixed(2),
      papersPerSecond: Math.round(papers / seconds),
      peakRssMb: +peakMb.toFixed(1),
    }),
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === 'measure') return measure(process.argv[3]!);
  const count = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'paperboy-bench-'));
  try {
    for (const format of ['ndjson', 'json'] as const) {
      const path = join(dir, `papers.${format}`);
      await writeFile(path, count, format);
      const mb = (statSync(path).size / 1024 / 1024).toFixed(1);
      // A fresh process per format: peak RSS then belongs to the import alone.
      const child = spawnSync(process.execPath, [...process.execArgv, __filename, 'measure', path], {
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(child.stderr);
      console.log(`${format} (${count} papers, ${mb} MB): ${child.stdout.trim()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
