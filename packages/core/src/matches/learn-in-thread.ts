// Learning associations over 20,000 papers is tens of seconds of pure CPU and hundreds of MB of
// transient memory. On the worker's main thread it would block the event
// loop that renews BullMQ job locks (JOB_LOCK_SECONDS), so other jobs of that process would be
// taken for stalled and run twice; in a worker thread the process stays responsive and the
// memory goes when the thread ends.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AssociationTable, MatchablePaper } from '@paperboy/matching';
import { threadEntry } from '../thread-entry';

export type LearnFn = (papers: MatchablePaper[], phrases: string[]) => Promise<AssociationTable>;

/** Measured: ~800 MB for 20,000 real arXiv papers. A runaway fails the job (retried), it does
 * not take the worker process down with it. */
const THREAD_HEAP_MB = 2_048;

export const learnInThread: LearnFn = (papers, phrases) =>
  new Promise((resolve, reject) => {
    const { code, execArgv } = threadEntry(__dirname, 'learn-associations-thread', path.extname(__filename));
    const worker = new Worker(code, {
      eval: true,
      execArgv,
      workerData: { papers, phrases },
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
    });
    let settled = false;
    worker.once('message', (table: AssociationTable) => {
      settled = true;
      resolve(table);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`association learning thread exited with code ${code} and no table`));
    });
  });
