// `npm start`: provides what is missing on a machine with only Node (Redis: the machine's
// redis-server, installed as root on Debian/Ubuntu; PostgreSQL: an embedded PGlite), applies the
// migrations, loads the demo feed into an empty development database, then runs the API (with
// the dev mailbox when no SMTP server is configured) and the worker as two processes, as in
// production, prints where everything is once both are ready (the API's /readyz answers and the
// worker says so over IPC), and stops all of it (what it started last first) on Ctrl-C. A Redis
// that does not answer is waited for (one line, retried with backoff) before anything starts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '@paperboy/config';
import { embeddedDatabasePort, LOCAL_POSTGRES_PORT } from './dev-services/database-choice';
import { startEmbeddedPostgres } from './dev-services/embedded-postgres';
import { ensureLocalRedis, MissingServiceError, REDIS_DIR } from './dev-services/local-redis';
import { portAnswers } from './dev-services/system';
import { probeRedis, redisWhere, waitForService } from './dev-services/wait-for-service';

const root = path.resolve(__dirname, '..');
const LOCAL_REDIS_PORT = 6379;
const EMBEDDED_NOTE = 'embedded PostgreSQL (PGlite) — for trying paperboy; use a real PostgreSQL in production';
/** The environment of every process we run (the embedded database adds to it). */
const childEnv: NodeJS.ProcessEnv = { ...process.env };

let stopping = false;
const children: ChildProcess[] = [];
/** Services we started ourselves, stopped after the processes that use them. */
const services: { stop(): Promise<void> }[] = [];

function run(name: string, entry: string, args: string[] = [], ipc = false): ChildProcess {
  // node --import tsx runs the script in this child itself (the tsx CLI would add a grandchild),
  // so SIGTERM reaches the process whose graceful shutdown it triggers. The worker reports
  // readiness over an IPC channel (it unrefs its end, so the channel never keeps it alive).
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', path.join(root, entry), ...args], {
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
    cwd: root,
    env: childEnv,
  });
  children.push(child);
  child.on('exit', () => children.splice(children.indexOf(child), 1));
  return child;
}

/** A setup step (migrations, demo feed): runs to its end; a failure stops `npm start`. */
function step(name: string, entry: string, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    run(name, entry, args).on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(stopping ? 'stopped' : `paperboy: ${name} failed (${signal ?? `exit ${code}`}); see above.`),
          ),
    );
  });
}

function service(name: string, entry: string, ipc = false): ChildProcess {
  const child = run(name, entry, [], ipc);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`paperboy: the ${name} process stopped unexpectedly (${signal ?? `exit ${code}`}); stopping.`);
      void stop(1);
    }
  });
  return child;
}

/** Resolves when the worker reports that its Redis connections and Postgres answer. */
function workerReady(worker: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if ((message as { paperboy?: unknown })?.paperboy !== 'ready') return;
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
  });
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const started of services.reverse()) await started.stop().catch((error: unknown) => console.error(error));
  process.exit(code);
}

