import { createDb } from '@paperboy/db';
import { createRedis } from '@paperboy/queue';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './test-app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('health endpoints', () => {
  it('when the process is up, then /healthz answers 200 with a request id header', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a well-formed X-Request-Id comes in, then it is echoed back', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`, { headers: { 'X-Request-Id': 'proxy-123' } });
    expect(res.headers.get('x-request-id')).toBe('proxy-123');
  });

  it('when Postgres, Redis and migrations are fine, then /readyz answers 200', async () => {
    const res = await fetch(`${app.baseUrl}/readyz`);
    expect(await res.json()).toMatchObject({
      status: 'ready',
      postgres: { ok: true },
      redis: { ok: true },
      migrations: { ok: true },
    });
    expect(res.status).toBe(200);
  });
});

describe('/readyz when a dependency is down', () => {
  it('when Redis is unreachable, then it answers 503 naming Redis', async () => {
    // A client whose server went away: connection closed, no reconnection.
    const deadRedis = createRedis('redis://127.0.0.1:6379', { enableOfflineQueue: false, retryStrategy: () => null });
    await new Promise((resolve) => deadRedis.once('ready', resolve));
    await deadRedis.quit();
    const broken = await startTestApp({}, { redis: deadRedis });
    try {
      const res = await fetch(`${broken.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body).toMatchObject({ status: 'unavailable', redis: { ok: false }, postgres: { ok: true } });
      expect(body.redis.error).toBeTruthy();
    } finally {
      deadRedis.disconnect();
      await broken.close();
    }
  });

  it('when Postgres is unreachable, then it answers 503 naming Postgres', async () => {
    const deadDb = createDb('postgresql://postgres@127.0.0.1:1/nowhere');
    const broken = await startTestApp({}, { db: deadDb });
    try {
      const res = await fetch(`${broken.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', postgres: { ok: false }, redis: { ok: true } });
    } finally {
      await deadDb.$disconnect();
      await broken.close();
    }
  });

  it('when migrations are not applied, then it answers 503 listing the pending ones', async () => {
    const admin = new Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    await admin.connect();
    const name = `paperboy_unmigrated_${Date.now()}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    const emptyDb = createDb(`postgresql://postgres@127.0.0.1:5432/${name}`);
    const broken = await startTestApp({}, { db: emptyDb });
    try {
      const res = await fetch(`${broken.baseUrl}/readyz`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.migrations.ok).toBe(false);
      expect(body.migrations.pending.length).toBeGreaterThan(0);
    } finally {
      await emptyDb.$disconnect();
      await broken.close();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
