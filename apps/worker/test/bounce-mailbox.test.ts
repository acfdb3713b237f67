// The bounce mailbox as the worker reads it: a real IMAP conversation with a loopback IMAP
// server (hoodiecrow-imap) holding the DSN and ARF reports a relay and a feedback loop send,
// read by the real processor under BullMQ, recorded in a real Postgres.
import type { AddressInfo } from 'node:net';
import hoodiecrow from 'hoodiecrow-imap';
import { hashEmail } from '@paperboy/core';
import { imapConnection } from '@paperboy/email';
import { arfReport, dsnReport } from '@paperboy/email/testing';
import { createMetrics } from '@paperboy/metrics';
import { QUEUE } from '@paperboy/queue';
import { bounceMailboxProcessor } from '../src/processors/bounce-mailbox.processor';
import { applyBounceMailboxSchedule, BOUNCE_MAILBOX_SCHEDULER_ID } from '../src/schedules/bounce-mailbox-schedule';
import { startWorkers } from '../src/run-workers';
import { createJobRunner, type JobRunner } from './job-runner';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

const human =
  'From: reader@example.org\r\nTo: bounces@example.org\r\nSubject: Out of office\r\nMessage-ID: <ooo@example.org>\r\n\r\nI am away.\r\n';

let imap: ReturnType<typeof hoodiecrow>;
let imapUrl: string;
let env: TestWorkerEnv;
let runner: JobRunner;
let workers: ReturnType<typeof startWorkers>;
const metrics = createMetrics({ service: 'worker', defaultMetrics: false });

beforeAll(async () => {
  imap = hoodiecrow({
    plugins: ['ENABLE', 'UIDPLUS', 'LITERALPLUS', 'ID', 'UNSELECT'],
    storage: {
      INBOX: {
        messages: [
          { raw: dsnReport({ reportId: '<dsn-1@relay.example.net>', recipient: 'gone@example.org', status: '5.1.1' }) },
          {
            raw: dsnReport({
              reportId: '<dsn-2@relay.example.net>',
              recipient: 'full@example.org',
              status: '4.2.2',
              action: 'delayed',
            }),
          },
          {
            raw: dsnReport({ reportId: '<dsn-3@relay.example.net>', recipient: 'policy@example.org', status: '5.7.1' }),
          },
          {
            raw: arfReport({ reportId: '<arf-1@fbl.example.com>', originalMessageId: '<digest-of-spam@example.org>' }),
          },
          { raw: human },
        ],
      },
    },
  });
  await new Promise<void>((resolve) => imap.listen(0, '127.0.0.1', resolve));
  imapUrl = `imap://testuser:testpass@127.0.0.1:${(imap.server.address() as AddressInfo).port}/INBOX`;
  env = await createTestWorkerEnv({ BOUNCE_IMAP_URL: imapUrl });
  env.deps.metrics = metrics;
  const db = env.database.db;
  for (const email of ['gone@example.org', 'full@example.org', 'policy@example.org', 'spam@example.org'])
    await db.subscriber.create({ data: { email, status: 'active' } });
  const spam = await db.subscriber.findUniqueOrThrow({ where: { email: 'spam@example.org' } });
  await db.delivery.create({
    data: {
      subscriberId: spam.id,
      periodKey: 'd2026-12-05',
      status: 'sent',
      messageId: '<digest-of-spam@example.org>',
    },
  });
  workers = startWorkers(env.deps, [bounceMailboxProcessor]);
  runner = await createJobRunner(env, QUEUE.bounceMailbox);
});

afterAll(async () => {
  await runner.close();
  await Promise.all(workers.map((w) => w.close()));
  await env.close();
  await new Promise<void>((resolve) => imap.close(resolve));
});

const status = async (email: string) => (await env.database.db.subscriber.findUnique({ where: { email } }))?.status;

async function unseenCount(): Promise<number> {
  const { client } = imapConnection({ url: imapUrl });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    return ((await client.search({ seen: false }, { uid: true })) || []).length;
  } finally {
    lock.release();
    await client.logout();
  }
}

