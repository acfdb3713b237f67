import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createDb, sqlPool } from '../src/client';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('sqlPool', () => {
  it('when Prisma and sqlPool run queries on a one-connection client, then both use the same server connection', async () => {
    const db = createDb(database.url, { maxConnections: 1 });
    try {
      const [{ pid: prismaPid }] = await db.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
      const viaPool = await sqlPool(db).query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      expect(viaPool.rows[0]!.pid).toBe(prismaPid);
      expect(sqlPool(db).totalCount).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it('when a client connects, then JIT is off for Prisma and sqlPool alike (short statements must not pay a compile on a mis-estimate)', async () => {
    const db = createDb(database.url, { maxConnections: 2 });
    try {
      const [{ jit }] = await db.$queryRaw<[{ jit: string }]>`SELECT current_setting('jit') AS jit`;
      const viaPool = await sqlPool(db).query<{ jit: string }>("SELECT current_setting('jit') AS jit");
      expect([jit, viaPool.rows[0]!.jit]).toEqual(['off', 'off']);
    } finally {
      await db.$disconnect();
    }
  });

  it('when a client that ran Prisma queries disconnects, then its pool is ended', async () => {
    const db = createDb(database.url, { maxConnections: 2 });
    await db.subscriber.count();
    await sqlPool(db).query('SELECT 1');
    await db.$disconnect();
    expect(sqlPool(db).ended).toBe(true);
    expect(sqlPool(db).totalCount).toBe(0);
  });

  it('when a client that only ran sqlPool queries disconnects, then its pool is ended too', async () => {
    const db = createDb(database.url, { maxConnections: 2 });
    await sqlPool(db).query('SELECT 1');
    await db.$disconnect();
    expect(sqlPool(db).ended).toBe(true);
    expect(sqlPool(db).totalCount).toBe(0);
  });

  it('when Prisma is used again after disconnecting, then it still works, as before the pool was shared', async () => {
    const db = createDb(database.url, { maxConnections: 1 });
    await db.subscriber.count();
    await db.$disconnect();
    await expect(db.subscriber.count()).resolves.toBe(0);
    await expect(sqlPool(db).query('SELECT 1')).rejects.toThrow(/after calling end/);
    await db.$disconnect();
  });

  it('when the process runs outside UTC, then sqlPool reads a timestamp as the same UTC instant Prisma does', async () => {
    const at = new Date('2026-07-01T23:30:00.123Z');
    const { id } = await database.db.subscriber.create({ data: { email: 'tz@example.org', createdAt: at } });
    const script = path.join(__dirname, 'read-timestamps.script.ts');
    const child = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), '--conditions=source', script, database.url, String(id)],
      {
        env: { ...process.env, TZ: 'America/New_York' },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({
      tz: 'America/New_York',
      prisma: at.toISOString(),
      pool: at.toISOString(),
    });
  });
});
