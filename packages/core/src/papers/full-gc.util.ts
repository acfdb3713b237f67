// Explicit full garbage collection for bounded-memory bulk imports. V8 lets the old
// generation grow lazily: every batch's papers live across awaits, get promoted, and die
// there, so between full collections a 100,000-paper import peaked ~150 MB above its live
// set (measured: 400-420 MB without it, see BENCHMARKS.md "Ingestion"; Node + tsx + Prisma +
// BullMQ take ~190 MB before the first paper). Node hides gc() unless started
// with --expose-gc; the flag can be turned on at run time (Jest's --logHeapUsage does the same).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function fullGc(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
