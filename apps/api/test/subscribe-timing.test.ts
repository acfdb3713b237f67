// POST /subscribe must not tell, by how long it takes, whether an address is new, pending,
// active or suppressed (issue 17, item 6): the median answer times of the four branches
// differ by less than 10%.
import { performance } from 'node:perf_hooks';
import { hashEmail } from '@paperboy/core';
import { activeReader, postJson } from './reader-client';
import { startTestApp, type TestApp } from './test-app';

const ROUNDS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('subscribe timing', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      SUBSCRIBE_LIMIT_PER_IP: '100000',
      SUBSCRIBE_LIMIT_PER_EMAIL: '1000',
      CONFIRM_RESEND_MINUTES: '0',
    });
    await activeReader(app, 'active@example.org');
    await app.database.db.suppression.create({
      data: { emailHash: hashEmail('suppressed@example.org'), reason: 'complaint' },
    });
    await app.database.db.subscriber.create({
      data: { email: 'pending@example.org', status: 'pending', topics: { create: [{ raw: 'llm', key: 'llm' }] } },
    });
  });
  afterAll(() => app.close());

  it('when new, pending, active and suppressed addresses subscribe, then their median answer times differ by less than 10%', async () => {
    const branches: Record<string, (round: number) => string> = {
      new: (round) => `new-${round}@example.org`,
      pending: () => 'pending@example.org',
      active: () => 'active@example.org',
      suppressed: () => 'suppressed@example.org',
    };
    const times: Record<string, number[]> = { new: [], pending: [], active: [], suppressed: [] };
    const timed = async (branch: string, round: number) => {
      const started = performance.now();
      const res = await postJson(`${app.baseUrl}/subscribe`, {
        email: branches[branch]!(round),
        topics: ['reward models'],
      });
      const ms = performance.now() - started;
      expect([branch, res.status]).toEqual([branch, 202]);
      if (round > 0) times[branch]!.push(ms); // round 0 warms connections and caches
    };
    for (let round = 0; round <= ROUNDS; round++) {
      // One of each per round, in parallel, so every branch meets the same load.
      await Promise.all(Object.keys(branches).map((branch) => timed(branch, round)));
    }
    const medians = Object.fromEntries(
      Object.entries(times).map(([branch, ms]) => [branch, Math.round(median(ms) * 10) / 10]),
    );
    const values = Object.values(medians);
    const gap = (Math.max(...values) - Math.min(...values)) / Math.min(...values);
    console.log(`subscribe p50 by branch (ms): ${JSON.stringify(medians)}; gap ${(gap * 100).toFixed(1)}%`);
    expect({ medians, gapBelow10Percent: gap < 0.1 }).toEqual({ medians, gapBelow10Percent: true });
    // And the branches really were taken: one reader per new address, the others unchanged.
    expect(await app.database.db.subscriber.count({ where: { email: { startsWith: 'new-' } } })).toBe(ROUNDS + 1);
    expect(await app.database.db.subscriber.count({ where: { email: 'suppressed@example.org' } })).toBe(0);
  });
});
