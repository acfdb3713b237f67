// WORKER_PROCESSES > 1: one process's event loop caps sending (~1.3 ms of CPU per digest), so the
// worker command becomes a node:cluster primary that holds no jobs and forks that many children,
// each the whole worker of main.ts (they split the queues through Redis as separate workers do).
// - Ready: `npm start` hears {paperboy:'ready'} once every child has said it is ready.
// - Stop: SIGTERM/SIGINT asks each child over IPC to stop as its own SIGTERM would (finish the
//   running jobs, close everything), and the primary exits 0 once all have exited 0. Not by
//   signal: Ctrl-C in a terminal has already sent SIGINT to every child (one process group), and a
//   second SIGINT would turn the child's graceful stop into a forced one (packages/lifecycle).
//   A second Ctrl-C does force it: the children die of it and the primary exits 1.
// - A child that dies is replaced (logged with its exit code or signal); one that dies soon
//   after starting is replaced after a delay that doubles each time, so a crash loop never spins.
// - /metrics on METRICS_PORT is served here, merged over the children (packages/metrics).
// A child whose primary dies exits (node:cluster closes its IPC channel).
import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '@paperboy/logger';
import { answerMetricsRequests, clusterMetricsSource, type Metrics, startMetricsServer } from '@paperboy/metrics';

/** What a child tells its primary, and the primary a child, over the cluster's IPC channel. */
type Message = { paperboy?: unknown };
const STARTED = 'started'; // child: my shutdown and metrics listeners are in place
const READY = 'ready'; // child: Redis and Postgres answer (main.ts announceReady)
const SHUTDOWN = 'shutdown'; // primary: stop gracefully

export interface WorkerClusterOptions {
  processes: number;
  logger: Logger;
  metrics?: { port: number; host: string; token?: string };
  /** After this, children still running are killed and the primary exits 1 (theirs is 10 s). */
  shutdownTimeoutMs?: number;
  /** A child that dies sooner than this after its start counts towards the restart delay. */
  minUptimeMs?: number;
  /** The restart delay after quick deaths: 1 s, doubling, at most this. */
  maxRestartDelayMs?: number;
}

export function runWorkerCluster(options: WorkerClusterOptions): void {
  const { processes, logger, shutdownTimeoutMs = 15_000, minUptimeMs = 10_000, maxRestartDelayMs = 60_000 } = options;
  process.channel?.unref(); // the IPC channel to `npm start` must not keep this process alive
  const startedAt = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const ready = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();
  let quickDeaths = 0;
  let announced = false;
  let stopping = false;
  let failedStop = false;

  const metricsServer = options.metrics
    ? startMetricsServer({
        registry: clusterMetricsSource(() => listening),
        port: options.metrics.port,
        host: options.metrics.host,
        token: options.metrics.token,
      })
    : undefined;
  metricsServer?.then(
    (server) =>
      logger.info(
        { host: options.metrics?.host, port: server.port, protected: Boolean(options.metrics?.token), processes },
        'worker metrics on /metrics',
      ),
    (err: unknown) => logger.error({ err }, 'worker metrics server failed to start'),
  );

  const finish = async () => {
    await (await metricsServer?.catch(() => undefined))?.close();
    logger.info({ code: failedStop ? 1 : 0 }, 'worker processes stopped');
    logger.flush(() => process.exit(failedStop ? 1 : 0));
  };

  const onMessage = (child: Worker, message: Message) => {
    if (message?.paperboy === STARTED) {
      listening.add(child);
      // Asked to stop before it could hear it: ask again now that it listens.
      if (stopping && child.isConnected()) child.send({ paperboy: SHUTDOWN });
    } else if (message?.paperboy === READY) {
      ready.add(child);
      if (announced || ready.size < processes) return;
      announced = true;
      logger.info({ processes }, 'paperboy worker processes ready');
      logger.flush(() => process.send?.({ paperboy: 'ready', service: 'worker' }));
    }
  };

  const onExit = (child: Worker, code: number | null, signal: string | null) => {
    const uptimeMs = Date.now() - (startedAt.get(child) ?? 0);
    startedAt.delete(child);
    listening.delete(child);
    ready.delete(child);
    if (stopping) {
      if (code !== 0) failedStop = true;
      if (startedAt.size === 0) void finish();
      return;
    }
    quickDeaths = uptimeMs < minUptimeMs ? quickDeaths + 1 : 0;
    const delayMs = quickDeaths ? Math.min(maxRestartDelayMs, 1_000 * 2 ** (quickDeaths - 1)) : 0;
    logger.error(
      { childPid: child.process.pid, code, signal, uptimeMs, restartInMs: delayMs },
      'worker process died; starting a replacement',
    );
    const timer = setTimeout(() => {
      restarts.delete(timer);
      fork();
    }, delayMs);
    restarts.add(timer);
  };

  const fork = () => {
    const child = cluster.fork();
    startedAt.set(child, Date.now());
    child.on('message', (message: Message) => onMessage(child, message));
    child.on('exit', (code, signal) => onExit(child, code, signal));
    // An IPC write to a child that just died is not our problem: its exit is handled above.
    child.on('error', (err) => logger.warn({ err, childPid: child.process.pid }, 'worker process channel error'));
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return; // a second Ctrl-C reaches the children by itself (see above)
    stopping = true;
    logger.info({ signal, processes: startedAt.size }, 'shutting down worker processes');
    for (const timer of restarts) clearTimeout(timer);
    // One still loading has no listener yet: it is asked when it says it listens (onMessage).
    for (const child of listening) if (child.isConnected()) child.send({ paperboy: SHUTDOWN });
    setTimeout(() => {
      logger.error(
        { timeoutMs: shutdownTimeoutMs, left: startedAt.size },
        'worker processes took too long; killing them',
      );
      for (const child of startedAt.keys()) child.process.kill('SIGKILL');
      failedStop = true;
    }, shutdownTimeoutMs).unref();
    if (startedAt.size === 0) void finish();
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));

  logger.info({ processes }, 'paperboy worker starting its processes');
  for (let i = 0; i < processes; i += 1) fork();
}

/**
 * In a cluster child (main.ts): the primary's shutdown request runs the same graceful shutdown as
 * SIGTERM, its metric requests are answered from this registry, and then it is told we listen.
 */
export function followPrimary(shutdown: () => Promise<void>, registry: Metrics['registry'], logger: Logger): void {
  answerMetricsRequests(registry);
  process.on('message', (message: Message) => {
    if (message?.paperboy !== SHUTDOWN) return;
    logger.info({ by: 'primary' }, 'shutting down');
    void shutdown();
  });
  process.send?.({ paperboy: STARTED });
}
