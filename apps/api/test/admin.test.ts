import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from './test-app';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const auth = { authorization: basic(ADMIN.ADMIN_USER, ADMIN.ADMIN_PASSWORD) };

describe('admin with credentials', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(ADMIN);
    await app.database.db.subscriber.create({
      data: { email: 'a@example.org', status: 'active', topics: { create: [{ key: 'llm', raw: 'LLMs <script>' }] } },
    });
  });
  afterAll(() => app.close());

  it('when unauthenticated or with a wrong password, then /admin, /admin/queues and their API answer 401', async () => {
    for (const path of ['/admin', '/admin/queues', '/admin/queues/api/queues', '/admin/send/pause']) {
      const res = await fetch(`${app.baseUrl}${path}`, { method: path.includes('send') ? 'POST' : 'GET' });
      expect([path, res.status]).toEqual([path, 401]);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    const wrong = await fetch(`${app.baseUrl}/admin`, {
      headers: { authorization: basic('operator', 'wrong-password') },
    });
    expect(wrong.status).toBe(401);
  });

  it('when authenticated, then the overview shows readers, topics and the send state', async () => {
    const res = await fetch(`${app.baseUrl}/admin`, { headers: auth });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Admin overview');
    expect(page).toMatch(/active readers/);
    // Top topics read as readers typed them (escaped), not as stemmed keys.
    expect(page).toContain('LLMs &lt;script&gt;');
    expect(page).not.toContain('LLMs <script>');
    expect(page).toContain('Pause sending');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('when digests went out and readers signed up this month, then the overview draws the last 30 days as inline SVG bar charts with their numbers', async () => {
    const db = app.database.db;
    const reader = await db.subscriber.findFirstOrThrow({ where: { email: 'a@example.org' } });
    const day = 24 * 3600_000;
    await db.delivery.createMany({
      data: [
        { subscriberId: reader.id, periodKey: 'c1', status: 'sent', createdAt: new Date(Date.now() - 2 * day) },
        { subscriberId: reader.id, periodKey: 'c2', status: 'sent', createdAt: new Date() },
        { subscriberId: reader.id, periodKey: 'c3', status: 'failed', createdAt: new Date() },
      ],
    });
    await db.subscriptionEvent.create({ data: { subscriberId: reader.id, type: 'subscribed' } });
    const page = await (await fetch(`${app.baseUrl}/admin?fresh=1`, { headers: auth })).text();
    const charts = page.match(/<figure class="chart"[\s\S]*?<\/figure>/g) ?? [];
    expect(charts).toHaveLength(5);
    // An image with its numbers in words, a tooltip per day, and the exact numbers in a table.
    expect(charts[0]).toContain(
      'role="img" aria-label="Digests, last 30 days: sent 2, failed 1, skipped 0 in total; today 1 sent, 1 failed, 0 skipped."',
    );
    expect(charts[0]!.match(/<rect /g)).toHaveLength(3); // sent 2 days ago; sent and failed today; no rect for zeros
    expect(charts[0]).toMatch(/<title>[A-Z][a-z]{2} \d+: 1 sent, 1 failed, 0 skipped<\/title>/);
    expect(charts[0]).toMatch(/<details><summary>Numbers<\/summary><table>/);
    expect(charts[1]).toContain('aria-label="Sign-ups, last 30 days: sign-ups 1 in total; today 1 sign-ups."');
    // Drawn on the server: no script or stylesheet from anywhere else.
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it('when a count is zero, then its row in a bar table draws no bar', async () => {
    const page = await (await fetch(`${app.baseUrl}/admin`, { headers: auth })).text();
    expect(page).toContain('<tr><td>complained</td><td class="barcell"></td><td class="num">0</td></tr>');
    expect(page).toMatch(/<tr><td>active<\/td><td class="barcell"><div class="bar" style="width:100.0%"><\/div>/);
  });

  it('when the pause form is posted without a valid CSRF token, then 403 and sending is not paused', async () => {
    const res = await fetch(`${app.baseUrl}/admin/send/pause`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=123.forged',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(await app.queues[QUEUE.digestSend].isPaused()).toBe(false);
  });

  it('when the pause and resume forms are posted from the page, then the send queue pauses and resumes', async () => {
    const post = async (action: string) => {
      const page = await (await fetch(`${app.baseUrl}/admin`, { headers: auth })).text();
      const token = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      return fetch(`${app.baseUrl}/admin/send/${action}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token }),
        redirect: 'manual',
      });
    };
    const paused = await post('pause');
    expect([paused.status, paused.headers.get('location')]).toEqual([303, '/admin?done=paused']);
    expect(await app.queues[QUEUE.digestSend].isPaused()).toBe(true);
    const page = await (await fetch(`${app.baseUrl}/admin?done=paused`, { headers: auth })).text();
    expect(page).toContain('Resume sending');
    // A paused send is a warning, not a neutral note: the notice, the card and its sentence say so.
    expect(page).toContain('<div class="notice warn" role="status">Sending is paused.</div>');
    expect(page).toContain('<div class="card paused">');
    expect(page).toMatch(/<p class="small warntext" role="alert">No digest leaves while sending is paused/);
    expect((await post('resume')).status).toBe(303);
    expect(await app.queues[QUEUE.digestSend].isPaused()).toBe(false);
  });

  it('when the queue dashboard is opened, then it lists every queue under its own relaxed CSP', async () => {
    const ui = await fetch(`${app.baseUrl}/admin/queues`, { headers: auth });
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const api = (await (await fetch(`${app.baseUrl}/admin/queues/api/queues`, { headers: auth })).json()) as {
      queues: { name: string }[];
    };
    expect(api.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUE).sort());
    const home = await fetch(`${app.baseUrl}/healthz`);
    expect(home.headers.get('content-security-policy')).not.toContain("connect-src 'self'");
  });
});

describe('admin password guessing', () => {
  it('when a client keeps sending wrong passwords, then it is refused with 429 even with the right one', async () => {
    const app = await startTestApp(ADMIN);
    try {
      const wrong = { authorization: basic('operator', 'guess-guess') };
      for (let i = 0; i < 20; i++) expect((await fetch(`${app.baseUrl}/admin`, { headers: wrong })).status).toBe(401);
      const blocked = await fetch(`${app.baseUrl}/admin`, { headers: auth });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

describe('admin password guessing in parallel', () => {
  it('when a client sends many wrong passwords at once, then at most the limit are evaluated and the rest get 429', async () => {
    const app = await startTestApp(ADMIN);
    try {
      const wrong = { authorization: basic('operator', 'guess-guess') };
      const statuses = await Promise.all(
        Array.from({ length: 40 }, () => fetch(`${app.baseUrl}/admin`, { headers: wrong }).then((r) => r.status)),
      );
      expect(statuses.filter((s) => s === 401)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    } finally {
      await app.close();
    }
  });

  it('when the operator signs in more often than the limit, then right passwords never use up the budget', async () => {
    const app = await startTestApp(ADMIN);
    try {
      const statuses = await Promise.all(
        Array.from({ length: 30 }, () =>
          fetch(`${app.baseUrl}/admin/queues/api/queues`, { headers: auth }).then((r) => r.status),
        ),
      );
      expect(new Set(statuses)).toEqual(new Set([200]));
      expect(
        (await fetch(`${app.baseUrl}/admin`, { headers: { authorization: basic('operator', 'typo') } })).status,
      ).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('admin cross-site writes', () => {
  it('when the browser marks a queue or send write as cross-site, then 403 whatever the credentials', async () => {
    const app = await startTestApp(ADMIN);
    try {
      const headers = { ...auth, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' };
      const retry = await fetch(`${app.baseUrl}/admin/queues/api/queues/ingest/retry/failed`, {
        method: 'PUT',
        headers,
      });
      expect(retry.status).toBe(403);
      const pause = await fetch(`${app.baseUrl}/admin/send/pause`, { method: 'POST', headers });
      expect(pause.status).toBe(403);
      expect(await app.queues[QUEUE.digestSend].isPaused()).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe('admin without credentials', () => {
  it('when not in development, then /admin and /metrics are disabled with 503', async () => {
    const app = await startTestApp();
    try {
      expect((await fetch(`${app.baseUrl}/admin`)).status).toBe(503);
      expect((await fetch(`${app.baseUrl}/admin/queues`)).status).toBe(503);
      expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(503);
    } finally {
      await app.close();
    }
  });
});
