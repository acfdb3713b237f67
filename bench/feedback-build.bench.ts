// The digest build with learning on and off, in one run on one database (issue 13): the build
// job's work (buildDigests, batches of 200 readers, as the worker runs it) for the same readers
// and period three ways:
//   off   — nobody has voted: today's build (one extra indexed query per batch);
//   cold  — every reader has VOTES votes and no model yet: each model is fitted in the build;
//   warm  — the models are stored and the votes unchanged: loaded, not refitted.
// Between runs the deliveries are emptied, so each run builds the same digests from scratch;
// off and warm alternate ROUNDS times (the votes are set aside and put back unchanged; which of
// the two goes first swaps every round) and the median of each is reported, as a shared
// machine's load swings from one run to the next, with the median of the rounds' warm ÷ off.
// Each kind runs once unmeasured first (the build worker is a long-lived process: its code is
// compiled and its caches warm), and the garbage of the previous run is collected before each
// run, so neither kind pays the other's (a major collection landed in whichever run crossed
// the heap's limit). That forced collection cost V8 much of its optimised code: ~150 functions
// were optimised again in every run, on V8's helper threads, ~100 µs of CPU per reader in both
// kinds, where a long-lived worker collects fully only every few tens of thousands of readers.
// So after it two batches are built unmeasured (and emptied again) before the timed build.
// The deliveries (and, for off, the votes) are TRUNCATEd between runs, so every run starts
// from the same tables, with no dead rows and no statistics saying "empty":
// DELETE + VACUUM (session 8's way) left the planner sure DeliveryPaper was empty while each
// run filled it, and the received-papers statement then scanned the whole table once per reader
// (~140 ms per batch of 200 instead of ~1 ms, most of Postgres's share of the build).
// Reports wall time, this process's CPU (and of it, V8's helper threads: garbage collection and
// optimising compilation off the main thread) and the CPU of the Postgres backends serving the
// run's database (from /proc: the rest of what the build job costs the machine) per reader.
// Data: bench/digest-send.data.ts (readers following 1–4 of 40 topics).
// Each run's digests are fingerprinted (a SHA-256 of every DeliveryPaper row: reader, paper,
// rank, score, reason): a change to the learning code that claims "same results" must print the
// same fingerprints as before it. --profile=DIR writes a CPU profile of each off and warm run.
//   npx tsx --conditions=source bench/feedback-build.bench.ts [--readers=2000] [--votes=10] [--rounds=3] [--profile=DIR]
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Session } from 'node:inspector/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '@paperboy/config';
import { buildDigests } from '@paperboy/core';
import { createTestDatabase } from '@paperboy/db/testing';
import { createQueues, createRedis } from '@paperboy/queue';
import { seedBenchData } from './digest-send.data';
import { CpuTally, statCpuSeconds } from './morning-procs';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const READERS = arg('readers', 2000);
const VOTES = arg('votes', 10);
const ROUNDS = arg('rounds', 3);
const BATCH = 200;
/** Readers built unmeasured after each run's forced collection (two batches). */
const REWARM = 2 * BATCH;
const PROFILE_DIR = process.argv.find((a) => a.startsWith('--profile='))?.split('=')[1];
// A full collection before each run (see the header); exposed at run time so the command stays the same.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU milliseconds of this process's threads other than the main one (V8's platform workers,
 * libuv's pool), from /proc: process.cpuUsage() counts them all. */