async function append(raw: string): Promise<void> {
  const { client } = imapConnection({ url: imapUrl });
  await client.connect();
  await client.append('INBOX', raw);
  await client.logout();
}

describe('the bounce mailbox', () => {
  it('when the mailbox holds DSNs, an ARF report and a human reply, then 5.1.1 bounces, the complaint finds its reader by Message-ID, 5.7.1 is recorded soft, 4.x.x and the reply change nothing, and all are flagged seen', async () => {
    const outcome = await runner.run({}, 'poll-1');
    expect(outcome).toEqual({
      ok: true,
      value: { unseen: 5, ignored: 1, skippedTooLarge: 0, recorded: 3, duplicates: 0, suppressed: 2 },
    });
    expect(await status('gone@example.org')).toBe('bounced');
    expect(await status('spam@example.org')).toBe('complained');
    expect(await status('policy@example.org')).toBe('active');
    expect(await status('full@example.org')).toBe('active');
    const db = env.database.db;
    expect(await db.suppression.findUnique({ where: { emailHash: hashEmail('spam@example.org') } })).toMatchObject({
      reason: 'complaint',
    });
    expect(await db.bounceEvent.count({ where: { emailHash: hashEmail('full@example.org') } })).toBe(0);
    expect(await db.bounceEvent.findFirst({ where: { emailHash: hashEmail('policy@example.org') } })).toMatchObject({
      provider: 'mailbox',
      reason: 'soft_bounce',
      suppressed: false,
    });
    expect(await unseenCount()).toBe(0);
    const counted = (await metrics.bouncesReported.get()).values.map((v) => [v.labels.reason, v.value]);
    expect(counted.sort()).toEqual([
      ['complaint', 1],
      ['hard_bounce', 1],
      ['soft_bounce', 1],
    ]);
  });

  it('when the same report arrives again, then it is read and flagged but recorded only once', async () => {
    await append(dsnReport({ reportId: '<dsn-1@relay.example.net>', recipient: 'gone@example.org', status: '5.1.1' }));
    const outcome = await runner.run({}, 'poll-2');
    expect(outcome).toEqual({
      ok: true,
      value: { unseen: 1, ignored: 0, skippedTooLarge: 0, recorded: 0, duplicates: 1, suppressed: 0 },
    });
    expect(await env.database.db.subscriptionEvent.count({ where: { type: 'bounced' } })).toBe(1);
    expect(await unseenCount()).toBe(0);
  });

  it('when BOUNCE_IMAP_URL is set, then a repeatable poll is scheduled; unset, the scheduler is removed', async () => {
    const queue = env.deps.queues[QUEUE.bounceMailbox];
    expect(await applyBounceMailboxSchedule(env.deps.queues, env.deps.config)).toBe(true);
    expect(await queue.getJobScheduler(BOUNCE_MAILBOX_SCHEDULER_ID)).toMatchObject({ every: 300_000 });
    await applyBounceMailboxSchedule(env.deps.queues, { BOUNCE_IMAP_URL: undefined, BOUNCE_IMAP_EVERY_SECONDS: 300 });
    expect(await queue.getJobScheduler(BOUNCE_MAILBOX_SCHEDULER_ID)).toBeUndefined();
  });

  it('when the IMAP server refuses the login, then the poll fails (to be retried by the next one) and nothing changes', async () => {
    const before = await env.database.db.bounceEvent.count();
    env.deps.config.BOUNCE_IMAP_URL = imapUrl.replace('testpass', 'wrong');
    try {
      const outcome = await runner.run({}, 'poll-3', { attempts: 1 });
      expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/auth|login|command failed/i), attempts: 1 });
    } finally {
      env.deps.config.BOUNCE_IMAP_URL = imapUrl;
    }
    expect(await env.database.db.bounceEvent.count()).toBe(before);
  });
});
