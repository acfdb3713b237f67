// "Never silent", end to end: the real API (for the links), Postgres, Redis, the build and send
// workers and the dev mailbox as the SMTP server on loopback. Empty periods send nothing, the
// EMPTY_PERIODS_NOTICE-th one in a row sends one short notice, exactly once, and the next
// comes no sooner than that many periods later.
import type { Worker } from 'bullmq';
import { scheduleDigests } from '@paperboy/core';
import { createMailTransport, type MailTransport } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { startTestApp, type TestApp } from '../../api/test/test-app';
import { digestBuildProcessor } from '../src/processors/digest-build.processor';
import { digestSendProcessor } from '../src/processors/digest-send.processor';
import type { ProcessorDefinition } from '../src/processors/processor';
import { startWorkers } from '../src/run-workers';
import type { WorkerDeps } from '../src/worker-deps';
import { NOW, seedPapers, seedReaders, waitUntil, type SeededReader } from './digest.factory';

let app: TestApp;
let deps: WorkerDeps;
let mail: MailTransport;
let workers: Worker[];
const DAY = 24 * 3600_000;
const day = (n: number) => new Date(NOW.getTime() + n * DAY);
const periodOf = (n: number) => `d${day(n).toISOString().slice(0, 10)}`;

beforeAll(async () => {
  app = await startTestApp();
  mail = createMailTransport({ devMailboxPort: app.mailbox.port, poolSize: 2 });
  deps = {
    config: { ...app.config, PUBLIC_URL: app.baseUrl, EMPTY_PERIODS_NOTICE: 3 },
    logger: app.deps.logger,
    db: app.database.db,
    redis: app.redis,
    queues: app.queues,
    mail,
  };
  workers = startWorkers(deps, [digestBuildProcessor, digestSendProcessor] as ProcessorDefinition[]);
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.close()));
  mail.close();
  await app.close();
});

const mailTo = (email: string) => app.mailbox.messages().filter((m) => m.envelopeTo.includes(email));
const delivery = (subscriberId: number, n: number) =>
  app.database.db.delivery.findUniqueOrThrow({
    where: { subscriberId_periodKey: { subscriberId, periodKey: periodOf(n) } },
  });

/** Runs day `n`'s schedule for the reader and waits until that period's delivery is final. */
async function runDay(reader: SeededReader, n: number) {
  await scheduleDigests({ ...deps, now: () => day(n) }, { force: true, subscriberId: reader.id });
  await waitUntil(async () => {
    const d = await app.database.db.delivery.findUnique({
      where: { subscriberId_periodKey: { subscriberId: reader.id, periodKey: periodOf(n) } },
    });
    return d !== null && ['sent', 'skipped', 'failed'].includes(d.status);
  });
  return delivery(reader.id, n);
}

