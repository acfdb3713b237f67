// "Add this topic" for a batch of digests: the popularity look-up behind the suggested labels is
// shared by the batches that need it at the same moment, and a failed look-up is not remembered.
import type { Db } from '@paperboy/db';
import { createTestDatabase, type TestDatabase } from '@paperboy/db/testing';
import { normalizeTopic } from '@paperboy/matching';
import { suggestTopicsForDeliveries } from '../src/feedback/related-topics';
import { makePaper, makeReader } from './matching.factory';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The database as the send path sees it, counting (and optionally failing) the popularity statements. */
function watched(db: Db, failFirst = false): { db: Db; lookups: () => number } {
  let lookups = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== '$queryRaw') return Reflect.get(target, prop, receiver);
      return (strings: TemplateStringsArray, ...values: unknown[]) => {
        if (strings.join('?').includes('mode() WITHIN GROUP')) {
          lookups += 1;
          if (failFirst && lookups === 1) return Promise.reject(new Error('connection reset'));
          // As slow as at a million readers (~2 s there): the other batch asks while it runs.
          return sleep(300).then(() => target.$queryRaw(strings, ...values));
        }
        return target.$queryRaw(strings, ...values);
      };
    },
  });
  return { db: proxy, lookups: () => lookups };
}

/** A digest for a reader of `followed` whose papers `suggested` matched (twice), three readers following it. */
async function digestSuggesting(db: Db, followed: string, suggested: string): Promise<number> {
  for (let i = 0; i < 3; i++) await makeReader(db, [suggested]);
  const reader = await makeReader(db, [followed]);
  const delivery = await db.delivery.create({ data: { subscriberId: reader, periodKey: `p-${reader}` } });
  for (const [rank, title] of ['First paper', 'Second paper'].entries()) {
    const paperId = await makePaper(db, { title: `${title} for ${reader}` });
    await db.match.create({ data: { paperId, topicKey: normalizeTopic(suggested).key, score: 1, reason: {} } });
    await db.deliveryPaper.create({
      data: { deliveryId: delivery.id, paperId, subscriberId: reader, rank, score: 1, reason: 'test' },
    });
  }
  return delivery.id;
}

it('when two send batches need the same topic labels at once, then one popularity statement answers both', async () => {
  const { db, lookups } = watched(database.db);
  const first = await digestSuggesting(database.db, 'robot grasping', 'reward models');
  const second = await digestSuggesting(database.db, 'speech recognition', 'reward models');

  const [a, b] = await Promise.all([suggestTopicsForDeliveries(db, [first]), suggestTopicsForDeliveries(db, [second])]);

  expect(a.get(first)).toMatchObject({ key: normalizeTopic('reward models').key, label: 'reward models', papers: 2 });
  expect(b.get(second)).toMatchObject({ key: normalizeTopic('reward models').key, label: 'reward models', papers: 2 });
  expect(lookups()).toBe(1);
});

it('when the popularity statement fails, then that batch goes without and the next batch looks the labels up again', async () => {
  const { db, lookups } = watched(database.db, true);
  const delivery = await digestSuggesting(database.db, 'robot grasping', 'graph neural networks');

  await expect(suggestTopicsForDeliveries(db, [delivery])).rejects.toThrow('connection reset');
  const again = await suggestTopicsForDeliveries(db, [delivery]);

  expect(again.get(delivery)).toMatchObject({ label: 'graph neural networks', papers: 2 });
  expect(lookups()).toBe(2);
});
