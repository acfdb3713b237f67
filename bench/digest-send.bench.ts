// End-to-end digest sending: N personalised digests from the database, through the queue
// (schedule → build → send jobs), rendered and sent over SMTP to a sink in its own process.
// Run: npx tsx bench/digest-send.bench.ts [--readers=10000] [--concurrency=50] [--pool=5] [--procs=0] [--mode=topics_trending]
// [--sink=smtp-server] (the sink on the smtp-server package, used before 2026-12-06; default: the lean sink)
// [--cpu-prof=DIR] (with --procs: a V8 CPU profile of each worker process)
// --procs=N: the workers run as N separate processes (apps/worker/src/main.ts, as deployed)
// instead of inside this one. Reports digests/s end to end (schedule → build → send → sink),
// CPU seconds and peak RSS of the worker(s) and the sink, and per digest of every party (Postgres
// as all its processes and as this run's database's backends alone). Results in BENCHMARKS.md.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'bullmq';
import { composeThreads, loadConfig } from '@paperboy/config';
import { scheduleDigests } from '@paperboy/core';
import { createTestDatabase } from '@paperboy/db/testing';
import { createMailTransport } from '@paperboy/email';
import { createLogger } from '@paperboy/logger';
import { closeQueues, createQueues, createRedis, QUEUE } from '@paperboy/queue';
import { digestBuildProcessor } from '../apps/worker/src/processors/digest-build.processor';
import { digestSendProcessor } from '../apps/worker/src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../apps/worker/src/processors/processor';
import { startWorkers } from '../apps/worker/src/run-workers';
import { seedBenchData } from './digest-send.data';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const READERS = arg('readers', 10_000);
const CONCURRENCY = arg('concurrency', 50);
const POOL = arg('pool', 5);
const PROCS = arg('procs', 0);
/** --cpu-prof=DIR: each worker process (--procs) writes a V8 CPU profile there when it stops. */
const CPU_PROF_DIR = process.argv.find((a) => a.startsWith('--cpu-prof='))?.split('=')[1];
/** --mode=topics: readers without "Also trending" (the work of the commits before digest modes). */
const MODE = (process.argv.find((a) => a.startsWith('--mode='))?.split('=')[1] ?? 'topics_trending') as
  | 'topics'
  | 'trending'
  | 'topics_trending';

/** Peak RSS (MB) and CPU seconds of a live child process, from /proc. */
function procStats(pid: number): { rssMb: number; cpuSeconds: number } {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { rssMb: Math.round(Number(hwm) / 1024), cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100 };
}

/** CPU seconds of every process with this command name (all Postgres backends, say). */
function serviceCpuSeconds(comm: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== comm) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(stat[11]) + Number(stat[12]);
    } catch {
      // the process ended between listing and reading
    }
  }
  return ticks / 100;
}

/** Busy CPU seconds of the whole machine (all cores): user, kernel, and interrupt work (loopback TCP). */
function machineCpuSeconds(): { machine: number; kernel: number; softirq: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields as number[];
  return {
    machine: (user! + nice! + system! + irq! + softirq! + steal!) / 100,
    kernel: system! / 100,
    softirq: (irq! + softirq!) / 100,
  };
}

/** CPU seconds of one process from /proc, or undefined once it has ended. */
function pidCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * CPU of the Postgres backends serving one database (this run's): unlike every `postgres`
 * process, it leaves out other sessions' queries on a shared machine (and the server's own
 * background writers). Sampled while the run goes, so a backend that ends still counts up to
 * its last sample.
 */
function databaseBackends(pids: () => Promise<number[]>) {
  const seen = new Map<number, { first: number; last: number }>();
  let sampling: Promise<void> | undefined;
  const sample = async (fresh: boolean) => {
    for (const pid of await pids()) {
      const cpu = pidCpuSeconds(pid);
      if (cpu === undefined) continue;
      const known = seen.get(pid);
      if (known) known.last = cpu;
      // A backend first seen after the start did all its work inside the run.
      else seen.set(pid, { first: fresh ? cpu : 0, last: cpu });
    }
    for (const [pid, s] of seen) s.last = pidCpuSeconds(pid) ?? s.last;
  };
  return {
    start: () => sample(true),
    /** At most one sample at a time (the polling loop calls this often). */
    tick: () => {
      sampling ??= sample(false).finally(() => {
        sampling = undefined;
      });
    },
    seconds: async () => {
      await sampling;
      await sample(false);
      return [...seen.values()].reduce((sum, s) => sum + s.last - s.first, 0);
    },
  };
}

