// A send batch, driven directly (no worker): each delivery's fate is its own. The SMTP side is
// a stand-in that fails like Nodemailer does (responseCode + command), so the batch rules can be
// seen one by one: a transient failure queues that delivery alone with backoff, the last
// attempt gives up, and a pause by the breaker mid-batch hands the rest back unsent.
import {
  buildDigests,
  ComposeUnavailable,
  consecutiveErrorsKey,
  createSendBreaker,
  sendDigests,
  type MailSender,
  type SendBreaker,
} from '@paperboy/core';
import { createRenderer } from '@paperboy/email';
import { QUEUE } from '@paperboy/queue';
import { seedPapers, seedReaders } from './digest.factory';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
beforeAll(async () => {
  env = await createTestWorkerEnv({ SEND_RETRY_BASE_MS: '60000' });
  await seedReaders(env.database.db, 1, { prefix: 'warmup' }); // topics exist before matching
  await seedPapers(env.database.db);
});
afterAll(() => env.close());

const db = () => env.database.db;
const greylisted = Object.assign(new Error('try again later'), { responseCode: 451, command: 'DATA' });

/** Readers with built (pending) deliveries; the send jobs the build queues are dropped. */
async function builtDeliveries(prefix: string, count: number): Promise<number[]> {
  const readers = await seedReaders(db(), count, { prefix });
  const quiet = {
    ...env.deps,
    queues: { ...env.deps.queues, [QUEUE.digestSend]: { addBulk: async () => [] } },
  } as never;
  const built = await buildDigests(
    quiet,
    readers.map((r) => ({ subscriberId: r.id, periodKey: 'd2026-11-27' })),
  );
  return built.map((b) => (b as { deliveryId: number }).deliveryId);
}

async function sendDeps(mail: MailSender, breaker?: SendBreaker) {
  return { ...env.deps, mail, breaker, renderer: await createRenderer(), concurrency: 1 };
}

const retryJobs = async () =>
  (await env.deps.queues[QUEUE.digestSend].getJobs(['delayed', 'waiting'])).map((j) => ({
    id: j.id,
    data: j.data as { deliveryIds: number[] },
    delay: j.opts.delay ?? 0,
  }));

afterEach(() => env.deps.queues[QUEUE.digestSend].obliterate({ force: true }));