function helperThreadsMs(): number {
  let seconds = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    if (tid === String(process.pid)) continue;
    try {
      seconds += statCpuSeconds(`/proc/self/task/${tid}/stat`);
    } catch {
      // the thread ended between listing and reading
    }
  }
  return seconds * 1000;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const prefix = `feedback-build-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, REDIS_PREFIX: prefix });
  // One clock for seeding and every build: recency scores, hence the digests, are the same from
  // run to run and from one invocation to the next (the fingerprints can be compared).
  const builtAt = new Date(Date.UTC(2026, 11, 6, 6));
  await seedBenchData(database.db, READERS, 'topics_trending', builtAt);
  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, prefix);
  const quiet = { ...queues, 'digest-send': { addBulk: async () => [] } } as never;
  const db = database.db;
  const ids = (await db.subscriber.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
  const papers = (await db.paper.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((p) => p.id);

  const session = PROFILE_DIR ? new Session() : undefined;
  if (session && PROFILE_DIR) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    session.connect();
    await session.post('Profiler.enable');
  }
  let profiled = 0;
  const backendPids = async () =>
    (await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`).map(
      (r) => r.pid,
    );
  async function fingerprint(): Promise<string> {
    const rows = await db.$queryRaw<{ s: number; p: number; r: number; sc: number; why: string }[]>`
      SELECT "subscriberId" AS s, "paperId" AS p, rank AS r, score AS sc, reason AS why FROM "DeliveryPaper" ORDER BY 1, 2`;
    const hash = createHash('sha256');
    for (const x of rows) hash.update(`${x.s} ${x.p} ${x.r} ${x.sc} ${x.why}\n`);
    return hash.digest('hex').slice(0, 16);
  }

  /** The build job's work for these readers, in batches as the worker runs it: papers carried. */
  async function build(readers: number[]): Promise<number> {
    let carried = 0;
    for (let i = 0; i < readers.length; i += BATCH) {
      const results = await buildDigests(
        { db, config, queues: quiet, now: () => builtAt },
        readers.slice(i, i + BATCH).map((subscriberId) => ({ subscriberId, periodKey: 'd2026-12-06' })),
      );
      for (const r of results) if ('papers' in r) carried += r.papers;
    }
    return carried;
  }

  async function run(
    name: string,
    profile?: string,
    rewarm = true,
  ): Promise<{
    name: string;
    wallMs: number;
    cpuMs: number;
    helperMs: number;
    pgMs: number;
    papers: number;
    digests: string;
  }> {
    await db.$executeRawUnsafe('TRUNCATE "DeliveryPaper", "Delivery"');
    collectGarbage();
    // The forced collection costs V8 much of its optimised code: rebuilt unmeasured on a couple of
    // batches, so the run is timed as a long-lived worker runs (see the header). Not before the
    // cold run: it would fit and store those readers' models, leaving them out of what it times.
    if (rewarm) {
      await build(ids.slice(0, REWARM));
      await db.$executeRawUnsafe('TRUNCATE "DeliveryPaper", "Delivery"');
    }
    const postgres = new CpuTally();
    postgres.begin(await backendPids());
    if (session && profile) await session.post('Profiler.start');
    const h0 = helperThreadsMs();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const carried = await build(ids);
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const helperMs = helperThreadsMs() - h0;
    postgres.update(await backendPids());
    if (session && profile && PROFILE_DIR) {
      const { profile: data } = await session.post('Profiler.stop');
      profiled += 1;
      writeFileSync(`${PROFILE_DIR}/${profile}-${profiled}.cpuprofile`, JSON.stringify(data));
    }
    const cpuMs = (c.user + c.system) / 1000;
    const pgMs = postgres.seconds() * 1000;
    return { name, wallMs, cpuMs, helperMs, pgMs, papers: carried, digests: await fingerprint() };
  }

  await run('warm-up (JIT, caches)');
  // Every reader votes on VOTES papers, a third "more like this".
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const votes = ids.flatMap((subscriberId) => {
    const chosen = new Set(Array.from({ length: VOTES }, () => papers[Math.floor(rand() * papers.length)] as number));
    return [...chosen].map((paperId) => ({ subscriberId, paperId, value: rand() < 0.34 ? 1 : -1 }));
  });
  for (let i = 0; i < votes.length; i += 10_000) await db.vote.createMany({ data: votes.slice(i, i + 10_000) });
  await db.$executeRawUnsafe('CREATE TABLE bench_votes AS SELECT * FROM "Vote"');
  await db.$executeRawUnsafe('ANALYZE');
  const cold = await run(`on, cold: ${VOTES} votes each, every model fitted in the build`, undefined, false);
  const models = await db.readerModel.count();
  const offRun = async (profile?: string) => {
    await db.$executeRawUnsafe('TRUNCATE "Vote"');
    const r = await run('off: no votes (today)', profile);
    await db.$executeRawUnsafe('INSERT INTO "Vote" SELECT * FROM bench_votes');
    return r;
  };
  const warmRun = (profile?: string) => run('on, warm: models stored, votes unchanged', profile);
  await warmRun();
  const offs: Awaited<ReturnType<typeof run>>[] = [];
  const warms: Awaited<ReturnType<typeof run>>[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      offs.push(await offRun('off'));
      warms.push(await warmRun('warm'));
    } else {
      warms.push(await warmRun('warm'));
      offs.push(await offRun('off'));
    }
  }
  if ((await db.readerModel.count()) !== models) throw new Error('warm runs refitted models');
  for (const runs of [offs, warms])
    if (new Set(runs.map((r) => r.digests)).size !== 1) throw new Error('runs of one kind built different digests');
  const median = (runs: Awaited<ReturnType<typeof run>>[]) => {
    const at = (k: 'wallMs' | 'cpuMs' | 'helperMs' | 'pgMs') =>
      [...runs.map((r) => r[k])].sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
    return {
      ...(runs[0] as Awaited<ReturnType<typeof run>>),
      wallMs: at('wallMs'),
      cpuMs: at('cpuMs'),
      helperMs: at('helperMs'),
      pgMs: at('pgMs'),
    };
  };
  const off = median(offs);
  const warm = median(warms);
  const sizes = await db.$queryRaw<{ avg: number; max: number }[]>`
    SELECT avg(length(weights))::float AS avg, max(length(weights))::int AS max FROM "ReaderModel"`;

  const per = (ms: number) => `${((ms * 1000) / ids.length).toFixed(0)} µs`;
  console.log(
    `${ids.length} readers, ${papers.length} papers, batches of ${BATCH}; ${models} models fitted; off and warm: median of ${ROUNDS} alternating runs`,
  );
  console.log(
    '| build | wall per reader | CPU (this process) per reader | CPU (Postgres, this db) per reader | × off (wall) | × off (CPU) | × off (CPU, both) | papers carried | digests (fingerprint) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of [off, cold, warm])
    console.log(
      `| ${r.name} | ${per(r.wallMs)} | ${per(r.cpuMs)} | ${per(r.pgMs)} | ${(r.wallMs / off.wallMs).toFixed(2)} | ${(r.cpuMs / off.cpuMs).toFixed(2)} | ${((r.cpuMs + r.pgMs) / (off.cpuMs + off.pgMs)).toFixed(2)} | ${r.papers} | ${r.digests} |`,
    );
  type Run = Awaited<ReturnType<typeof run>>;
  const rounds = (rs: Run[], k: 'wallMs' | 'cpuMs' | 'helperMs' | 'pgMs') => rs.map((r) => per(r[k])).join(', ');
  console.log(`rounds, wall: off ${rounds(offs, 'wallMs')}; warm ${rounds(warms, 'wallMs')}`);
  console.log(`rounds, CPU: off ${rounds(offs, 'cpuMs')}; warm ${rounds(warms, 'cpuMs')}`);
  console.log(
    `rounds, CPU of it on V8's helper threads: off ${rounds(offs, 'helperMs')}; warm ${rounds(warms, 'helperMs')}`,
  );
  console.log(`rounds, CPU (Postgres): off ${rounds(offs, 'pgMs')}; warm ${rounds(warms, 'pgMs')}`);
  const roundRatios = (label: string, cost: (r: Run) => number) => {
    const ratios = warms.map((w, i) => cost(w) / cost(offs[i] as Run)).sort((a, b) => a - b);
    console.log(
      `warm ÷ off round by round (${label}): median ${(ratios[Math.floor(ratios.length / 2)] as number).toFixed(2)} (${ratios.map((x) => x.toFixed(2)).join(', ')})`,
    );
  };
  const pooled = (cost: (r: Run) => number) =>
    (warms.reduce((a, r) => a + cost(r), 0) / offs.reduce((a, r) => a + cost(r), 0)).toFixed(2);
  console.log(
    `warm ÷ off, all rounds pooled: CPU ${pooled((r) => r.cpuMs)}, CPU with Postgres ${pooled((r) => r.cpuMs + r.pgMs)}, wall ${pooled((r) => r.wallMs)}`,
  );
  roundRatios('CPU', (r) => r.cpuMs);
  roundRatios('CPU, this process and Postgres', (r) => r.cpuMs + r.pgMs);
  roundRatios('wall', (r) => r.wallMs);
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const fitUs = ((cold.cpuMs - warm.cpuMs) * 1000) / ids.length;
  console.log(
    `fitting a model: ≈ ${fitUs.toFixed(0)} µs CPU per reader (cold − warm) → ${((fitUs * 1e6) / 1e6 / 60).toFixed(1)} CPU minutes per 1 M readers who all changed their votes; stored model ${sizes[0]?.avg.toFixed(0)} chars on average, ${sizes[0]?.max} at most`,
  );
  redis.disconnect();
  await database.drop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
