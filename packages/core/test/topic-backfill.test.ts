import { parsePayload, QUEUE } from '@paperboy/queue';
import { topicKey } from '@paperboy/matching';
import { matchTopicsAgainstRecentPapers } from '../src/matches';
import {
  confirmSubscription,
  parseSubscribeInput,
  resubscribe,
  subscribe,
  unsubscribe,
  updatePreferences,
} from '../src/subscribers';
import { makePaper, NOW } from './matching.factory';
import { useReaderTestEnv } from './reader-test-env';

const env = useReaderTestEnv();
const deps = env.deps;

/** Runs every waiting backfill job the way the match processor does. */
async function runBackfillJobs(): Promise<string[]> {
  const jobs = await env.queues[QUEUE.match].getJobs(['waiting']);
  const keys: string[] = [];
  for (const job of jobs) {
    const payload = parsePayload(QUEUE.match, job.data);
    if (!('topicKeys' in payload)) continue;
    keys.push(...payload.topicKeys);
    await matchTopicsAgainstRecentPapers({ db: env.database.db, now: () => NOW }, payload.topicKeys);
    await job.remove();
  }
  return keys;
}

const readerId = async (email: string) => (await env.database.db.subscriber.findUniqueOrThrow({ where: { email } })).id;

describe('topic backfill', () => {
  it('when someone signs up, then nothing is queued until they confirm (unconfirmed input costs no matching)', async () => {
    await subscribe(deps(), parseSubscribeInput({ email: 'first@example.org', topics: 'speculative decoding' }));
    expect(await runBackfillJobs()).toEqual([]);
  });

  it('when a reader confirms with a topic nobody followed, then the papers already stored are matched for it', async () => {
    const paperId = await makePaper(env.database.db, { title: 'Speculative decoding with draft heads' });
    await confirmSubscription(deps(), await readerId('first@example.org'));

    expect(await runBackfillJobs()).toEqual([topicKey('speculative decoding')]);
    const matches = await env.database.db.match.findMany({ where: { paperId } });
    expect(matches.map((m) => m.topicKey)).toEqual([topicKey('speculative decoding')]);
  });

  it('when the confirmation link is clicked twice, then the keys are queued once', async () => {
    await confirmSubscription(deps(), await readerId('first@example.org'));
    expect(await runBackfillJobs()).toEqual([]);
  });

  it('when two readers confirm the same topic, then it is queued for backfill once', async () => {
    await subscribe(deps(), parseSubscribeInput({ email: 'a@example.org', topics: 'graph neural networks' }));
    await subscribe(deps(), parseSubscribeInput({ email: 'b@example.org', topics: 'Graph Neural Network' }));
    await confirmSubscription(deps(), await readerId('a@example.org'));
    await confirmSubscription(deps(), await readerId('b@example.org'));
    expect(await runBackfillJobs()).toHaveLength(1);
  });

  it('when a reader adds a topic on the manage page, then only the added topic is queued', async () => {
    await updatePreferences(deps(), await readerId('first@example.org'), {
      topics: 'speculative decoding, protein folding',
      frequency: 'daily',
      timezone: 'UTC',
    });
    expect(await runBackfillJobs()).toEqual([topicKey('protein folding')]);
  });

  it('when an unsubscribed reader changes topics and comes back, then their topics are queued on the way back', async () => {
    const id = await readerId('first@example.org');
    await unsubscribe(deps(), id, 'page');
    await updatePreferences(deps(), id, {
      topics: 'speculative decoding, state space models',
      frequency: 'daily',
      timezone: 'UTC',
    });
    expect(await runBackfillJobs()).toEqual([]);
    expect(await resubscribe(deps(), id)).toBe('active');
    expect((await runBackfillJobs()).sort()).toEqual(
      [topicKey('speculative decoding'), topicKey('state space models')].sort(),
    );
  });

  it('when a pending reader changes topics on the manage page, then nothing is queued', async () => {
    await subscribe(deps(), parseSubscribeInput({ email: 'pending@example.org', topics: 'sparse attention' }));
    await updatePreferences(deps(), await readerId('pending@example.org'), {
      topics: 'sparse attention, mixture of experts',
      frequency: 'daily',
      timezone: 'UTC',
    });
    expect(await runBackfillJobs()).toEqual([]);
  });
});