describe('a send batch', () => {
  it('when one delivery of a batch meets a 451, then only it is queued again (in a retry batch of its own), with backoff; the others are sent', async () => {
    const ids = await builtDeliveries('mixed', 3);
    const sent: string[] = [];
    const mail: MailSender = {
      sendMail: async (m) =>
        m.envelope.to[0] === 'mixed-1@example.org' ? Promise.reject(greylisted) : (sent.push(m.envelope.to[0]!), {}),
    };
    const outcomes = await sendDigests(await sendDeps(mail), ids);
    expect(outcomes.map((o) => Object.keys(o)[0])).toEqual(['sent', 'retrying', 'sent']);
    expect(sent).toEqual(['mixed-0@example.org', 'mixed-2@example.org']);
    const retries = await retryJobs();
    expect(retries).toEqual([
      {
        id: expect.stringMatching(/^send-attempt-2-batch-1-/),
        data: { deliveryIds: [ids[1]] },
        delay: expect.any(Number),
      },
    ]);
    expect(retries[0]!.delay).toBeGreaterThanOrEqual(30_000); // base 60 s, -50 % jitter at most
    expect(await db().delivery.findUniqueOrThrow({ where: { id: ids[1] } })).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringMatching(/451/),
    });
  });

  it('when a delivery fails transiently on its last attempt, then it fails for good instead of retrying', async () => {
    const [id] = await builtDeliveries('lastgo', 1);
    await db().delivery.update({ where: { id: id! }, data: { attempts: 7 } });
    const outcomes = await sendDigests(await sendDeps({ sendMail: () => Promise.reject(greylisted) }), [id!]);
    expect(outcomes).toEqual([{ failed: 'gave_up', deliveryId: id, detail: expect.stringMatching(/451/) }]);
    expect(await db().delivery.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: 'failed',
      attempts: 8,
      lastError: expect.stringMatching(/^gave up after 8 attempts/),
    });
    expect(await retryJobs()).toEqual([]);
  });

  it('when the breaker pauses sending in the middle of a batch, then the rest is handed back unsent, without using up an attempt, to go when sending resumes', async () => {
    const ids = await builtDeliveries('paused', 5);
    let failures = 0;
    const breaker: SendBreaker = {
      failure: async () => ({ paused: ++failures >= 2, consecutive: failures }),
      success: async () => undefined,
    };
    const tried: string[] = [];
    const outcomes = await sendDigests(
      await sendDeps({ sendMail: (m) => (tried.push(m.envelope.to[0]!), Promise.reject(greylisted)) }, breaker),
      ids,
    );
    expect(tried).toEqual(['paused-0@example.org', 'paused-1@example.org']);
    expect(outcomes.slice(2)).toEqual(
      ids.slice(2).map((deliveryId) => ({ retrying: 'sending was paused', deliveryId, delayMs: 0 })),
    );
    const handedBack = await db().delivery.findMany({ where: { id: { in: ids.slice(2) } } });
    expect(handedBack.map((d) => [d.status, d.attempts, d.lastError])).toEqual(
      ids.slice(2).map(() => ['pending', 0, 'sending was paused']),
    );
    expect((await retryJobs()).flatMap((j) => j.data.deliveryIds).sort()).toEqual([...ids].sort());
  });

  it('when sending is already paused and a send of a batch still running fails, then the rest of that batch is handed back unsent', async () => {
    const ids = await builtDeliveries('late', 3);
    const queue = env.deps.queues[QUEUE.digestSend];
    const key = consecutiveErrorsKey(env.deps.config.REDIS_PREFIX);
    // Another batch's failures tripped the breaker a moment ago: the queue is paused, the count at the threshold.
    await queue.pause();
    await env.deps.redis.set(key, 2);
    const breaker = createSendBreaker({
      redis: env.deps.redis,
      queues: env.deps.queues,
      prefix: env.deps.config.REDIS_PREFIX,
      threshold: 3,
    });
    const unknown = Object.assign(new Error('user unknown'), {
      responseCode: 550,
      command: 'RCPT TO',
      response: '550 5.1.1 user unknown',
    });
    const suppressedBefore = await db().suppression.count();
    const tried: string[] = [];
    const mail: MailSender = { sendMail: async (m) => (tried.push(m.envelope.to[0]!), Promise.reject(unknown)) };
    try {
      const outcomes = await sendDigests(await sendDeps(mail, breaker), ids);
      expect(outcomes.map((o) => Object.keys(o)[0])).toEqual(['failed', 'retrying', 'retrying']);
      expect(tried).toEqual(['late-0@example.org']);
      expect(await db().suppression.count()).toBe(suppressedBefore + 1);
    } finally {
      await queue.resume();
      await env.deps.redis.del(key);
    }
  });

  it('when no compose thread can take a digest, then it is composed on the event loop and sent once; bad data still fails it', async () => {
    const [id] = await builtDeliveries('away', 1);
    const sent: string[] = [];
    const composer = { compose: () => Promise.reject(new ComposeUnavailable('the compose thread exited (code 1)')) };
    const deps = { ...(await sendDeps({ sendMail: async (m) => (sent.push(m.envelope.to[0]!), {}) })), composer };
    expect(await sendDigests(deps, [id!])).toEqual([
      { sent: true, deliveryId: id, messageId: expect.any(String), attempt: 1 },
    ]);
    expect(sent).toEqual(['away-0@example.org']);
    const [bad] = await builtDeliveries('bad', 1);
    const refused = { compose: () => Promise.reject(new Error('digest: papers[0].url must be an http(s) URL')) };
    expect(await sendDigests({ ...deps, composer: refused }, [bad!])).toEqual([
      { failed: 'invalid_message', deliveryId: bad, detail: expect.stringMatching(/cannot build the email: .*url/) },
    ]);
    expect(sent).toEqual(['away-0@example.org']);
  });
});
