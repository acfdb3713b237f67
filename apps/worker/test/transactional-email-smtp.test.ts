// Transactional emails against the scripted SMTP server: a 5.1.x to RCPT TO is a hard bounce
// (suppressed, reader bounced, no retry), like a digest's; a relay's policy refusal (5.7.1) is
// retried and suppresses nobody; an email that cannot be built fails at once instead of being
// retried eight times.
import type { Job, Worker } from 'bullmq';
import { hashEmail } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { jobId, QUEUE } from '@paperboy/queue';
import { transactionalEmailProcessor } from '../src/processors/transactional-email.processor';
import { startWorkers } from '../src/run-workers';
import { waitUntil } from './digest.factory';
import { startFaultySmtp, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let smtp: FaultySmtp;
let mail: MailTransport;
let workers: Worker[];

beforeAll(async () => {
  env = await createTestWorkerEnv({
    PUBLIC_URL: 'https://papers.example.org',
    SECRET_KEY: 'worker-test-secret-key-0123456789',
  });
  smtp = await startFaultySmtp((to) =>
    to.startsWith('gone')
      ? { at: 'rcpt', code: 550, text: '5.1.1 no such user here' }
      : to.startsWith('relayed')
        ? { at: 'rcpt', code: 550, text: '5.7.1 relaying denied' }
        : to.startsWith('refused')
          ? { at: 'data', code: 554 }
          : 'accept',
  );
  mail = createMailTransport({ smtpUrl: smtp.url, devMailboxPort: 0, poolSize: 2 });
  env.deps.mail = mail;
  workers = startWorkers(env.deps, [transactionalEmailProcessor as never]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await smtp.close();
  await env.close();
});

const db = () => env.deps.db;
const pending = (email: string) =>
  db().subscriber.create({
    data: {
      email,
      status: 'pending',
      lastConfirmationSentAt: new Date(),
      topics: { create: [{ raw: 'robotics', key: 'robotics' }] },
    },
  });

/** Runs a confirmation job until it finished or was scheduled for a retry. */
async function confirm(subscriberId: number): Promise<Job> {
  const job = await env.deps.queues[QUEUE.transactionalEmail].add(
    'confirm',
    { subscriberId, kind: 'confirm' },
    { jobId: jobId('t', 'confirm', subscriberId), backoff: { type: 'fixed', delay: 60_000 } },
  );
  await waitUntil(async () => ['failed', 'delayed', 'completed'].includes(await job.getState()));
  return (await env.deps.queues[QUEUE.transactionalEmail].getJob(job.id!))!;
}

describe('transactional emails and SMTP failures', () => {
  it('when the server answers 550 5.1.1 at RCPT TO, then the address is suppressed, the reader bounced and the job fails without retry', async () => {
    const r = await pending('gone@example.org');
    const job = await confirm(r.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/550/);
    expect(smtp.attempts('gone@example.org')).toBe(1);
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail('gone@example.org') } })).toMatchObject({
      reason: 'hard_bounce',
    });
    expect(await db().subscriber.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'bounced' });
    const events = await db().subscriptionEvent.findMany({ where: { subscriberId: r.id } });
    expect(events.map((e) => e.type)).toEqual(['bounced']);
  });

  it('when the relay answers 550 5.7.1 at RCPT TO, then the job is retried later and nobody is suppressed or bounced', async () => {
    const r = await pending('relayed@example.org');
    const job = await confirm(r.id);
    expect(await job.getState()).toBe('delayed');
    expect(job.failedReason).toMatch(/5\.7\.1/);
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail('relayed@example.org') } })).toBeNull();
    expect(await db().subscriber.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'pending' });
    await job.remove();
  });

  it('when the server refuses the message with a 5xx, then the job fails without retry and the address is kept', async () => {
    const r = await pending('refused@example.org');
    const job = await confirm(r.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(await db().suppression.findUnique({ where: { emailHash: hashEmail('refused@example.org') } })).toBeNull();
    expect(await db().subscriber.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: 'pending' });
  });

  it('when the email cannot be built (a stored address that is not one), then the job fails without retry and nothing is sent', async () => {
    const r = await pending('not-an-address');
    const job = await confirm(r.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/cannot build/);
    expect(smtp.attempts('not-an-address')).toBe(0);
  });
});
