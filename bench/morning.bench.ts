// The morning (issue 16): N readers (default 1,000,000) through the production path at
// production defaults. A fresh database of its own is seeded once (bench/morning-seed.ts: readers
// in 24 time zones at 08:00 local, the send benchmark's topic mix, a day of papers and their
// matches) and cloned for each run (CREATE DATABASE … TEMPLATE); each run starts a Redis of its
// own, the SMTP sink in its own process (bench/digest-send.sink.ts, it only counts) and the
// worker as 1 or 2 separate processes (`node apps/worker/dist/main.js`, compiled, NODE_ENV=production),
// then drives the real digest-schedule job → digest-build → digest-send through those workers.
//
// The simulated clock: the schedule fires by time zone (readers are due at 08:00 in their own
// zone), so a real morning spreads 1 M readers over 24 h. The bench sends the worker's own
// digest-schedule job with its `now` payload set to each minute of the simulated day (the day
// after seeding) at which readers are due, in order, each as soon as the previous one has
// finished: the whole day's slots arrive back to back, the worst case of a day, and what is
// timed is how fast the production path gets through it. The minutes nobody is due are left out
// (their jobs find no reader). The worker's every-minute scheduler keeps running on the real
// clock beside it and finds nobody due (the simulated day is tomorrow).
//
// Run: npm run bench:morning -- [--readers=1000000] [--workers=1,2] [--dkim=off,on] [--papers=400]
//   (builds first; or `npx tsx --conditions=source bench/morning.bench.ts …` after `npm run build`)
//   --keep leaves the seeded template database (paperboy_bench_morning_seed) for the next
//   invocation with the same --readers/--papers, which then skips seeding; --reseed forces it.
// Output: a JSON report and a markdown table (stdout, and report.json / report.md in the run's
// temporary folder, beside the workers' logs and the samples). Throws unless every reader got
// exactly one digest: sink messages = distinct Message-IDs = `sent` rows = readers.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Job, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import { composeThreads } from '@paperboy/config';
import { closeQueues, createQueues, createRedis, jobId, QUEUE } from '@paperboy/queue';
import { cpuPerDigest, markdownTable, onceEachProblems, peaks, type RunRow, stageFigure, thin } from './morning-plan';
import {
  CpuTally,
  cpuSeconds,
  freePort,
  loadAverage,
  machineCpuSeconds,
  memoryMb,
  type Started,
  startRedis,
  startSink,
  startWorker,
} from './morning-procs';
import { seedMorning } from './morning-seed';

const argOf = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const READERS = Number(argOf('readers') ?? 1_000_000);
const PAPERS = Number(argOf('papers') ?? 400);
const WORKERS = (argOf('workers') ?? '1').split(',').map(Number);
const DKIM = (argOf('dkim') ?? 'off').split(',').map((v) => v === 'on');
const SAMPLE_MS = Number(argOf('sample-ms') ?? 1000);
/** No message for this long while digests are owed: the run has stalled (throws with the queue state). */
const STALL_MS = Number(argOf('stall-seconds') ?? 300) * 1000;
const SERVER = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SEED_DB = 'paperboy_bench_morning_seed';
const RUN_DB = 'paperboy_bench_morning';
const urlOf = (name: string) => SERVER.replace(/\/[^/]*$/, `/${name}`);
const PREFIX = 'paperboy'; // REDIS_PREFIX's default: the Redis is the run's own
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What differs from a production deployment's defaults, and why (printed beside the figures). */
const OVERRIDES: Record<string, string> = {
  SEND_RATE_PER_SECOND:
    '100000 (default 100): the cap is the relay contract, not the service; at 100/s a million readers take 2.8 h by design, and the bench measures what the path can do',
  INGEST_SCHEDULE:
    'off (production default on): no pulls from Hugging Face/arXiv during the run; the day of papers is seeded',
  METRICS_PORT: 'a free port per worker (default 9464): two workers on one host cannot share one port',
  SEND_COMPOSE_THREADS:
    "what its default (auto) gives WORKER_PROCESSES=N on this machine, N the run's worker processes: 1 where N is below the cores, else 0. The bench starts each worker as a process of its own (WORKER_PROCESSES=1 each), where auto would give every one a thread",
  SMTP_URL: 'smtp:// to the loopback sink, no STARTTLS (a relay would be smtps:// or STARTTLS)',
  schedule:
    "the digest-schedule job gets its `now` payload: each due minute of the simulated day, back to back, instead of the every-minute scheduler's real clock (see the header of bench/morning.bench.ts)",
  readers:
    'all daily, DIGEST_HOUR 8 (default), digest mode topics_trending (default), none has voted or received a digest before; updatedAt at the start of the simulated day, so the reconcile sweep owes them no earlier period',
  Redis:
    "the run's own redis-server (appendonly yes, noeviction, as README asks), so its CPU and memory are the run's alone",
  PostgreSQL:
    "the machine's shared server and its settings (other databases on it are other sessions'); a database of the run's own",
  DKIM: 'runs with it on: a 2048-bit RSA key generated per run, DKIM_DOMAIN example.org, selector bench',
  autovacuum:
    "compensated when the server runs with autovacuum = off (this machine's configuration): the bench then does autovacuum's ANALYZE itself, once a minute, on each table changed by more than 50 + 10 % of its rows (the defaults), on a connection counted as autovacuum's CPU; not its VACUUM",
};

