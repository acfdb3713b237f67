// SMTP failures, injected by a scripted server on loopback: transient ones (421, 451, a dropped
// connection) retry with backoff and deliver once; a 550 to RCPT TO suppresses the address
// without retrying; a run of failures pauses the send queue.
import type { Worker } from 'bullmq';
import { hashEmail, scheduleDigests, setSendingPaused } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';
import { startFaultySmtp, type FaultPlan, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let smtp: FaultySmtp;
let mail: MailTransport;
let workers: Worker[];
const plans = new Map<string, FaultPlan>();

beforeAll(async () => {
  env = await createTestWorkerEnv({ SEND_RETRY_BASE_MS: '20', SEND_PAUSE_AFTER_ERRORS: '6' });
  smtp = await startFaultySmtp((to, attempt) => plans.get(to)?.(to, attempt) ?? 'accept');
  mail = createMailTransport({ smtpUrl: smtp.url, devMailboxPort: 0, poolSize: 2 });
  env.deps.mail = mail;
  workers = startWorkers(env.deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
  await seedReaders(env.database.db, 1, { prefix: 'warmup' }); // topics exist before matching
  await seedPapers(env.database.db);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await smtp.close();
  await env.close();
});

const db = () => env.database.db;
const deliveryOf = (subscriberId: number) => db().delivery.findFirstOrThrow({ where: { subscriberId } });
const finished = async (id: number) =>
  ['sent', 'failed'].includes((await db().delivery.findFirst({ where: { subscriberId: id } }))?.status ?? '');
async function sendTo(prefix: string, plan: FaultPlan): Promise<SeededReader> {
  const [reader] = await seedReaders(db(), 1, { prefix });
  plans.set(reader!.email, plan);
  await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true, subscriberId: reader!.id });
  return reader!;
}
const receivedBy = (email: string) => smtp.accepted.filter((m) => m.to === email);

describe('transient SMTP failures', () => {
  it('when the server answers 421 twice at RCPT TO, then the digest is retried and delivered exactly once', async () => {
    const reader = await sendTo('greylisted', (_to, attempt) => (attempt <= 2 ? { at: 'rcpt', code: 421 } : 'accept'));
    await waitUntil(() => finished(reader.id));
    expect(await deliveryOf(reader.id)).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(receivedBy(reader.email)).toHaveLength(1);
  });

  it('when the server answers 451 at the end of DATA, then the digest is retried and delivered exactly once', async () => {
    const reader = await sendTo('busy', (_to, attempt) => (attempt === 1 ? { at: 'data', code: 451 } : 'accept'));
    await waitUntil(() => finished(reader.id));
    expect(await deliveryOf(reader.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receivedBy(reader.email)).toHaveLength(1);
  });

  it('when the connection drops in the middle of DATA, then the digest is retried on a new connection and delivered once', async () => {
    const reader = await sendTo('dropped', (_to, attempt) => (attempt === 1 ? 'drop' : 'accept'));
    await waitUntil(() => finished(reader.id));
    expect(await deliveryOf(reader.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receivedBy(reader.email)).toHaveLength(1);
  });
});

describe('permanent SMTP failures', () => {
  it('when the server answers 550 5.1.1 at RCPT TO, then the delivery fails, the address is suppressed and the reader bounced, with no retry', async () => {
    const reader = await sendTo('nosuchuser', () => ({ at: 'rcpt', code: 550, text: '5.1.1 no such user here' }));
    await waitUntil(() => finished(reader.id));
    const delivery = await deliveryOf(reader.id);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery.lastError).toMatch(/550/);
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail(reader.email) } })).toMatchObject({
      reason: 'hard_bounce',
    });
    expect(await db().subscriber.findUniqueOrThrow({ where: { id: reader.id } })).toMatchObject({
      status: 'bounced',
      nextDigestAt: null,
    });
    // No retry job for it: its batch finished, reporting the bounce.
    const open = await env.deps.queues[QUEUE.digestSend].getJobs(['waiting', 'delayed', 'active']);
    expect(open.filter((j) => (j.data as { deliveryId?: number }).deliveryId === delivery.id)).toEqual([]);
    expect(smtp.attempts(reader.email)).toBe(1);
    expect(receivedBy(reader.email)).toHaveLength(0);
  });
});

describe('a failing SMTP server', () => {
  it('when sends keep failing, then the send queue pauses after the configured number of consecutive errors', async () => {
    const reader = await sendTo('down', () => ({ at: 'data', code: 451 }));
    const queue = env.deps.queues[QUEUE.digestSend];
    await waitUntil(() => queue.isPaused());
    // The hard bounce just before (nosuchuser) counted as a failure too: no success came since.
    expect(smtp.attempts(reader.email) + smtp.attempts('nosuchuser-0@example.org')).toBeGreaterThanOrEqual(6);
    // The breaker pauses before the failed attempt is recorded: wait for the record.
    await waitUntil(async () => (await deliveryOf(reader.id)).status === 'pending');
    expect(await deliveryOf(reader.id)).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/451/) });
    expect(receivedBy(reader.email)).toHaveLength(0);
  });

  it('when the operator resumes and sends keep failing, then the send queue pauses again', async () => {
    const queue = env.deps.queues[QUEUE.digestSend];
    expect(await queue.isPaused()).toBe(true);
    const emails = ['down-0@example.org', 'stilldown-a-0@example.org', 'stilldown-b-0@example.org'];
    const attempts = () => emails.reduce((n, email) => n + smtp.attempts(email), 0);
    const before = attempts();
    await setSendingPaused(env.deps.queues, false);
    await sendTo('stilldown-a', () => ({ at: 'data', code: 451 }));
    await sendTo('stilldown-b', () => ({ at: 'data', code: 451 }));
    await waitUntil(() => queue.isPaused());
    // The count starts again after the resume: the threshold's worth of new failures, not one.
    expect(attempts() - before).toBeGreaterThanOrEqual(6);
  });
});
