// The admin overview tells the operator when the SMTP breaker holds sending paused, why, and
// when it probes again (it resumes on its own; the button resumes at once).
import { writeBreakerState } from '@paperboy/core';
import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from './test-app';

const ADMIN = { ADMIN_USER: 'operator', ADMIN_PASSWORD: 'correct-horse-battery' };
const auth = {
  authorization: `Basic ${Buffer.from(`${ADMIN.ADMIN_USER}:${ADMIN.ADMIN_PASSWORD}`).toString('base64')}`,
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(ADMIN);
});
afterAll(() => app.close());

describe('the admin overview and the send breaker', () => {
  it('when the breaker has paused sending, then the overview says so, with the last error and the next probe', async () => {
    await app.queues[QUEUE.digestSend].pause();
    const retryAt = new Date(Date.now() + 120_000).toISOString();
    await writeBreakerState(app.redis, app.config.REDIS_PREFIX, {
      state: 'open',
      since: new Date().toISOString(),
      retryAt,
      delayMs: 120_000,
      trips: 2,
      lastError: '[EMESSAGE DATA 451] 451 4.3.2 <try again>',
    });
    const page = await (await fetch(`${app.baseUrl}/admin`, { headers: auth })).text();
    expect(page).toContain('paused by the SMTP breaker');
    expect(page).toContain('451 4.3.2 &lt;try again&gt;');
    expect(page).toMatch(/next probe in 2 min/);
    expect(page).toContain('Resume sending');
  });

  it('when sending runs, then no breaker notice is shown', async () => {
    await app.queues[QUEUE.digestSend].resume();
    await writeBreakerState(app.redis, app.config.REDIS_PREFIX, {
      state: 'closed',
      since: new Date().toISOString(),
      delayMs: 120_000,
      trips: 2,
    });
    const page = await (await fetch(`${app.baseUrl}/admin`, { headers: auth })).text();
    expect(page).not.toContain('SMTP breaker');
    expect(page).toContain('Pause sending');
  });

  it('when an operator resumed while the breaker was probing (its state left open), then sending shows as running', async () => {
    await app.queues[QUEUE.digestSend].resume();
    await writeBreakerState(app.redis, app.config.REDIS_PREFIX, {
      state: 'open',
      since: new Date().toISOString(),
      retryAt: new Date(Date.now() + 60_000).toISOString(),
      delayMs: 60_000,
      trips: 1,
    });
    const page = await (await fetch(`${app.baseUrl}/admin`, { headers: auth })).text();
    expect(page).not.toContain('SMTP breaker');
    expect(page).toContain('Pause sending');
  });
});
