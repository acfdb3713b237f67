import { redisWhere, waitForService } from '../dev-services/wait-for-service';

/** A fake clock: sleeping moves time on at once. */
function clock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    slept: () => t,
  };
}

describe('waiting for a dependency at npm start', () => {
  it('when the service answers at once, then nothing is printed', async () => {
    const lines: string[] = [];
    const ok = await waitForService({
      name: 'Redis',
      where: 'h:1',
      probe: async () => undefined,
      log: (l) => lines.push(l),
    });
    expect(ok).toBe(true);
    expect(lines).toEqual([]);
  });

  it('when it is down for 2 minutes, then one waiting line, reminders with growing gaps and one line when it answers', async () => {
    const c = clock();
    const lines: string[] = [];
    let probes = 0;
    const ok = await waitForService({
      name: 'Redis',
      where: '127.0.0.1:6391',
      probe: async () => {
        probes += 1;
        return c.now() >= 120_000 ? undefined : 'ECONNREFUSED';
      },
      log: (l) => lines.push(l),
      now: c.now,
      sleep: c.sleep,
    });
    expect(ok).toBe(true);
    expect(lines[0]).toMatch(
      /^paperboy: waiting for Redis at 127\.0\.0\.1:6391 \(ECONNREFUSED\); .*retrying with backoff/,
    );
    expect(lines.at(-1)).toMatch(/^paperboy: Redis at 127\.0\.0\.1:6391 answers \(after 2 min\)$/);
    const reminders = lines.filter((l) => l.startsWith('paperboy: still waiting'));
    // 15 s, then 30 s, 60 s apart: three reminders in two minutes, not one per attempt.
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    expect(reminders.length).toBeLessThanOrEqual(3);
    // Backoff: from 250 ms doubling to 5 s a try, ~30 probes in two minutes rather than hundreds.
    expect(probes).toBeLessThan(35);
  });

  it('when paperboy is stopped while waiting, then it gives up without starting anything', async () => {
    const c = clock();
    let stopped = false;
    const ok = await waitForService({
      name: 'Redis',
      where: 'h:1',
      probe: async () => {
        stopped = c.now() > 3_000;
        return 'ECONNREFUSED';
      },
      log: () => undefined,
      stopped: () => stopped,
      now: c.now,
      sleep: c.sleep,
    });
    expect(ok).toBe(false);
  });

  it('when REDIS_URL carries a password, then the lines name only host and port', () => {
    expect(redisWhere('redis://user:secret@redis.internal:6380/0')).toBe('redis.internal:6380');
    expect(redisWhere('rediss://:secret@cache.example.org')).toBe('cache.example.org:6379');
  });
});
