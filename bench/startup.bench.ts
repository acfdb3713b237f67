// Start-up time and resident memory of the API and the worker, compiled (node dist/...) against
// tsx (node --conditions=source --import tsx src/..., what `npm start` runs).
//   npm run build && npx tsx --conditions=source bench/startup.bench.ts [--runs=5] [--root=DIR]
// --root: the tree whose dist/ runs (e.g. a copy installed with `npm ci --omit=dev`, as the
// Docker image); the tsx runs always use this repository. Needs PostgreSQL and Redis on loopback
// (a database `paperboy_bench_startup` is created and migrated). Ready = the API's /readyz
// answers 200, the worker's /metrics answers (it starts serving once every queue's worker is
// created); RSS is read from /proc 2 s after ready.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(__dirname, '..');
const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const runs = Number(arg('runs', '5'));
const compiledRoot = path.resolve(arg('root', repo));
const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/paperboy_bench_startup';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  DATABASE_URL,
  REDIS_URL: 'redis://127.0.0.1:6379',
  REDIS_PREFIX: 'bench-startup',
  SECRET_KEY: 'b'.repeat(64),
  PUBLIC_URL: 'http://localhost:3990',
  PORT: '3990',
  SMTP_URL: 'smtp://127.0.0.1:2599',
  METRICS_PORT: '9490',
  // One process measured (the default, stated so that an environment's WORKER_PROCESSES cannot
  // put a primary in front, whose /metrics answers before its children have even loaded).
  WORKER_PROCESSES: '1',
};

type Variant = { name: string; cwd: string; args: string[]; ready: string };
const api = 'http://127.0.0.1:3990/readyz';
const worker = 'http://127.0.0.1:9490/metrics';
const variants: Variant[] = [
  { name: 'API, compiled', cwd: compiledRoot, args: ['apps/api/dist/main.js'], ready: api },
  { name: 'API, tsx', cwd: repo, args: ['--conditions=source', '--import', 'tsx', 'apps/api/src/main.ts'], ready: api },
  { name: 'worker, compiled', cwd: compiledRoot, args: ['apps/worker/dist/main.js'], ready: worker },
  {
    name: 'worker, tsx',
    cwd: repo,
    args: ['--conditions=source', '--import', 'tsx', 'apps/worker/src/main.ts'],
    ready: worker,
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function once(v: Variant): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, v.args, { cwd: v.cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${v.name} exited with ${child.exitCode}`);
      const ok = await fetch(v.ready).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (performance.now() - started > 60_000) throw new Error(`${v.name} not ready in 60 s`);
      await sleep(20);
    }
    const ms = performance.now() - started;
    await sleep(2000);
    return { ms, rss: rssMb(child.pid as number) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function prepareDatabase() {
  try {
    execFileSync('createdb', ['-h', '127.0.0.1', '-U', 'postgres', 'paperboy_bench_startup'], { stdio: 'ignore' });
  } catch {
    // already there
  }
  execFileSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=source', path.join(repo, 'packages/db/scripts/migrate.ts')],
    { env: { ...process.env, DATABASE_URL }, stdio: 'ignore' },
  );
}

Promise.resolve()
  .then(prepareDatabase)
  .then(async () => {
    console.log(`| ${runs} runs each (interleaved) | ready (median) | RSS after ready (median) | ready per run |`);
    console.log('| --- | --- | --- | --- |');
    const results = new Map(variants.map((v) => [v.name, [] as { ms: number; rss: number }[]]));
    for (let i = 0; i < runs; i++) for (const v of variants) results.get(v.name)?.push(await once(v));
    for (const v of variants) {
      const rs = results.get(v.name) ?? [];
      console.log(
        `| ${v.name} | ${(median(rs.map((r) => r.ms)) / 1000).toFixed(2)} s | ${median(rs.map((r) => r.rss)).toFixed(0)} MB | ${rs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s |`,
      );
    }
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
