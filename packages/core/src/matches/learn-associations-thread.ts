// The body of the worker thread started by learn-in-thread.ts: learns the table and posts it back.
import { parentPort, workerData } from 'node:worker_threads';
import { learnAssociations, type MatchablePaper } from '@paperboy/matching';

const { papers, phrases } = workerData as { papers: MatchablePaper[]; phrases: string[] };
parentPort?.postMessage(learnAssociations(papers, phrases));