interface SeedInfo {
  readers: number;
  papers: number;
  dayStart: string;
  seededAt: string;
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The seeded template of an earlier `--keep` invocation, if it fits this one. */
async function reusableSeed(): Promise<SeedInfo | undefined> {
  if (process.argv.includes('--reseed')) return undefined;
  const comment = await admin(async (c) => {
    const r = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [SEED_DB],
    );
    return r.rows[0]?.comment ?? undefined;
  });
  if (!comment) return undefined;
  const info = JSON.parse(comment) as SeedInfo;
  const fresh = new Date(info.dayStart).getTime() > Date.now() + 3600_000;
  return info.readers === READERS && info.papers === PAPERS && fresh ? info : undefined;
}

async function seed(): Promise<SeedInfo> {
  const reused = await reusableSeed();
  if (reused) {
    console.log(`seed: reusing ${SEED_DB} (${reused.readers} readers, seeded ${reused.seededAt})`);
    return reused;
  }
  const started = performance.now();
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${SEED_DB}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${SEED_DB}"`);
  });
  execFileSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=source', path.resolve(__dirname, '../packages/db/scripts/migrate.ts')],
    { env: { ...process.env, DATABASE_URL: urlOf(SEED_DB) }, stdio: 'pipe' },
  );
  const now = new Date();
  // The simulated day: tomorrow from the next whole hour, so no slot of it has passed in real time.
  const dayStart = new Date(Math.ceil(now.getTime() / 3600_000) * 3600_000 + 86_400_000);
  const client = new Client({ connectionString: urlOf(SEED_DB) });
  await client.connect();
  console.log(`seed: ${READERS} readers, ${PAPERS} papers; simulated day from ${dayStart.toISOString()}`);
  const result = await seedMorning(client, urlOf(SEED_DB), { readers: READERS, papers: PAPERS, dayStart, now }, (l) =>
    console.log(l),
  );
  const info: SeedInfo = {
    readers: READERS,
    papers: PAPERS,
    dayStart: dayStart.toISOString(),
    seededAt: now.toISOString(),
  };
  await client.end();
  await admin((c) => c.query(`COMMENT ON DATABASE "${SEED_DB}" IS '${JSON.stringify(info)}'`));
  const size = await admin((c) => c.query<{ mb: number }>(`SELECT pg_database_size($1) / 1048576 AS mb`, [SEED_DB]));
  console.log(
    `seed: done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.topicRows} reader topics, ${result.matches} matches over ${result.matchedTopics} of 40 topics, ${result.dueInstants} due minutes, ${size.rows[0]?.mb} MB`,
  );
  return info;
}

interface Sample {
  t: number;
  buildWaiting: number;
  buildActive: number;
  sendWaiting: number;
  sendActive: number;
  received: number;
  redisMb: number;
  workersRssMb: number;
  sinkRssMb: number;
  load: number;
}

/**
 * What autovacuum's analyse part would do now (autovacuum_analyze_threshold 50 and
 * autovacuum_analyze_scale_factor 0.1, the defaults): ANALYZE each table of the database changed
 * by more than 50 + 10 % of its rows since its last analyse. Returns the tables analysed.
 */
