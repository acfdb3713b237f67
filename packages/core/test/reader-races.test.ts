// Interleavings between reader use cases: one request reads the reader, another changes the
// status, then the first writes. The seam is the database handle: `interleave` runs an action
// right after the first `subscriber.findUnique`, i.e. between a use case's read and its write.
import { randomBytes } from 'node:crypto';
import type { Db } from '@paperboy/db';
import { QUEUE } from '@paperboy/queue';
import {
  confirmSubscription,
  parseSubscribeInput,
  purgeUnconfirmedReaders,
  subscribe,
  unsubscribe,
  updatePreferences,
} from '../src/subscribers';
import { makeReader, NOW } from './matching.factory';
import { useReaderTestEnv } from './reader-test-env';

const env = useReaderTestEnv();
const deps = env.deps;

/** A db whose `nth` subscriber.findUnique (the first by default) runs `action` (on the real db) before answering. */
function interleave(action: () => Promise<unknown>, nth = 1): Db {
  let calls = 0;
  const subscriber = new Proxy(env.database.db.subscriber, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'findUnique' || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (++calls === nth) await action();
        return result;
      };
    },
  });
  return new Proxy(env.database.db, {
    get: (target, prop, receiver) => (prop === 'subscriber' ? subscriber : Reflect.get(target, prop, receiver)),
  });
}

const readerRow = (id: number) =>
  env.database.db.subscriber.findUniqueOrThrow({ where: { id }, include: { topics: true } });

describe('preferences save racing an unsubscribe', () => {
  it('when the reader unsubscribes after the manage page loaded their state, then the save is a conflict and they stay unsubscribed', async () => {
    const id = await makeReader(env.database.db, ['diffusion models']);
    const db = interleave(() => unsubscribe(deps(), id, 'one-click'));

    const save = updatePreferences(deps(db), id, {
      topics: 'diffusion models, protein folding',
      frequency: 'weekly',
      timezone: 'UTC',
    });

    await expect(save).rejects.toMatchObject({ code: 'conflict', status: 409 });
    const after = await readerRow(id);
    expect(after).toMatchObject({ status: 'unsubscribed', nextDigestAt: null, frequency: 'daily' });
    expect(after.topics.map((t) => t.raw)).toEqual(['diffusion models']);
  });

  it('when nothing changes the status in between, then the save writes topics and schedule as before', async () => {
    const id = await makeReader(env.database.db, ['diffusion models']);
    await updatePreferences(deps(), id, {
      topics: 'protein folding',
      frequency: 'weekly',
      timezone: 'UTC',
      paused: true,
    });
    const after = await readerRow(id);
    expect(after).toMatchObject({ status: 'paused', frequency: 'weekly', nextDigestAt: null });
    expect(after.topics.map((t) => t.raw)).toEqual(['protein folding']);
  });
});

describe('subscribe racing a confirmation', () => {
  it('when the pending reader confirms after the form was checked, then they stay active and get a manage link', async () => {
    const input = parseSubscribeInput({
      email: `race-${randomBytes(3).toString('hex')}@example.org`,
      topics: 'graph neural networks',
    });
    await subscribe(deps(), input);
    const { id } = await env.database.db.subscriber.findUniqueOrThrow({ where: { email: input.email } });
    await env.queues[QUEUE.transactionalEmail].obliterate({ force: true });
    const later = { ...deps(), now: () => new Date(NOW.getTime() + 60 * 60_000) };
    const db = interleave(() => confirmSubscription(deps(), id));

    const outcome = await subscribe({ ...later, db }, input);

    expect(outcome).toBe('manage_link_sent');
    const after = await env.database.db.subscriber.findUniqueOrThrow({ where: { id } });
    expect(after.status).toBe('active');
    expect(after.nextDigestAt).not.toBeNull();
    const jobs = await env.queues[QUEUE.transactionalEmail].getJobs(['waiting']);
    expect(jobs.map((j) => j.data.kind)).toEqual(['manage-link']);
  });
});

describe('a stale sign-up expiring while its reader acts', () => {
  const monthAgo = new Date(NOW.getTime() - 40 * 24 * 3600_000);
  const expire = () =>
    purgeUnconfirmedReaders({ db: env.database.db, config: { UNCONFIRMED_READER_DAYS: 30 }, now: () => NOW });
  async function staleSignUp(email: string): Promise<number> {
    const row = await env.database.db.subscriber.create({
      data: {
        email,
        createdAt: monthAgo,
        updatedAt: monthAgo,
        topics: { create: [{ raw: 'old topic', key: 'old topic' }] },
      },
    });
    return row.id;
  }

  it('when the form is sent again and the old row is deleted just before it is updated, then a new pending sign-up is made and gets its confirmation email', async () => {
    const input = parseSubscribeInput({
      email: `expiring-${randomBytes(3).toString('hex')}@example.org`,
      topics: 'graph neural networks',
    });
    const oldId = await staleSignUp(input.email);
    await env.queues[QUEUE.transactionalEmail].obliterate({ force: true });
    // 1st findUnique: subscribe's own lookup; 2nd: the pending write's, right before its update.
    const db = interleave(expire, 2);

    expect(await subscribe({ ...deps(), db }, input)).toBe('confirmation_sent');

    const now = await env.database.db.subscriber.findUniqueOrThrow({
      where: { email: input.email },
      include: { topics: true },
    });
    expect(now.id).not.toBe(oldId);
    expect(now).toMatchObject({ status: 'pending' });
    expect(now.topics.map((t) => t.raw)).toEqual(['graph neural networks']);
    const jobs = await env.queues[QUEUE.transactionalEmail].getJobs(['waiting']);
    expect(jobs.map((j) => [j.data.kind, j.data.subscriberId])).toEqual([['confirm', now.id]]);
  });

  it('when the confirmation link is clicked as the row is deleted, then the reader is told the subscription is gone, not that it is confirmed', async () => {
    const id = await staleSignUp(`expiring-${randomBytes(3).toString('hex')}@example.org`);
    const db = interleave(expire);

    await expect(confirmSubscription(deps(db), id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
