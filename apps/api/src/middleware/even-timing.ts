// Answers that must not tell, by their timing, which branch the work took (POST /subscribe:
// a new, pending, active or suppressed address each do different work, 3 to 10 ms apart when
// idle). The answer waits until a fixed time after the request began, so every branch answers
// at the same moment unless the work overran it, which is logged so the floor can be raised.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TimingLog {
  warn(obj: object, msg: string): void;
}

/** A clock started now; `settle()` waits until `floorMs` have passed since (0: no wait). */
export function evenTiming(floorMs: number, log?: TimingLog) {
  const started = performance.now();
  return async function settle(): Promise<void> {
    if (floorMs <= 0) return;
    const left = floorMs - (performance.now() - started);
    if (left > 0) await sleep(left);
    else
      log?.warn(
        { overrunMs: Math.round(-left), floorMs },
        'timing: the work took longer than its fixed answer time; raise it (SUBSCRIBE_ANSWER_MS) so branches stay indistinguishable',
      );
  };
}
