// Issue 14, operators 7: /admin/readers?q=<address> finds one reader (exact, any case) with
// status, choices, deliveries and events; its actions need the admin credentials and the CSRF
// token, and each is recorded.
import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from './test-app';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' };
const auth = { authorization: `Basic ${Buffer.from('operator:correct-horse-battery').toString('base64')}` };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ ...ADMIN, CONFIRM_RESEND_MINUTES: '0' });
});
afterAll(() => app.close());

const lookup = (q: string, headers: Record<string, string> = auth) =>
  fetch(`${app.baseUrl}/admin/readers?q=${encodeURIComponent(q)}`, { headers });
const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
const act = (id: number, action: string, csrf: string) =>
  fetch(`${app.baseUrl}/admin/readers/${id}/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf }),
  });
const eventsOf = async (subscriberId: number | null, type: string) =>
  app.database.db.subscriptionEvent.findMany({ where: { subscriberId, type } });

describe('finding a reader', () => {
  it('when the address is typed in another case, then the page shows status, topics, schedule, deliveries with their status and events', async () => {
    const r = await app.database.db.subscriber.create({
      data: {
        email: 'ada@example.org',
        status: 'active',
        frequency: 'weekly',
        timezone: 'Europe/Berlin',
        topics: { create: [{ raw: 'reward models', key: 'reward model' }] },
      },
    });
    await app.database.db.delivery.create({
      data: {
        subscriberId: r.id,
        periodKey: 'w2026-W48',
        status: 'failed',
        attempts: 3,
        lastError: '550 5.1.1 mailbox unknown',
      },
    });
    await app.database.db.subscriptionEvent.create({ data: { subscriberId: r.id, type: 'confirmed' } });
    const res = await lookup('  ADA@Example.ORG ');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    for (const text of [
      'ada@example.org',
      '>active<',
      'reward models',
      'weekly',
      'Europe/Berlin',
      'w2026-W48',
      '>failed<',
      '550 5.1.1 mailbox unknown',
      'confirmed',
    ])
      expect(page).toContain(text);
  });

  it('when the query cannot be an address (a NUL byte, a lone surrogate, no @), then 400 with the reason, never a 500', async () => {
    // Percent-encoded as sent: NUL, a UTF-8 encoded lone surrogate, no @.
    for (const q of ['a%00b%40example.org', 'fuzz%ED%A0%80%40example.org', 'no-at-sign']) {
      const res = await fetch(`${app.baseUrl}/admin/readers?q=${q}`, { headers: auth });
      expect([q, res.status]).toEqual([q, 400]);
      expect(await res.text()).toContain('does not look like an email address');
    }
  });

  it('when nobody has the address, then the page says so; without credentials it answers 401', async () => {
    expect(await (await lookup('nobody@example.org')).text()).toContain('No reader with the address');
    expect((await lookup('ada@example.org', {})).status).toBe(401);
  });
});

describe('acting for a reader', () => {
  it('when unsubscribe is posted without the CSRF token, then 403 and nothing changes; with it, the reader is unsubscribed and it is recorded', async () => {
    const r = await app.database.db.subscriber.create({ data: { email: 'leave@example.org', status: 'active' } });
    expect((await act(r.id, 'unsubscribe', 'forged')).status).toBe(403);
    expect((await app.database.db.subscriber.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('active');
    const res = await act(r.id, 'unsubscribe', csrfOf(await (await lookup('leave@example.org')).text()));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/readers?q=leave%40example.org&done=unsubscribe');
    expect((await app.database.db.subscriber.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('unsubscribed');
    expect((await eventsOf(r.id, 'admin_action')).map((e) => e.data)).toEqual([
      { action: 'unsubscribe', operator: 'operator' },
    ]);
    expect((await eventsOf(r.id, 'unsubscribed')).map((e) => e.data)).toEqual([{ via: 'admin' }]);
  });

  it('when a confirmation is resent for a pending reader, then one is queued and recorded', async () => {
    const r = await app.database.db.subscriber.create({ data: { email: 'waiting@example.org', status: 'pending' } });
    const res = await act(r.id, 'resend-confirmation', csrfOf(await (await lookup('waiting@example.org')).text()));
    expect(res.status).toBe(303);
    const jobs = await app.queues[QUEUE.transactionalEmail].getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.filter((j) => j.data.subscriberId === r.id).map((j) => j.data.kind)).toEqual(['confirm']);
    expect(await eventsOf(r.id, 'admin_action')).toHaveLength(1);
  });

  it('when a reader is wiped, then they are gone, the address is suppressed and a detached record says an operator did it', async () => {
    const r = await app.database.db.subscriber.create({ data: { email: 'wipe@example.org', status: 'active' } });
    const csrf = csrfOf(await (await lookup('wipe@example.org')).text());
    const res = await act(r.id, 'wipe', csrf);
    expect(res.headers.get('location')).toBe('/admin/readers?done=wipe');
    expect(await app.database.db.subscriber.findUnique({ where: { id: r.id } })).toBeNull();
    expect(await app.database.db.suppression.count()).toBe(1);
    expect((await eventsOf(null, 'admin_action')).map((e) => e.data)).toEqual([
      { action: 'wipe', operator: 'operator' },
    ]);
    expect((await act(r.id, 'wipe', csrf)).status).toBe(404); // twice: already gone
  });

  it('when the action or id is not one the page offers, then 404 / 400, never 500', async () => {
    const csrf = csrfOf(await (await lookup('ada@example.org')).text());
    expect((await act(1, 'delete-everything', csrf)).status).toBe(404);
    expect((await act(Number.NaN, 'unsubscribe', csrf)).status).toBe(400);
  });
});