async function analyzeAsAutovacuumWould(client: Client): Promise<string[]> {
  const due = await client.query<{ name: string }>(
    `SELECT s.relname AS name FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
      WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) ORDER BY 1`,
  );
  for (const { name } of due.rows) await client.query(`ANALYZE "${name.replaceAll('"', '""')}"`);
  return due.rows.map((r) => r.name);
}

async function run(workers: number, dkim: boolean, outDir: string) {
  const tag = `w${workers}-dkim-${dkim ? 'on' : 'off'}`;
  const dir = path.join(outDir, tag);
  mkdirSync(dir, { recursive: true });
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${RUN_DB}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${RUN_DB}" TEMPLATE "${SEED_DB}"`);
  });
  const stops: (() => Promise<void>)[] = [];
  const pg = new Client({ connectionString: urlOf(RUN_DB) });
  await pg.connect();
  try {
    const redisServer = await startRedis(dir);
    stops.push(redisServer.stop);
    const sink = await startSink();
    stops.push(sink.stop);
    const key = dkim
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString()
      : undefined;
    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: urlOf(RUN_DB),
      REDIS_URL: redisServer.url,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      PUBLIC_URL: 'https://paperboy.example.org',
      SECRET_KEY: randomBytes(24).toString('base64'),
      SEND_RATE_PER_SECOND: '100000',
      INGEST_SCHEDULE: 'off',
      // What "auto" gives this many worker processes on this machine (see OVERRIDES).
      SEND_COMPOSE_THREADS: String(composeThreads('auto', workers, os.availableParallelism())),
      ...(key ? { DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'bench', DKIM_PRIVATE_KEY: key } : {}),
    };
    const procs: Started[] = [];
    for (let i = 1; i <= workers; i++) {
      const w = startWorker({ ...env, METRICS_PORT: String(await freePort()) }, path.join(dir, `worker-${i}.log`));
      procs.push(w);
      stops.push(w.stop);
      w.child.once('exit', (code) => {
        if (code) console.error(`worker ${i} exited with ${code}: see ${dir}/worker-${i}.log`);
      });
    }
    const redis = createRedis(redisServer.url);
    const queues = createQueues(redis, PREFIX);
    const { hostname, port } = new URL(redisServer.url);
    const events = new QueueEvents(QUEUE.digestSchedule, {
      connection: { host: hostname, port: Number(port) },
      prefix: PREFIX,
    });
    stops.push(async () => {
      await events.close();
      await closeQueues(queues);
      redis.disconnect();
    });
    await events.waitUntilReady();
    // Ready: every process's schedule, build and send workers registered; the start-up association job done.
    for (const deadline = Date.now() + 120_000; ; await sleep(200)) {
      const counts = await Promise.all(
        [QUEUE.digestSchedule, QUEUE.digestBuild, QUEUE.digestSend].map((q) => queues[q].getWorkersCount()),
      );
      // (Its daily scheduler keeps one delayed job: only a waiting or running one is the start-up job.)
      const assoc = await queues[QUEUE.associationsRebuild].getJobCounts('waiting', 'active');
      if (Math.min(...counts) >= workers && Object.values(assoc).every((n) => n === 0)) break;
      if (procs.some((p) => p.child.exitCode !== null)) throw new Error(`a worker exited at start: see ${dir}`);
      if (Date.now() > deadline) throw new Error(`workers not ready after 120 s: see ${dir}`);
    }

    const own = (await pg.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    // This machine's PostgreSQL runs with autovacuum = off (its configuration, not production's):
    // nothing would analyse Delivery and DeliveryPaper while the morning adds millions of rows to
    // them, and the planner would go on planning from the seeded template's empty tables - which
    // no production server does (run 3 of the first 1 M attempt fell from ~330 to ~80 digests/s
    // that way, BENCHMARKS.md "The morning"). So when autovacuum is off the bench does its
    // ANALYZE part once a minute (autovacuum_naptime), on a connection of its own whose CPU counts
    // as autovacuum's (overrides: "autovacuum").
    const autovacuumOff = (await pg.query<{ autovacuum: string }>('SHOW autovacuum')).rows[0]?.autovacuum === 'off';
    const analyzer = autovacuumOff ? new Client({ connectionString: urlOf(RUN_DB) }) : undefined;
    if (analyzer) {
      await analyzer.connect();
      stops.push(() => analyzer.end());
    }
    const analyzerPid = analyzer
      ? (await analyzer.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid
      : undefined;
    // The database's backends: client connections, and autovacuum workers (counted apart: the
    // tables growing by a million rows get vacuumed and analysed during the morning).
    const backends = async () => {
      const rows = (
        await pg.query<{ pid: number; autovacuum: boolean }>(
          `SELECT pid, backend_type = 'autovacuum worker' OR pid = $3 AS autovacuum
             FROM pg_stat_activity WHERE datname = $1 AND pid <> $2`,
          [RUN_DB, own, analyzerPid ?? -1],
        )
      ).rows;
      return {
        clients: rows.filter((r) => !r.autovacuum).map((r) => r.pid),
        autovacuum: rows.filter((r) => r.autovacuum).map((r) => r.pid),
      };
    };
    const due = (
      await pg.query<{ at: string; n: number }>(
        `SELECT to_char("nextDigestAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, count(*)::int AS n
           FROM "Subscriber" WHERE status = 'active' GROUP BY 1 ORDER BY 1`,
      )
    ).rows;
    const dbSize = async () =>
      Math.round(
        Number((await pg.query<{ b: string }>('SELECT pg_database_size(current_database()) AS b')).rows[0]?.b) /
          1048576,
      );
    const dbMbBefore = await dbSize();

    // Baselines: CPU from here on is the morning's.
    const workerPids = procs.map((p) => p.child.pid as number);
    const workerCpu0 = workerPids.map(cpuSeconds);
    const sinkCpu0 = (await sink.count()).cpuSeconds;
    const redisPid = redisServer.child.pid as number;
    const redisCpu0 = cpuSeconds(redisPid);
    const pgTally = new CpuTally();
    const vacuumTally = new CpuTally();
    const backends0 = await backends();
    pgTally.begin(backends0.clients);
    vacuumTally.begin(backends0.autovacuum);
    const machine0 = machineCpuSeconds();
    const bench0 = process.cpuUsage();
    const load0 = loadAverage();
    const epoch0 = Date.now();
    const t0 = performance.now();
    const since = () => Math.round(performance.now() - t0);

    const samples: Sample[] = [];
    let sampling = true;
    const analyses: { t: number; tables: string[] }[] = [];
    const analyzing = (async () => {
      if (!analyzer) return;
      for (let last = performance.now(); sampling; await sleep(1000)) {
        if (performance.now() - last < 60_000) continue;
        last = performance.now();
        const tables = await analyzeAsAutovacuumWould(analyzer);
        if (tables.length) analyses.push({ t: since(), tables });
      }
    })();
    const samplesFile = path.join(dir, 'samples.ndjson');
    const sampler = (async () => {
      while (sampling) {
        const [b, s, count, info, pids] = await Promise.all([
          queues[QUEUE.digestBuild].getJobCounts('waiting', 'prioritized', 'delayed', 'active'),
          queues[QUEUE.digestSend].getJobCounts('waiting', 'prioritized', 'delayed', 'active'),
          sink.count(),
          redis.info('memory'),
          backends(),
        ]);
        pgTally.update(pids.clients);
        vacuumTally.update(pids.autovacuum);
        const sample: Sample = {
          t: since(),
          buildWaiting: (b.waiting ?? 0) + (b.prioritized ?? 0) + (b.delayed ?? 0),
          buildActive: b.active ?? 0,
          sendWaiting: (s.waiting ?? 0) + (s.prioritized ?? 0) + (s.delayed ?? 0),
          sendActive: s.active ?? 0,
          received: count.received,
          redisMb: Math.round(Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 1048576),
          workersRssMb: workerPids.reduce((sum, pid) => sum + memoryMb(pid).now, 0),
          sinkRssMb: Math.round(count.rssMb),
          load: loadAverage(),
        };
        samples.push(sample);
        appendFileSync(samplesFile, `${JSON.stringify(sample)}\n`);
        await sleep(SAMPLE_MS);
      }
    })();

    // The simulated day: one schedule job per due minute, in order, each after the previous.
    let scheduled = 0;
    let scheduleFrom = Number.POSITIVE_INFINITY;
    let scheduleTo = 0;
    for (const { at } of due) {
      const job = await queues[QUEUE.digestSchedule].add('schedule', { now: at }, { jobId: jobId('morning', at) });
      const result = (await job.waitUntilFinished(events, 600_000)) as { enqueued: number };
      scheduled += result.enqueued;
      const done = await Job.fromId(queues[QUEUE.digestSchedule], job.id as string);
      scheduleFrom = Math.min(scheduleFrom, (done?.processedOn ?? epoch0) - epoch0);
      scheduleTo = Math.max(scheduleTo, (done?.finishedOn ?? Date.now()) - epoch0);
    }
    console.log(
      `${tag}: ${due.length} schedule jobs queued ${scheduled} readers' builds in ${(since() / 1000).toFixed(1)} s`,
    );

    // To the last message.
    let received = 0;
    let lastProgress = performance.now();
    while (received < READERS) {
      const now = (await sink.count()).received;
      if (now > received) lastProgress = performance.now();
      received = now;
      if (performance.now() - lastProgress > STALL_MS) {
        const state = await pg.query(`SELECT status, count(*)::int AS n FROM "Delivery" GROUP BY 1`);
        throw new Error(`stalled at ${received} of ${READERS} messages; deliveries: ${JSON.stringify(state.rows)}`);
      }
      if (procs.some((p) => p.child.exitCode !== null)) throw new Error(`a worker exited: see ${dir}`);
      await sleep(received < READERS * 0.99 ? 250 : 20);
    }
    const wallMs = performance.now() - t0;
    const machineCpu = machineCpuSeconds() - machine0;
    const benchCpu = process.cpuUsage(bench0);
    const load1 = loadAverage();
    sampling = false;
    await sampler;
    await analyzing;
    const backends1 = await backends();
    pgTally.update(backends1.clients);
    vacuumTally.update(backends1.autovacuum);
    const sinkEnd = await sink.count();
    // The last 'sent' records may still be in their batch when the sink has the last message.
    let tally = await countDeliveries(pg);
    for (let i = 0; i < 100 && tally.sent < READERS; i++) {
      await sleep(50);
      tally = await countDeliveries(pg);
    }
    const workerCpu = workerPids.map((pid, i) => cpuSeconds(pid) - (workerCpu0[i] as number));
    const workerRss = Object.fromEntries(workerPids.map((pid, i) => [`worker${i + 1}`, memoryMb(pid).peak]));
    const redisInfo = await redis.info('memory');
    const redisPeakMb = Math.round(Number(/used_memory_peak:(\d+)/.exec(redisInfo)?.[1] ?? 0) / 1048576);
    const dbMbAfter = await dbSize();
    const digests = sinkEnd.received;
    const counts = {
      readers: READERS,
      received: sinkEnd.received,
      distinctMessageIds: sinkEnd.distinct,
      deliveries: tally.deliveries,
      sent: tally.sent,
      deliveredReaders: tally.readers,
      storedMessageIds: tally.messageIds,
    };
    const cpu = {
      workers: workerCpu.reduce((a, b) => a + b, 0),
      postgres: pgTally.seconds() + vacuumTally.seconds(),
      postgresAutovacuum: vacuumTally.seconds(),
      redis: cpuSeconds(redisPid) - redisCpu0,
      sink: sinkEnd.cpuSeconds - sinkCpu0,
      machine: machineCpu,
      benchProcess: (benchCpu.user + benchCpu.system) / 1e6,
    };
    const depth = peaks(samples, [
      'buildWaiting',
      'buildActive',
      'sendWaiting',
      'sendActive',
      'redisMb',
      'workersRssMb',
      'sinkRssMb',
      'load',
    ]);
    const row: RunRow = {
      workers,
      dkim,
      readers: READERS,
      wallSeconds: +(wallMs / 1000).toFixed(1),
      perSecond: Math.round(digests / (wallMs / 1000)),
      schedule: stageFigure(scheduled, { fromMs: scheduleFrom, toMs: scheduleTo }),
      build: stageFigure(tally.deliveries, { fromMs: tally.createdFrom - epoch0, toMs: tally.createdTo - epoch0 }),
      send: stageFigure(tally.sent, { fromMs: tally.sentFrom - epoch0, toMs: tally.sentTo - epoch0 }),
      cpuMsPerDigest: cpuPerDigest(digests, cpu),
      peakRssMb: {
        ...workerRss,
        sink: memoryMb(sink.child.pid as number).peak,
        redis: memoryMb(redisPid).peak,
        benchProcess: Math.round(process.resourceUsage().maxRSS / 1024),
      },
      dbMbBefore,
      dbMbAfter,
      redisPeakMb,
      maxWaiting: { build: depth.buildWaiting, send: depth.sendWaiting },
      load: `${load0.toFixed(1)} → ${load1.toFixed(1)} (max ${depth.load.toFixed(1)})`,
    };
    const report = {
      ...row,
      counts,
      problems: onceEachProblems(counts),
      scheduleJobs: due.length,
      scheduledReaders: scheduled,
      avgKb: Math.round(sinkEnd.bytes / Math.max(digests, 1) / 1024),
      cpuSeconds: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, +v.toFixed(1)])),
      postgresConnectionsSeen: pgTally.processes,
      autovacuumWorkersSeen: vacuumTally.processes,
      benchAnalyses: autovacuumOff ? analyses : 'none: the server runs autovacuum',
      peaks: depth,
      samples: thin(samples, 60),
      files: dir,
    };
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(report, null, 2));
    console.log(JSON.stringify(report));
    return { row, counts };
  } finally {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error('stopping:', e));
    await pg.end();
    if (!process.argv.includes('--keep-run'))
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${RUN_DB}" WITH (FORCE)`));
  }
}