/** Polls `path` until it answers 200 (true), or until the deadline or Ctrl-C (false). */
async function waitForApi(url: string, path: '/healthz' | '/readyz', timeoutMs = Infinity): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(`${url}${path}`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function startRedisIfMissing(): Promise<void> {
  const redis = await ensureLocalRedis({
    port: LOCAL_REDIS_PORT,
    onExit: (code, signal) => {
      console.error(
        `paperboy: our redis-server stopped unexpectedly (${signal ?? `exit ${code}`}); see ${REDIS_DIR}/redis.log; stopping.`,
      );
      void stop(1);
    },
  });
  if (!redis) return;
  services.push(redis);
  console.log(
    `paperboy: started redis-server on 127.0.0.1:${LOCAL_REDIS_PORT} (data in .paperboy/redis; stopped with paperboy)`,
  );
}

/** PGlite when asked for, or when nothing else is there (dev-services/database-choice.ts). */
async function startEmbeddedDatabaseIfWanted(config: Config): Promise<boolean> {
  const port = await embeddedDatabasePort(config, () => portAnswers(LOCAL_POSTGRES_PORT));
  if (port === undefined) return false;
  // Every process we run (and their pools) must know the database is the embedded one.
  Object.assign(childEnv, { DATABASE_URL: 'embedded', EMBEDDED_DATABASE_PORT: String(port) });
  const dataDir = path.resolve(root, config.EMBEDDED_DATABASE_DIR);
  console.log(`paperboy: starting the ${EMBEDDED_NOTE}; data in ${path.relative(root, dataDir) || dataDir}`);
  const database = await startEmbeddedPostgres({ dataDir, port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE')
      throw new Error(`paperboy: port ${port} is in use; set EMBEDDED_DATABASE_PORT to a free one`);
    throw error;
  });
  services.push(database);
  return true;
}

async function main(): Promise<void> {
  const config = loadConfig();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(0));
  // Another program on PORT would answer our health check and hide the API's failure to listen.
  if (await portAnswers(config.PORT))
    throw new Error(`paperboy: port ${config.PORT} is in use by another program; stop it or set PORT`);
  if (config.unset.redis) await startRedisIfMissing();
  else if (
    !(await waitForService({
      name: 'Redis',
      where: redisWhere(config.REDIS_URL),
      probe: () => probeRedis(config.REDIS_URL),
      log: (line) => console.error(line),
      stopped: () => stopping,
    }))
  )
    return;
  const embedded = await startEmbeddedDatabaseIfWanted(config);
  await step('migration', 'packages/db/scripts/migrate.ts');
  await step('demo feed', 'scripts/load-demo-data.ts', ['--if-empty']);
  if (stopping) return;
  service('api', 'apps/api/src/main.ts');
  const worker = service('worker', 'apps/worker/src/main.ts', true);
  const local = `http://127.0.0.1:${config.PORT}`;
  if (!(await waitForApi(local, '/healthz', 30_000))) {
    if (!stopping)
      console.error(`paperboy: the API did not answer on ${local}/healthz within 30 s; see its log above.`);
    return;
  }
  // Ready means Postgres, Redis and the migrations check out in the API (/readyz) and the worker
  // has its queues; a dependency lost meanwhile is one log line in each, so the banner waits.
  const ready = Promise.all([waitForApi(local, '/readyz'), workerReady(worker)]);
  const slow = setTimeout(
    () => console.error('paperboy: waiting for the API and the worker to be ready (see the log above)'),
    20_000,
  );
  await ready;
  clearTimeout(slow);
  if (stopping) return;
  // The admin gate's own rule (routes/admin.routes.ts): without credentials, open in development
  // on loopback, otherwise closed.
  const adminNote =
    config.ADMIN_USER && config.ADMIN_PASSWORD
      ? ''
      : config.isDevelopment && config.listensOnLoopbackOnly
        ? '   (open without a password: development, this machine only; set ADMIN_USER and ADMIN_PASSWORD to require one)'
        : '   (disabled: set ADMIN_USER and ADMIN_PASSWORD)';
  const lines = [
    `paperboy is running (Ctrl-C to stop)`,
    `  Subscribe page   ${config.PUBLIC_URL}/`,
    config.useDevMailbox
      ? `  Dev mailbox      ${config.PUBLIC_URL}/dev/mailbox`
      : `  SMTP             configured (SMTP_URL)`,
    `  Admin            ${config.PUBLIC_URL}/admin${adminNote}`,
    `  Queue dashboard  ${config.PUBLIC_URL}/admin/queues`,
    `  Health           ${config.PUBLIC_URL}/healthz   ${config.PUBLIC_URL}/readyz`,
    ...(embedded ? [`  Database         ${EMBEDDED_NOTE}`] : []),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (stopping) return;
  const message =
    error instanceof ConfigError ||
    error instanceof MissingServiceError ||
    (error instanceof Error && error.message.startsWith('paperboy:'));
  console.error(message ? (error as Error).message : error);
  void stop(1);
});
