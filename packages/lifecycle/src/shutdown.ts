// Graceful shutdown: on SIGTERM/SIGINT run the steps in order (HTTP, workers, Prisma, Redis —
// the caller decides), each at most once, and exit within a deadline even if a step hangs.
import type { Logger } from '@paperboy/logger';

export interface ShutdownStep {
  name: string;
  close: () => Promise<unknown> | unknown;
}

export interface ShutdownOptions {
  logger: Logger;
  timeoutMs?: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export function onShutdown(steps: ShutdownStep[], options: ShutdownOptions): () => Promise<void> {
  const { logger, timeoutMs = 10_000, exit = (code) => process.exit(code), signals = ['SIGTERM', 'SIGINT'] } = options;
  let running: Promise<void> | undefined;

  const shutdown = () => {
    running ??= (async () => {
      const deadline = setTimeout(() => {
        logger.error({ timeoutMs }, 'shutdown took too long; exiting anyway');
        exit(1);
      }, timeoutMs);
      deadline.unref();
      let failed = false;
      for (const step of steps) {
        try {
          await step.close();
          logger.info({ step: step.name }, 'closed');
        } catch (error) {
          failed = true;
          logger.error({ step: step.name, err: error }, 'failed to close');
        }
      }
      clearTimeout(deadline);
      exit(failed ? 1 : 0);
    })();
    return running;
  };

  for (const signal of signals) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void shutdown();
    });
  }
  return shutdown;
}
