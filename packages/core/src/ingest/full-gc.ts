// Explicit full garbage collection for bounded-memory bulk imports; the one place that says
// why papers:import forces GC (importPaperFile's gcEveryPapers, default every 1,000 papers).
// V8 lets the old generation grow lazily: every batch's papers live across awaits, get
// promoted, and die there, so between full collections a 100,000-paper import peaks ~150 MB
// above its live set: 382-394 MB without forced GC vs 250-280 MB with it (target < 300 MB;
// bench/ingest-import.bench.ts, BENCHMARKS.md "Ingestion"). Loading less code (the CLI loads
// only the ingest use cases) or sending the bulk statement through plain pg does not close
// that gap.
// Counted in papers, not by heap size: a heapUsed trigger let the peak drift past 300 MB,
// since RSS also grows outside the JS heap. Costs 25-55% more importer CPU. Node hides gc()
// unless started with --expose-gc; the flag can be turned on at run time (Jest's
// --logHeapUsage does the same).
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