async function countDeliveries(pg: Client) {
  const r = await pg.query<Record<string, string>>(
    `SELECT count(*) AS deliveries, count(*) FILTER (WHERE status = 'sent') AS sent,
            count(DISTINCT "subscriberId") AS readers, count(DISTINCT "messageId") AS "messageIds",
            extract(epoch FROM min("createdAt")) * 1000 AS "createdFrom", extract(epoch FROM max("createdAt")) * 1000 AS "createdTo",
            extract(epoch FROM min("sentAt")) * 1000 AS "sentFrom", extract(epoch FROM max("sentAt")) * 1000 AS "sentTo"
       FROM "Delivery"`,
  );
  const row = r.rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<
    'deliveries' | 'sent' | 'readers' | 'messageIds' | 'createdFrom' | 'createdTo' | 'sentFrom' | 'sentTo',
    number
  >;
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'paperboy-morning-'));
  console.log(
    `morning: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${loadAverage()}; ${READERS} readers; workers ${WORKERS.join(',')}; DKIM ${DKIM.map((d) => (d ? 'on' : 'off')).join(',')}; files in ${outDir}`,
  );
  await seed();
  const rows: RunRow[] = [];
  const failures: string[] = [];
  try {
    for (const dkim of DKIM)
      for (const workers of WORKERS) {
        const { row, counts } = await run(workers, dkim, outDir);
        rows.push(row);
        const problems = onceEachProblems(counts);
        if (problems.length) failures.push(`workers ${workers}, DKIM ${dkim ? 'on' : 'off'}: ${problems.join('; ')}`);
      }
  } finally {
    if (!process.argv.includes('--keep'))
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${SEED_DB}" WITH (FORCE)`));
  }
  const table = markdownTable(rows);
  const overrides = Object.entries(OVERRIDES)
    .map(([k, v]) => `- ${k}: ${v}`)
    .join('\n');
  writeFileSync(path.join(outDir, 'report.md'), `${table}\n\nOverrides of production defaults:\n${overrides}\n`);
  console.log(`\n${table}\n\nOverrides of production defaults:\n${overrides}\n\nfiles: ${outDir}`);
  for (const row of rows)
    for (const [name, mb] of Object.entries(row.peakRssMb))
      if (name.startsWith('worker') && mb > 1024)
        console.warn(`target missed: ${name} peaked at ${mb} MB RSS (> 1 GB)`);
  if (failures.length) throw new Error(`not every reader got exactly one digest: ${failures.join(' | ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
