// A worker thread of the matching benchmark (--threads=N): builds the same inputs as the main
// thread from the seed, says it is ready, and on "go" does the measured work for its readers.
import { parentPort, workerData } from 'node:worker_threads';
import { makeInputs, runWork } from './matching-work';

interface Job {
  topics: number;
  papers: number;
  readers: number;
  from: number;
  to: number;
}

const job = workerData as Job;
const inputs = makeInputs(job.topics, job.papers, job.readers);
parentPort?.once('message', () => {
  const { matches: _matches, ...result } = runWork(inputs, job.from, job.to);
  parentPort?.postMessage(result);
});
parentPort?.postMessage('ready');