describe('never silent', () => {
  let quiet: SeededReader;

  beforeAll(async () => {
    // Another reader's topics bring matches to suggest; the quiet reader's topic matches nothing.
    await seedReaders(app.database.db, 1, {
      prefix: 'busy',
      topics: ['reward models', 'diffusion models', 'clinical NLP'],
    });
    [quiet] = (await seedReaders(app.database.db, 1, { prefix: 'quiet', topics: ['legal NLP'] })) as [SeededReader];
    await seedPapers(
      app.database.db,
      [
        { title: 'Process reward models for math', abstract: 'Reward models that score steps.', upvotes: 40 },
        { title: 'Clinical NLP for discharge summaries', abstract: 'Clinical NLP on hospital notes.', upvotes: 12 },
      ],
      day(2),
    );
  });

  it('when the first two periods are empty, then nothing is sent and each is recorded as skipped', async () => {
    expect(await runDay(quiet, 0)).toMatchObject({ kind: 'digest', status: 'skipped' });
    expect(await runDay(quiet, 1)).toMatchObject({ kind: 'digest', status: 'skipped' });
    expect(mailTo(quiet.email)).toHaveLength(0);
  });

  it('when the third empty period comes, then one notice arrives naming the topic, its count, related and busy topics with counts, and the preferences link', async () => {
    const third = await runDay(quiet, 2);
    expect(third).toMatchObject({ kind: 'notice', status: 'sent', attempts: 1 });
    const [notice] = mailTo(quiet.email);
    expect(notice).toBeDefined();
    expect(notice!.headers.subject).toBe('All quiet on legal NLP for 3 days');
    expect(notice!.headers['message-id']).toBe(third.messageId);
    expect(notice!.text).toContain('legal NLP: no papers');
    // "clinical NLP" shares "NLP" with "legal NLP": suggested first, then the busiest topic.
    expect(notice!.text).toMatch(
      /Broader or related topics readers follow:\s+- clinical NLP: 1 paper\s+- reward models: 1 paper/,
    );
    expect(notice!.text).toContain(`${app.baseUrl}/manage/`);
    expect(notice!.headers['list-unsubscribe']).toMatch(new RegExp(`^<${app.baseUrl}/unsubscribe/`));
    const manage = new RegExp(`${app.baseUrl}/manage/[A-Za-z0-9._-]+`).exec(notice!.text)![0];
    expect((await fetch(manage)).status).toBe(200);
  });

  it('when the notice period is built and sent again, then no second notice goes out', async () => {
    const third = await delivery(quiet.id, 2);
    const build = await app.queues[QUEUE.digestBuild].add(
      'build',
      { subscriberId: quiet.id, periodKey: periodOf(2) },
      { jobId: 'notice-replayed-build' },
    );
    const send = await app.queues[QUEUE.digestSend].add(
      'send',
      { deliveryIds: [third.id] },
      { jobId: 'notice-replayed-send' },
    );
    await waitUntil(async () => (await build.getState()) === 'completed' && (await send.getState()) === 'completed');
    expect(mailTo(quiet.email)).toHaveLength(1);
    expect(await delivery(quiet.id, 2)).toMatchObject({ kind: 'notice', status: 'sent', attempts: 1 });
  });

  it('when the quiet goes on, then the next notice comes only after three more empty periods', async () => {
    expect(await runDay(quiet, 3)).toMatchObject({ kind: 'digest', status: 'skipped' });
    expect(await runDay(quiet, 4)).toMatchObject({ kind: 'digest', status: 'skipped' });
    expect(mailTo(quiet.email)).toHaveLength(1);
    expect(await runDay(quiet, 5)).toMatchObject({ kind: 'notice', status: 'sent' });
    await waitUntil(async () => mailTo(quiet.email).length === 2);
  });

  it('when a period in between had papers, then the run starts over', async () => {
    const [ruth] = (await seedReaders(app.database.db, 1, {
      prefix: 'ruth',
      topics: ['quantum error correction'],
    })) as [SeededReader];
    expect(await runDay(ruth, 0)).toMatchObject({ status: 'skipped' });
    await seedPapers(
      app.database.db,
      [{ title: 'Quantum error correction with surface codes', abstract: 'Quantum error correction.', upvotes: 5 }],
      day(1),
    );
    expect(await runDay(ruth, 1)).toMatchObject({ kind: 'digest', status: 'sent' });
    expect(await runDay(ruth, 2)).toMatchObject({ kind: 'digest', status: 'skipped' });
    expect(await runDay(ruth, 3)).toMatchObject({ kind: 'digest', status: 'skipped' });
    expect(await runDay(ruth, 4)).toMatchObject({ kind: 'notice', status: 'sent' });
    await waitUntil(async () => mailTo(ruth.email).length === 2);
    expect(
      mailTo(ruth.email)
        .map((m) => m.headers.subject)
        .sort(),
    ).toEqual([
      'All quiet on quantum error correction for 3 days',
      'quantum error correction: Quantum error correction with surface codes',
    ]);
  });
});
