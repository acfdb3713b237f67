import { sendBatchSize, sendJobsPerSecond, sendRetryDelayMs } from './digest-deps';

describe('send batches and the rate limit', () => {
  const config = (rate: number, batch: number) => ({ SEND_RATE_PER_SECOND: rate, SEND_BATCH_SIZE: batch });

  it.each([
    [100, 50, 50, 2],
    [120, 50, 40, 3],
    [14, 50, 14, 1],
    [130, 50, 43, 3],
    [1, 50, 1, 1],
    [100_000, 500, 500, 200],
  ])(
    'when the rate is %i/s and SEND_BATCH_SIZE %i, then batches of %i go %i times a second, never over the rate',
    (rate, batch, size, jobs) => {
      expect(sendBatchSize(config(rate, batch))).toBe(size);
      expect(sendJobsPerSecond(config(rate, batch))).toBe(jobs);
      expect(size * jobs).toBeLessThanOrEqual(rate);
      expect(size).toBeLessThanOrEqual(batch);
    },
  );
});

describe('sendRetryDelayMs', () => {
  it('when a delivery fails again, then the delay doubles per attempt, within ±50 % jitter', () => {
    const config = { SEND_RETRY_BASE_MS: 1000 };
    expect([1, 2, 3].map((attempt) => sendRetryDelayMs(config, attempt, () => 0.5))).toEqual([1000, 2000, 4000]);
    expect(sendRetryDelayMs(config, 3, () => 0)).toBe(2000);
    expect(sendRetryDelayMs(config, 3, () => 0.999999)).toBeLessThanOrEqual(6000);
  });
});
