// Admin lockout counts failures only, and Bull Board writes need proof of same origin
// (issue 17, items 8 and 9).
import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from './test-app';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const auth = { authorization: basic(ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD) };

describe('admin lockout', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp(ADMIN);
  });
  afterEach(() => app.close());

  it('when 120 right logins arrive at once from one IP, then every one is let in (none is counted as a guess)', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 120 }, () =>
        fetch(`${app.baseUrl}/admin/queues/api/queues`, { headers: auth }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('when 19 wrong passwords mix with many right ones at once, then the operator is never locked out; the 20th wrong one locks', async () => {
    const wrong = { authorization: basic('operator', 'typo-typo') };
    const mixed = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        fetch(`${app.baseUrl}/admin/queues/api/queues`, { headers: i % 4 === 0 && i < 76 ? wrong : auth }).then(
          (r) => r.status,
        ),
      ),
    );
    expect(mixed.filter((s) => s === 401)).toHaveLength(19);
    expect(mixed.filter((s) => s === 200)).toHaveLength(61);
    expect((await fetch(`${app.baseUrl}/admin`, { headers: wrong })).status).toBe(401);
    expect((await fetch(`${app.baseUrl}/admin`, { headers: auth })).status).toBe(429);
  });
});

describe('Bull Board writes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ADMIN);
  });
  afterAll(() => app.close());

  const addJob = (headers: Record<string, string>) =>
    fetch(`${app.baseUrl}/admin/queues/api/queues/${QUEUE.ingest}/add`, {
      method: 'POST',
      headers: { ...auth, ...headers },
      body: JSON.stringify({ name: 'forged', data: {} }),
    });

  it('when a write carries no Sec-Fetch-Site and a foreign Origin or Referer, or neither, then 403 and no job is created', async () => {
    const cases: Record<string, string>[] = [
      { 'content-type': 'text/plain', origin: 'https://evil.example' },
      { 'content-type': 'text/plain', referer: 'https://evil.example/page' },
      { 'content-type': 'text/plain', origin: 'null' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/json', origin: `${app.baseUrl}.evil.example` },
    ];
    for (const headers of cases) expect([headers, (await addJob(headers)).status]).toEqual([headers, 403]);
    const retry = await fetch(`${app.baseUrl}/admin/queues/api/queues/${QUEUE.ingest}/retry/failed`, {
      method: 'PUT',
      headers: { ...auth, origin: 'https://evil.example' },
    });
    expect(retry.status).toBe(403);
    expect(await app.queues[QUEUE.ingest].count()).toBe(0);
  });

  it('when a write comes from the dashboard itself (same Origin or Referer), then it goes through', async () => {
    const sameOrigin = await addJob({ 'content-type': 'application/json', origin: app.baseUrl });
    expect(sameOrigin.status).not.toBe(403);
    const sameReferer = await addJob({ 'content-type': 'application/json', referer: `${app.baseUrl}/admin/queues` });
    expect(sameReferer.status).not.toBe(403);
    const browserMarked = await addJob({ 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' });
    expect(browserMarked.status).not.toBe(403);
  });
});

describe('admin without credentials in development', () => {
  it('when HOST is loopback, then /admin and /metrics are open to this machine', async () => {
    const app = await startTestApp({ NODE_ENV: 'development' });
    try {
      expect(app.config.HOST).toBe('127.0.0.1');
      expect((await fetch(`${app.baseUrl}/admin/queues/api/queues`)).status).toBe(200);
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('when HOST listens beyond loopback, then /admin, /admin/queues and /metrics stay closed (503)', async () => {
    const app = await startTestApp({ NODE_ENV: 'development', HOST: '0.0.0.0', SECRET_KEY: 's'.repeat(32) });
    try {
      for (const path of ['/admin', '/admin/queues/api/queues', '/metrics'])
        expect([path, (await fetch(`${app.baseUrl}${path}`)).status]).toEqual([path, 503]);
    } finally {
      await app.close();
    }
  });
});
