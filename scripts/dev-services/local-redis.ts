// `npm start` without REDIS_URL and with nothing answering on 127.0.0.1:6379: BullMQ needs a real
// Redis (Lua scripts), so we run the machine's redis-server ourselves, persistent (append-only
// file) under .paperboy/redis, and stop it when paperboy stops. Without redis-server: as root on
// Debian/Ubuntu we install it; otherwise one line says what to install.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { canInstallDebianPackages, findOnPath, installDebianPackage, redisAnswers, waitFor } from './system';

export const REDIS_DIR = path.resolve(__dirname, '../../.paperboy/redis');

export class MissingServiceError extends Error {}

export interface LocalRedis {
  port: number;
  /** Shuts the server down (it writes its append-only file) and waits for it to exit. */
  stop(): Promise<void>;
}

export interface LocalRedisOptions {
  port: number;
  dir?: string;
  searchPath?: string;
  /** Called when it exits on its own (not through stop()). */
  onExit?: (code: number | null, signal: string | null) => void;
}

/**
 * Makes sure a Redis answers on 127.0.0.1:port: undefined when one already does (not ours to
 * stop), else the server we started.
 */
export async function ensureLocalRedis(options: LocalRedisOptions): Promise<LocalRedis | undefined> {
  if (await redisAnswers(options.port)) return undefined;
  let binary = findOnPath('redis-server', options.searchPath);
  if (!binary && canInstallDebianPackages(options.searchPath)) {
    await installDebianPackage('redis-server');
    // Debian's package may start its own service (systemd); then that one is used.
    if (await waitFor(() => redisAnswers(options.port), 2_000)) return undefined;
    binary = findOnPath('redis-server', options.searchPath);
  }
  if (!binary) {
    throw new MissingServiceError(
      `paperboy: nothing answers on 127.0.0.1:${options.port} and redis-server is not installed: install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL`,
    );
  }
  return startRedis(binary, options);
}

async function startRedis(binary: string, options: LocalRedisOptions): Promise<LocalRedis> {
  const dir = options.dir ?? REDIS_DIR;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Its own process group: Ctrl-C in the terminal reaches paperboy's processes, which finish
  // their jobs with Redis still there; we stop Redis last.
  const child: ChildProcess = spawn(
    binary,
    [
      '--port',
      String(options.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      path.join(dir, 'redis.log'),
    ],
    { stdio: 'ignore', detached: true },
  );
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    if (!stopping) options.onExit?.(code, signal);
  });
  const failed = new Promise<boolean>((resolve) => child.once('exit', () => resolve(false)));
  const up = await Promise.race([waitFor(() => redisAnswers(options.port), 10_000), failed]);
  if (!up) {
    child.kill('SIGKILL');
    throw new Error(
      `paperboy: redis-server did not start on 127.0.0.1:${options.port}; see ${path.join(dir, 'redis.log')}`,
    );
  }
  return {
    port: options.port,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
