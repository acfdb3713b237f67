// npm start's own Redis (scripts/dev-services/local-redis.ts), run for real on a free port.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { ensureLocalRedis, MissingServiceError } from '../dev-services/local-redis';
import { redisAnswers } from '../dev-services/system';
import { freePort } from './free-port';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'local-redis-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start’s local Redis', () => {
  test('when nothing answers on the port, then redis-server is started there, persists to its append-only file, and is gone after stop', async () => {
    const port = await freePort();
    const redis = await ensureLocalRedis({ port, dir });
    expect(redis).toBeDefined();
    expect(await redisAnswers(port)).toBe(true);
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
    await client.connect();
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    await client.set('paperboy:kept', 'yes');
    client.disconnect();
    await redis!.stop();
    expect(await redisAnswers(port)).toBe(false);
    expect(readdirSync(dir)).toContain('appendonlydir');

    // Started again on the same directory, it still has what was written before.
    const again = await ensureLocalRedis({ port, dir });
    const reader = new Redis({ port, host: '127.0.0.1', lazyConnect: true });
    await reader.connect();
    expect(await reader.get('paperboy:kept')).toBe('yes');
    reader.disconnect();
    await again!.stop();
  });

  test('when a Redis already answers, then it is used and nothing is started', async () => {
    const port = await freePort();
    const first = await ensureLocalRedis({ port, dir });
    try {
      expect(await ensureLocalRedis({ port, dir: path.join(dir, 'second') })).toBeUndefined();
    } finally {
      await first!.stop();
    }
  });

  test('when redis-server is not on the PATH and it cannot be installed, then one line says exactly what to install', async () => {
    const port = await freePort();
    const attempt = ensureLocalRedis({ port, dir, searchPath: dir });
    await expect(attempt).rejects.toThrow(MissingServiceError);
    await expect(attempt).rejects.toThrow(
      /^paperboy: nothing answers on 127\.0\.0\.1:\d+ and redis-server is not installed: install Redis \(Debian\/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis\) or set REDIS_URL$/,
    );
  });
});