const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

function startWorkerProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    [
      ...(CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : []),
      '--conditions=source',
      '--import',
      'tsx',
      path.join(__dirname, '../apps/worker/src/main.ts'),
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  children.push(child);
  return child;
}

type SinkReport = { received: number; distinct: number; bytes: number; rssMb: number; cpuSeconds: number };

const perDigest = (n: number, seconds: Record<string, number>) =>
  Object.fromEntries(Object.entries(seconds).map(([name, s]) => [name, +((s * 1000) / n).toFixed(2)]));

async function main(): Promise<void> {
  // --sink=smtp-server: the previous sink (the smtp-server package), for runs beside older trees.
  const sink = fork(
    path.join(__dirname, 'digest-send.sink.ts'),
    process.argv.filter((a) => a.startsWith('--sink=')),
    {
      execArgv: ['--conditions=source', '--import', 'tsx'],
    },
  );
  const ask = (type: string) =>
    new Promise<SinkReport>((resolve) => (sink.once('message', (m) => resolve(m as SinkReport)), sink.send({ type })));
  const { port } = await new Promise<{ port: number }>((resolve) =>
    sink.once('message', (m) => resolve(m as { port: number })),
  );

  const database = await createTestDatabase();
  const prefix = `bench-${randomBytes(3).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    SEND_RATE_PER_SECOND: '100000',
    SEND_CONCURRENCY: String(CONCURRENCY),
    SMTP_POOL_SIZE: String(POOL),
  });
  const seedStart = Date.now();
  const seeded = await seedBenchData(database.db, READERS, MODE);
  console.log(
    `seeded ${READERS} readers, ${seeded.papers} papers, ${seeded.matches} matches in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const redis = createRedis(config.REDIS_URL);
  const queues = createQueues(redis, prefix);
  const mail = createMailTransport({ smtpUrl: config.SMTP_URL, devMailboxPort: 0, poolSize: POOL });
  const logger = createLogger({ level: 'silent', name: 'bench' });
  const deps = { config, logger, db: database.db, redis, queues, mail };
  const childEnv = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    METRICS_PORT: '0',
    DATABASE_URL: database.url,
    REDIS_PREFIX: prefix,
    SMTP_URL: config.SMTP_URL!,
    SEND_RATE_PER_SECOND: '100000',
    SEND_CONCURRENCY: String(CONCURRENCY),
    SMTP_POOL_SIZE: String(POOL),
    // Separate processes each see WORKER_PROCESSES=1: given what "auto" gives PROCS of them.
    SEND_COMPOSE_THREADS: String(composeThreads('auto', PROCS, os.availableParallelism())),
  };
  for (let i = 0; i < PROCS; i++) startWorkerProcess(childEnv);
  // Ready when every process's send worker has registered with Redis.
  while ((await queues[QUEUE.digestSend].getWorkersCount()) < PROCS)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const workers: Worker[] = PROCS
    ? []
    : startWorkers(deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
  // Timed from a started worker: its compose threads have compiled their templates.
  if (!PROCS) await digestSendProcessor.start?.(deps);
  const childCpuBefore = children.map((c) => procStats(c.pid!).cpuSeconds);

  const backends = databaseBackends(async () =>
    (
      await database.db.$queryRaw<
        { pid: number }[]
      >`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
    ).map((r) => r.pid),
  );
  await backends.start();
  const sinkCpuBefore = (await ask('count')).cpuSeconds;
  const rssBeforeMb = Math.round(process.memoryUsage().rss / 1e6);
  const cpuBefore = process.cpuUsage();
  const servicesBefore = {
    postgres: serviceCpuSeconds('postgres'),
    redis: serviceCpuSeconds('redis-server'),
    ...machineCpuSeconds(),
  };
  const started = process.hrtime.bigint();
  let sendStarted = 0;
  const scheduled = await scheduleDigests({ ...deps, now: () => new Date() }, { force: true });
  const scheduledMs = Number(process.hrtime.bigint() - started) / 1e6;
  let report: SinkReport;
  for (;;) {
    report = await ask('count');
    if (!sendStarted && report.received > 0) sendStarted = Number(process.hrtime.bigint() - started) / 1e6;
    if (report.received >= scheduled.enqueued) break;
    if (Math.random() < 0.05) backends.tick();
    if (process.argv.includes('--progress') && Math.random() < 0.05) {
      const built = await database.db.delivery.count();
      const counts = await queues[QUEUE.digestSend].getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
      const builds = await queues[QUEUE.digestBuild].getJobCounts('waiting', 'active', 'completed', 'failed');
      console.log(((Date.now() - Number(started / 1_000_000n)) / 1000).toFixed(1), 's', {
        built,
        received: report.received,
        sends: counts,
        builds,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  const machineAfter = machineCpuSeconds();
  const services = {
    postgres: serviceCpuSeconds('postgres') - servicesBefore.postgres,
    postgresThisDatabase: await backends.seconds(),
    redis: serviceCpuSeconds('redis-server') - servicesBefore.redis,
    machine: machineAfter.machine - servicesBefore.machine,
    kernelInAll: machineAfter.kernel - servicesBefore.kernel,
    interrupts: machineAfter.softirq - servicesBefore.softirq,
  };
  // The last 'sent' records may still be in their 1 ms batch when the sink counts the last
  // message (SMTP's window): give them a moment before counting.
  let sent = await database.db.delivery.count({ where: { status: 'sent' } });
  for (let i = 1; i < 50 && sent < report.received; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    sent = await database.db.delivery.count({ where: { status: 'sent' } });
  }
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const cpu = process.cpuUsage(cpuBefore);
  const childStats = children.map((c, i) => ({
    ...procStats(c.pid!),
    cpuSeconds: +(procStats(c.pid!).cpuSeconds - childCpuBefore[i]!).toFixed(1),
  }));
  console.log(
    JSON.stringify(
      {
        readers: READERS,
        enqueued: scheduled.enqueued,
        received: report.received,
        distinctMessageIds: report.distinct,
        recordedSent: sent,
        scheduleMs: Math.round(scheduledMs),
        totalSeconds: +(totalMs / 1000).toFixed(2),
        digestsPerSecond: Math.round(report.received / (totalMs / 1000)),
        avgKb: Math.round(report.bytes / report.received / 1024),
        [PROCS ? 'benchProcessPeakRssMb' : 'workerPeakRssMb']: Math.round(rssMb),
        rssAfterSeedingMb: rssBeforeMb,
        sinkRssMb: Math.round(report.rssMb),
        workerCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
        sinkCpuSeconds: +(report.cpuSeconds - sinkCpuBefore).toFixed(1),
        ...(PROCS ? { workerProcesses: childStats } : {}),
        // Where the machine's CPU went while sending, per digest (worker = this process, or the worker processes).
        cpuMsPerDigest: perDigest(report.received, {
          worker: PROCS ? childStats.reduce((sum, c) => sum + c.cpuSeconds, 0) : (cpu.user + cpu.system) / 1e6,
          sink: report.cpuSeconds - sinkCpuBefore,
          postgres: services.postgres,
          // Of it, the backends of this run's database (the rest: other sessions, the server's writers).
          postgresThisDatabase: services.postgresThisDatabase,
          redis: services.redis,
          // Whole machine; of it, kernel time (already in the processes' figures) and interrupts (in none).
          machine: services.machine,
          kernelInAll: services.kernelInAll,
          interrupts: services.interrupts,
        }),
        concurrency: CONCURRENCY,
        pool: POOL,
        cpus: os.cpus().length,
        node: process.version,
      },
      null,
      2,
    ),
  );

  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(children.map((c) => new Promise((resolve) => (c.once('exit', resolve), c.kill('SIGTERM')))));
  for (const queue of Object.values(queues)) await queue.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  mail.close();
  redis.disconnect();
  await database.drop();
  sink.send({ type: 'close' });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
