// Learning associations over 20,000 papers is tens of seconds of pure CPU and hundreds of MB of
// transient memory. On the worker's main thread it would block the event
// loop that renews BullMQ job locks (JOB_LOCK_SECONDS), so other jobs of that process would be
// taken for stalled and run twice; in a worker thread the process stays responsive and the
// memory goes when the thread ends.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AssociationTable, MatchablePaper } from '@paperboy/matching';

export type LearnFn = (papers: MatchablePaper[], phrases: string[]) => Promise<AssociationTable>;

/** Measured: ~800 MB for 20,000 real arXiv papers. A runaway fails the job (retried), it does
 * not take the worker process down with it. */
const THREAD_HEAP_MB = 2_048;

/** The thread runs the TypeScript source as the process does (through tsx) or compiled JS. */
function bootstrap(): string {
  const ext = path.extname(__filename);
  const file = path.join(__dirname, `learn-associations-thread${ext}`);
  const tsx = ext === '.ts' ? `require(${JSON.stringify(require.resolve('tsx/cjs'))});` : '';
  return `${tsx} require(${JSON.stringify(file)});`;
}

export const learnInThread: LearnFn = (papers, phrases) =>
  new Promise((resolve, reject) => {
    // From the TypeScript source (tsx, Jest) the thread resolves workspace packages to their sources too.
    const execArgv = path.extname(__filename) === '.ts' ? [...process.execArgv, '--conditions=source'] : undefined;
    const worker = new Worker(bootstrap(), {
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
