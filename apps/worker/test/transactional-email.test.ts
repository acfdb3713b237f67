import { QueueEvents } from 'bullmq';
import { domainOfAddress, stableMessageId } from '@paperboy/email';
import { QUEUE, jobId } from '@paperboy/queue';
import { transactionalEmailProcessor } from '../src/processors/transactional-email.processor';
import { startWorkers } from '../src/run-workers';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let events: QueueEvents;
let workers: ReturnType<typeof startWorkers>;
let eventsConnection: ReturnType<TestWorkerEnv['deps']['redis']['duplicate']>;

beforeAll(async () => {
  env = await createTestWorkerEnv({
    PUBLIC_URL: 'https://papers.example.org',
    SECRET_KEY: 'worker-test-secret-key-0123456789',
  });
  eventsConnection = env.deps.redis.duplicate();
  events = new QueueEvents(QUEUE.transactionalEmail, {
    connection: eventsConnection,
    prefix: env.deps.config.REDIS_PREFIX,
  });
  await events.waitUntilReady();
  workers = startWorkers(env.deps, [transactionalEmailProcessor as never]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  await events.close();
  eventsConnection.disconnect();
  await env.close();
});

async function run(subscriberId: number, kind: 'confirm' | 'manage-link' | 'goodbye') {
  const job = await env.deps.queues[QUEUE.transactionalEmail].add(
    kind,
    { subscriberId, kind },
    { jobId: jobId('t', kind, subscriberId) },
  );
  return job.waitUntilFinished(events, 15_000);
}

const reader = (email: string, status: 'pending' | 'active' | 'unsubscribed', topics = ['robotics']) =>
  env.deps.db.subscriber.create({
    data: {
      email,
      status,
      lastConfirmationSentAt: new Date(),
      topics: { create: topics.map((raw) => ({ raw, key: raw })) },
    },
  });

describe('transactional-email processor', () => {
  it('when a pending reader is due a confirmation, then it arrives over SMTP with a confirm link and escaped topics, and is recorded', async () => {
    const r = await reader('pending@example.org', 'pending', ['<script>x</script> agents']);
    expect(await run(r.id, 'confirm')).toMatchObject({ sent: 'confirm' });
    const mail = await env.mailbox.waitFor((m) => m.envelopeTo.includes('pending@example.org'));
    expect(mail.subject).toMatch(/confirm/i);
    expect(mail.html).toMatch(/https:\/\/papers\.example\.org\/confirm\/[\w-]+\.[\w-]+/);
    expect(mail.html).not.toContain('<script>x</script>');
    expect(mail.text).toContain('<script>x</script> agents'); // plain text is not HTML: shown as typed
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    // Keyed with the app's SECRET_KEY, so the id cannot be traced back to the reader's id.
    const key = `confirm-${r.id}-${r.lastConfirmationSentAt!.getTime()}`;
    expect(mail.headers['message-id']).toBe(
      stableMessageId(key, domainOfAddress(env.deps.config.MAIL_FROM), env.deps.config.SECRET_KEY),
    );
    const events = await env.deps.db.subscriptionEvent.findMany({ where: { subscriberId: r.id } });
    expect(events.map((e) => e.type)).toEqual(['confirmation_sent']);
  });

  it('when an active reader asks again, then the manage-link email carries the one-click unsubscribe headers', async () => {
    const r = await reader('active@example.org', 'active');
    await run(r.id, 'manage-link');
    const mail = await env.mailbox.waitFor((m) => m.envelopeTo.includes('active@example.org'));
    expect(mail.headers['list-unsubscribe']).toMatch(/^<https:\/\/papers\.example\.org\/unsubscribe\/[\w-]+\.[\w-]+>$/);
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain('https://papers.example.org/manage/');
  });

  it('when the reader unsubscribed or was deleted while the job waited, then nothing is sent', async () => {
    const r = await reader('left@example.org', 'unsubscribed');
    expect(await run(r.id, 'confirm')).toEqual({ skipped: 'subscriber is unsubscribed' });
    expect(await run(999_999, 'confirm')).toEqual({ skipped: 'subscriber no longer exists' });
    expect(env.mailbox.messages().some((m) => m.envelopeTo.includes('left@example.org'))).toBe(false);
  });
});
