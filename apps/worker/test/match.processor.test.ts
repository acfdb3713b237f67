import { normalizeTopic } from '@paperboy/matching';
import { QUEUE, jobId } from '@paperboy/queue';
import { matchProcessor } from '../src/processors/match.processor';
import { processors } from '../src/processors';
import { startWorkers } from '../src/run-workers';
import { createJobRunner, type JobRunner } from './job-runner';
import { createTestWorkerEnv, type TestWorkerEnv } from './test-worker';

let env: TestWorkerEnv;
let runner: JobRunner;
const key = (raw: string) => normalizeTopic(raw).key;

beforeAll(async () => {
  env = await createTestWorkerEnv();
  runner = await createJobRunner(env, QUEUE.match);
});
afterAll(async () => {
  await runner.close();
  await env.close();
});

const run = (data: unknown, id: string) => runner.run(data, id);

async function paper(title: string, publishedAt = new Date()): Promise<number> {
  const p = await env.deps.db.paper.create({
    data: { sourceId: `x${Math.random()}`, title, abstract: 'Results.', publishedAt, sources: ['test'] },
  });
  return p.id;
}

describe('match processor', () => {
  it('when registered, then the worker consumes the match queue', () => {
    expect(processors).toContain(matchProcessor);
  });

  it('when match jobs run (twice for the same papers, then for a new topic), then matches are stored once each and bad payloads fail', async () => {
    const db = env.deps.db;
    await db.subscriber.create({
      data: {
        email: 'a@example.org',
        status: 'active',
        topics: { create: [{ raw: 'Diffusion models', key: key('diffusion models') }] },
      },
    });
    const diffusion = await paper('Latent diffusion models at scale');
    const dti = await paper('Diffusion tensor imaging');
    const prm = await paper('Process reward models');
    const workers = startWorkers(env.deps, [matchProcessor]);
    try {
      const first = await run({ paperIds: [diffusion, dti, prm] }, jobId('match', 'a'));
      expect(first).toMatchObject({ ok: true, value: { papers: 3, matches: 1 } });
      expect(await run({ paperIds: [diffusion, dti, prm] }, jobId('match', 'b'))).toMatchObject({
        ok: true,
        value: { matches: 1 },
      });
      expect(await db.match.findMany({ select: { paperId: true, topicKey: true } })).toEqual([
        { paperId: diffusion, topicKey: key('diffusion models') },
      ]);

      const backfill = await run({ topicKeys: [key('reward models')] }, jobId('match-topics', 'c'));
      expect(backfill).toMatchObject({ ok: true, value: { matches: 1 } });
      expect(await db.match.count()).toBe(2);

      const bad = await run({ paperIds: [] }, jobId('match', 'bad'));
      expect(bad.ok || bad.error).toMatch(/Invalid match job payload/);
      const badKey = await run({ topicKeys: ['b | a'] }, jobId('match', 'badkey'));
      expect(badKey.ok || badKey.error).toMatch(/invalid_input/);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
