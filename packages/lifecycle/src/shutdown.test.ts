import { createLogger } from '@paperboy/logger';
import { onShutdown } from './shutdown';

const logger = createLogger({ level: 'silent', name: 'test' });

describe('onShutdown', () => {
  it('when triggered twice, then steps run once each, in order, and it exits 0', async () => {
    const order: string[] = [];
    const codes: number[] = [];
    const shutdown = onShutdown(
      [
        { name: 'http', close: async () => order.push('http') },
        { name: 'db', close: () => order.push('db') },
      ],
      { logger, exit: (c) => codes.push(c), signals: [] },
    );
    await Promise.all([shutdown(), shutdown()]);
    expect(order).toEqual(['http', 'db']);
    expect(codes).toEqual([0]);
  });

  it('when a step throws, then later steps still run and it exits 1', async () => {
    const order: string[] = [];
    const codes: number[] = [];
    const shutdown = onShutdown(
      [
        { name: 'workers', close: () => Promise.reject(new Error('boom')) },
        { name: 'redis', close: () => order.push('redis') },
      ],
      { logger, exit: (c) => codes.push(c), signals: [] },
    );
    await shutdown();
    expect(order).toEqual(['redis']);
    expect(codes).toEqual([1]);
  });

  describe('with a deadline', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('when a step hangs past the deadline, then it exits 1 without waiting for it', async () => {
      const codes: number[] = [];
      const shutdown = onShutdown([{ name: 'stuck', close: () => new Promise(() => {}) }], {
        logger,
        timeoutMs: 50,
        exit: (c) => codes.push(c),
        signals: [],
      });
      void shutdown();
      await jest.advanceTimersByTimeAsync(49);
      expect(codes).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(codes).toEqual([1]);
    });
  });
});
