// A relay that refuses us is the sender's problem, not the readers': a real SMTP server on
// loopback answers '550 5.7.1 relaying denied' to every RCPT TO. Nobody may be suppressed or
// bounced, sending must pause, and once the relay is fixed every reader gets one digest.
import type { Worker } from 'bullmq';
import { scheduleDigests, setSendingPaused } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';
import { startFaultySmtp, type FaultySmtp } from './digest-smtp.fixture';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let smtp: FaultySmtp;
let mail: MailTransport;
let workers: Worker[];
let readers: SeededReader[];
let relayDenies = true;

beforeAll(async () => {
  env = await createTestWorkerEnv({ SEND_RETRY_BASE_MS: '20', SEND_PAUSE_AFTER_ERRORS: '5' });
  smtp = await startFaultySmtp(() =>
    relayDenies ? { at: 'rcpt', code: 550, text: '5.7.1 relaying denied' } : 'accept',
  );
  mail = createMailTransport({ smtpUrl: smtp.url, devMailboxPort: 0, poolSize: 2 });
  env.deps.mail = mail;
  readers = await seedReaders(env.database.db, 20, { prefix: 'relay' });
  await seedPapers(env.database.db);
  workers = startWorkers(env.deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await smtp.close();
  await env.close();
});

const db = () => env.database.db;
const sendQueue = () => env.deps.queues[QUEUE.digestSend];
const openDeliveries = () => db().delivery.count({ where: { status: { in: ['pending', 'sending'] } } });

describe('a relay that denies every recipient (550 5.7.1)', () => {
  it('when every RCPT TO gets 550 5.7.1, then nobody is suppressed or bounced and sending pauses', async () => {
    await scheduleDigests({ ...env.deps, now: () => NOW }, { force: true });
    // Either the breaker pauses, or (the bug) every delivery ends as a hard bounce.
    await waitUntil(
      async () =>
        (await sendQueue().isPaused()) ||
        ((await db().delivery.count()) === readers.length && (await openDeliveries()) === 0),
    );
    expect(await sendQueue().isPaused()).toBe(true);
    // Sends running when it paused finish (and count) before the state settles.
    await waitUntil(async () => (await db().delivery.count({ where: { status: 'sending' } })) === 0);
    expect(await db().suppression.count()).toBe(0);
    expect(await db().subscriber.count({ where: { status: { not: 'active' } } })).toBe(0);
    expect(await db().delivery.count({ where: { status: 'failed' } })).toBe(0);
    expect(smtp.accepted).toHaveLength(0);
  });

  it('when the relay is fixed and sending resumes, then every reader gets exactly one digest', async () => {
    relayDenies = false;
    await setSendingPaused(env.deps.queues, false);
    await waitUntil(async () => (await db().delivery.count({ where: { status: 'sent' } })) === readers.length);
    const perReader = new Map<string, number>();
    for (const m of smtp.accepted) perReader.set(m.to, (perReader.get(m.to) ?? 0) + 1);
    expect(perReader.size).toBe(readers.length);
    expect([...perReader.values()].every((n) => n === 1)).toBe(true);
  });
});
