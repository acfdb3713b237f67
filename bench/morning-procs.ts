// The morning benchmark's processes and what it reads about them from /proc: the Redis server
// of its own, the SMTP sink (bench/digest-send.sink.ts), the worker processes (the compiled
// apps/worker/dist/main.js, as production runs it), CPU and peak RSS per process, Postgres
// backends of one database (a CpuTally of their pids), the whole machine's busy time and load.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const TICK = 100; // USER_HZ

export function cpuSeconds(pid: number): number {
  return statCpuSeconds(`/proc/${pid}/stat`);
}

/** User + system CPU seconds from a /proc stat file: a process's, or one thread's
 * (`/proc/self/task/<tid>/stat`; `/proc/<tid>/stat` would give the whole process's). */
export function statCpuSeconds(file: string): number {
  const stat = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(stat[11]) + Number(stat[12])) / TICK;
}

/** Peak and current resident memory (MB) of a live process. */
export function memoryMb(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { peak: Math.round(kb('VmHWM') / 1024), now: Math.round(kb('VmRSS') / 1024) };
}

/** Busy CPU seconds of the whole machine, all cores (user, nice, system, irq, softirq, steal). */
export function machineCpuSeconds(): number {
  const [, ...f] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f as number[];
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICK;
}

export const loadAverage = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/**
 * CPU of a changing set of processes (a database's backends come and go): each pid's CPU is
 * counted from its first sighting (from zero if it started after `begin`) to its last reading;
 * a backend that exits between two readings loses at most one interval.
 */
export class CpuTally {
  private readonly seen = new Map<number, { base: number; last: number }>();
  private begun = false;

  begin(pids: number[]): void {
    for (const pid of pids) this.read(pid, true);
    this.begun = true;
  }

  update(pids: number[]): void {
    for (const pid of pids) this.read(pid, !this.begun);
  }

  private read(pid: number, baseline: boolean): void {
    let now: number;
    try {
      now = cpuSeconds(pid);
    } catch {
      return;
    }
    const entry = this.seen.get(pid);
    if (entry) entry.last = now;
    else this.seen.set(pid, { base: baseline ? now : 0, last: now });
  }

  seconds(): number {
    let total = 0;
    for (const { base, last } of this.seen.values()) total += last - base;
    return total;
  }

  get processes(): number {
    return this.seen.size;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  child: ChildProcess;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await done;
  clearTimeout(timer);
}

/** A redis-server of the run's own, as README's Operations asks for production: AOF on, no eviction. */
export async function startRedis(dir: string): Promise<Started & { url: string }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
    ],
    { stdio: ['ignore', openSync(path.join(dir, 'redis.log'), 'a'), 'inherit'] },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      existsSync(path.join(dir, 'redis.log')) &&
      /Ready to accept connections/.test(readFileSync(path.join(dir, 'redis.log'), 'utf8'))
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, stop: () => stopChild(child) };
}

export interface SinkCount {
  received: number;
  distinct: number;
  bytes: number;
  rssMb: number;
  cpuSeconds: number;
}

/** The send benchmark's SMTP sink (counts messages and distinct Message-IDs), in its own process. */
export async function startSink(): Promise<Started & { port: number; count(): Promise<SinkCount> }> {
  const child = fork(path.join(__dirname, 'digest-send.sink.ts'), [], {
    execArgv: ['--conditions=source', '--import', 'tsx'],
  });
  const { port } = await new Promise<{ port: number }>((resolve) =>
    child.once('message', (m) => resolve(m as { port: number })),
  );
  let queue = Promise.resolve() as Promise<unknown>;
  const count = (): Promise<SinkCount> => {
    const next = queue.then(
      () =>
        new Promise<SinkCount>((resolve) => {
          child.once('message', (m) => resolve(m as SinkCount));
          child.send({ type: 'count' });
        }),
    );
    queue = next;
    return next;
  };
  return {
    child,
    port,
    count,
    async stop() {
      const done = exited(child);
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(timer);
    },
  };
}

/** One worker process exactly as production starts it (`npm run start:worker`), its log lines in a file. */
export function startWorker(env: Record<string, string>, logFile: string): Started {
  const main = path.resolve(__dirname, '../apps/worker/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [main], {
    // The bench starts each worker process itself (--workers=N) and reads its CPU and memory from
    // /proc, so each runs alone: WORKER_PROCESSES=1 (the default, stated so that more would not
    // fork children the tally does not see). N processes here are what WORKER_PROCESSES=N forks.
    env: { PATH: process.env.PATH ?? '', ...env, WORKER_PROCESSES: '1' },
    stdio: ['ignore', out, out],
  });
  child.once('exit', () => closeSync(out));
  return { child, stop: () => stopChild(child) };
}
