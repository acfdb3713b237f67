// Matching with the database in the loop: 1,000,000 readers (1–8 topics each, Zipf over ~2,000
// distinct topics; the in-memory benchmark's data, same seed) stored in PostgreSQL, 1,000 new
// papers. Timed, each run in a fresh process (so peak RSS is the run's own):
//   1. matchNewPapers: followed keys (loose index scan) → topic index → matchPapers → upsert Match
//   2. rankEveryReader: the window's matches once, then every reader's topics streamed out of
//      PostgreSQL in keyset batches, each reader ranked (top 10 with reasons, minus delivered).
// Alternating with each run, the same ranking with the readers' topics taken from memory instead
// (same batches, same code, delivered papers still queried): the difference is what streaming the
// readers out of PostgreSQL costs.
// Run: npx tsx bench/matching-db.bench.ts  (options: --runs=3 --readers=1000000 --papers=1000
// --topics=2000 --batch=2000 --semi-space=0; --keep leaves the database, --reuse runs on a kept one
// without seeding; --semi-space=64 runs the measured processes with --max-semi-space-size=64).
// Uses the database paperboy_bench_matching, dropped at the end.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { memoryPhase, runPhase, type MemoryResult, type RunResult } from './matching-db-phases';
import { seed } from './matching-db-seed';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 3);
const SIZE = { readers: arg('readers', 1_000_000), papers: arg('papers', 1_000), topics: arg('topics', 2_000) };
const BATCH = arg('batch', 2_000);
const SEMI_SPACE = arg('semi-space', 0);
const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const NAME = 'paperboy_bench_matching';
const URL_ = SERVER.replace(/\/[^/]*$/, `/${NAME}`);
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
const SETTINGS = { url: URL_, size: SIZE, batch: BATCH };
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function child(phase: string): string {
  const tsx = require.resolve('tsx/cli');
  const flags = SEMI_SPACE > 0 && phase !== 'seed' ? [`--max-semi-space-size=${SEMI_SPACE}`] : [];
  return execFileSync(
    process.execPath,
    [...flags, tsx, '--conditions=source', __filename, `--phase=${phase}`, ...process.argv.slice(2)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
}

async function seedPhase(): Promise<void> {
  const admin = new Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${NAME}"`);
  await admin.end();
  const migrate = path.resolve(__dirname, '../packages/db/scripts/migrate.ts');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), '--conditions=source', migrate], {
    env: { ...process.env, DATABASE_URL: URL_ },
    stdio: 'pipe',
  });
  const client = new Client({ connectionString: URL_ });
  await client.connect();
  await seed(client, SIZE, (line) => console.log(line));
  const size = await client.query(
    `SELECT pg_size_pretty(pg_total_relation_size('"Topic"')) AS topic, pg_size_pretty(pg_database_size($1)) AS db`,
    [NAME],
  );
  console.log(
    `database size ${size.rows[0].db} (Topic table with indexes ${size.rows[0].topic}); seeding peak RSS ${peakRssMb().toFixed(0)} MB`,
  );
  await client.end();
}

async function main(): Promise<void> {
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}; ${SIZE.readers} readers, ${SIZE.papers} papers, ~${SIZE.topics} topics; batches of ${BATCH}${SEMI_SPACE ? `; --max-semi-space-size=${SEMI_SPACE}` : ''}`,
  );
  const s0 = performance.now();
  if (!process.argv.includes('--reuse')) {
    process.stdout.write(child('seed'));
    console.log(`seeded in ${((performance.now() - s0) / 1000).toFixed(1)} s (not part of the figures below)`);
  }
  const runs: RunResult[] = [];
  const memory: MemoryResult[] = [];
  try {
    for (let i = 1; i <= RUNS; i += 1) {
      const r = JSON.parse(child('run').trim().split('\n').pop() as string) as RunResult;
      runs.push(r);
      const m = JSON.parse(child('memory').trim().split('\n').pop() as string) as MemoryResult;
      memory.push(m);
      console.log(
        `run ${i} (load ${os.loadavg()[0]?.toFixed(1)}): total ${(r.totalMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU = match ${(r.matchMs / 1000).toFixed(2)} s (${r.topics} keys, ${r.matches} Match rows) + ` +
          `stream & rank ${(r.rankMs / 1000).toFixed(2)} s (${r.readers} readers, ${r.papersOut} papers out; ranking ${(r.rankCpuMs / 1000).toFixed(2)} s, ` +
          `waiting for reader batches ${(r.waitMs / 1000).toFixed(2)} s); ${(r.readers / (r.totalMs / 1000)).toFixed(0)} readers/s; peak RSS ${r.peakRssMb.toFixed(0)} MB\n` +
          `       same ranking, readers from memory: ${(m.rankMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU (${m.readers} readers, ${m.papersOut} papers out; peak RSS ${m.peakRssMb.toFixed(0)} MB, the generated readers included)`,
      );
    }
  } finally {
    if (!process.argv.includes('--keep')) {
      const admin = new Client({ connectionString: SERVER });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${NAME}" WITH (FORCE)`);
      await admin.end();
    }
  }
  const pick = (f: (r: RunResult) => number) => median(runs.map(f));
  console.log(
    `\nmedian of ${RUNS} runs: ${(pick((r) => r.totalMs) / 1000).toFixed(2)} s for ${SIZE.readers} readers from PostgreSQL ` +
      `(match ${(pick((r) => r.matchMs) / 1000).toFixed(2)} s, stream & rank ${(pick((r) => r.rankMs) / 1000).toFixed(2)} s; ${(pick((r) => r.cpuMs) / 1000).toFixed(2)} s CPU); ` +
      `peak RSS ${Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0)} MB (max of runs); ` +
      `ranking with readers from memory ${(median(memory.map((m) => m.rankMs)) / 1000).toFixed(2)} s (${(median(memory.map((m) => m.cpuMs)) / 1000).toFixed(2)} s CPU) → streaming from PostgreSQL adds ` +
      `${((pick((r) => r.rankMs) - median(memory.map((m) => m.rankMs))) / 1000).toFixed(2)} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

const phase = process.argv.find((a) => a.startsWith('--phase='))?.split('=')[1];
const print = (result: unknown): void => console.log(JSON.stringify(result));
(phase === 'run'
  ? runPhase(SETTINGS).then(print)
  : phase === 'memory'
    ? memoryPhase(SETTINGS).then(print)
    : phase === 'seed'
      ? seedPhase()
      : main()
).catch((error) => {
  console.error(error);
  process.exit(1);
});
