// Matching at scale: 1,000,000 readers (1–8 topics each, Zipf over ~2,000 distinct topics) and
// 1,000 new papers, each reader's ranked digest with reasons. The indexed way (tag the papers
// once per distinct topic, then read the heads of per-topic lists per reader) against the naive
// way (every reader × every paper × every topic) and the full-sort way (topics matched once, each
// reader's candidates summed and fully sorted) run on samples and scaled, in the same run; the
// run stops if any two ways disagree on a digest.
// Run: npx tsx bench/matching.bench.ts  (options: --runs=3 --readers=1000000 --papers=1000
// --topics=2000 --naive-sample=300 --full-sort-sample=20000 --threads=1 --compose). Results go in BENCHMARKS.md ("## Matching").
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { rankForReader, type RankedPaper } from '@paperboy/matching';
import { NaiveRanker } from '@paperboy/matching/testing';
import { fullSortRank } from './matching-fullsort';
import { excludedFor, makeInputs, NOW, readerTopics, runWork, type Inputs, type WorkResult } from './matching-work';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const RUNS = arg('runs', 3);
const READERS = arg('readers', 1_000_000);
const PAPERS = arg('papers', 1_000);
const TOPICS = arg('topics', 2_000);
const NAIVE_SAMPLE = arg('naive-sample', 300);
const FULL_SORT_SAMPLE = arg('full-sort-sample', 20_000);
const THREADS = arg('threads', 1);
/** --compose: time each reader's composed digest (DigestRanker.compose, as the build stores it) instead of rankForReader. */
const COMPOSE = process.argv.includes('--compose');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
/** CPU seconds of the whole process (all threads) since `from`: unlike wall time, it barely
 * moves when other processes compete for the cores, so it says what the work itself costs. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
const signature = (ranked: RankedPaper[]): string =>
  ranked.map((p) => `${p.paperId}:${p.score.toFixed(9)}:${p.reasons.map((r) => r.text).join('/')}`).join(',');

/** Readers split over worker threads; each builds its own index (cheap) and ranks its share. */
async function runThreaded(threads: number): Promise<{ total: number; cpu: number; result: WorkResult }> {
  const share = Math.ceil(READERS / threads);
  // Workers do not inherit tsx's loader: register it in a tiny CommonJS bootstrap.
  const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'matching-worker.ts'))});`;
  const workers = Array.from(
    { length: threads },
    (_, t) =>
      new Worker(bootstrap, {
        eval: true,
        workerData: {
          topics: TOPICS,
          papers: PAPERS,
          readers: READERS,
          from: t * share,
          to: Math.min(READERS, (t + 1) * share),
        },
      }),
  );
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage(); // after the workers built their inputs
  const results = await Promise.all(
    workers.map(
      (w) =>
        new Promise<WorkResult>((resolve) => {
          w.once('message', resolve);
          w.postMessage('go');
        }),
    ),
  );
  const total = ms(t0);
  const cpu = cpuMs(cpu0);
  await Promise.all(workers.map((w) => w.terminate()));
  const sum = (f: (r: WorkResult) => number): number => results.reduce((a, r) => a + f(r), 0);
  const max = (f: (r: WorkResult) => number): number => Math.max(...results.map(f));
  return {
    total,
    cpu,
    result: {
      indexMs: max((r) => r.indexMs),
      matchMs: max((r) => r.matchMs),
      rankMs: max((r) => r.rankMs),
      topicsMatched: results[0]!.topicsMatched,
      delivered: sum((r) => r.delivered),
      checksum: sum((r) => r.checksum),
    },
  };
}

/** Naive on a sample of readers spread over the population; its digests must equal the indexed ones. */
function runNaive(
  inputs: Inputs,
  matches: Parameters<typeof rankForReader>[1],
  prefilter: boolean,
): { perReaderMs: number; mismatches: number } {
  const naive = new NaiveRanker(inputs.topics.raws, inputs.papers, { now: NOW, prefilter });
  const step = Math.floor(READERS / NAIVE_SAMPLE);
  const got: RankedPaper[][] = [];
  const t1 = process.hrtime.bigint();
  for (let s = 0; s < NAIVE_SAMPLE; s += 1) {
    got.push(naive.rank(readerTopics(inputs.readers, inputs.topics.keys, s * step), excludedFor(s * step, PAPERS)));
  }
  const perReaderMs = ms(t1) / NAIVE_SAMPLE;
  let mismatches = 0;
  for (let s = 0; s < NAIVE_SAMPLE; s += 1) {
    const want = rankForReader(readerTopics(inputs.readers, inputs.topics.keys, s * step), matches, {
      now: NOW,
      exclude: excludedFor(s * step, PAPERS),
    });
    if (signature(got[s]!) !== signature(want)) mismatches += 1;
  }
  return { perReaderMs, mismatches };
}

/** Distinct topics matched once + a full sort per reader, on a sample scaled to all readers; its
 * digests must equal the indexed ones, else the benchmark stops (two ways disagreeing means one
 * of them is wrong, and a figure of a wrong way means nothing). */
function runFullSort(inputs: Inputs, matches: Parameters<typeof rankForReader>[1]): { perReaderMs: number } {
  const step = Math.max(1, Math.floor(READERS / FULL_SORT_SAMPLE));
  const readers = Array.from({ length: Math.min(FULL_SORT_SAMPLE, READERS) }, (_, s) => s * step);
  const t1 = process.hrtime.bigint();
  const got = readers.map((r) =>
    fullSortRank(readerTopics(inputs.readers, inputs.topics.keys, r), matches, NOW, excludedFor(r, PAPERS)),
  );
  const perReaderMs = ms(t1) / readers.length;
  readers.forEach((r, i) => {
    const want = rankForReader(readerTopics(inputs.readers, inputs.topics.keys, r), matches, {
      now: NOW,
      exclude: excludedFor(r, PAPERS),
    });
    if (signature(got[i]!) !== signature(want)) throw new Error(`full sort and indexed disagree for reader ${r}`);
  });
  return { perReaderMs };
}

async function main(): Promise<void> {
  const inputs = makeInputs(TOPICS, PAPERS, READERS);
  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )}; ${inputs.topics.raws.length} topics, ${PAPERS} papers, ${READERS} readers (${inputs.readers.topics.length} reader-topic pairs), ${THREADS} thread(s)`,
  );
  console.log(`peak RSS after generating the inputs: ${peakRssMb().toFixed(0)} MB`);
  const totals: number[] = [];
  const cpus: number[] = [];
  const naiveScaled: number[] = [];
  const fullSortScaled: number[] = [];
  const filteredScaled: number[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    let total: number;
    let r: WorkResult;
    let matches: ReturnType<typeof runWork>['matches'];
    let cpu: number;
    if (THREADS > 1) {
      ({ total, cpu, result: r } = await runThreaded(THREADS));
      matches = runWork(inputs, 0, 0).matches; // for the naive comparison only, not timed
    } else {
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      ({ matches, ...r } = runWork(inputs, 0, READERS, COMPOSE));
      total = ms(t0);
      cpu = cpuMs(cpu0);
    }
    totals.push(total);
    cpus.push(cpu);
    const naive = runNaive(inputs, matches, false);
    const filtered = runNaive(inputs, matches, true);
    if (naive.mismatches + filtered.mismatches > 0) {
      throw new Error(
        `naive and indexed disagree on ${naive.mismatches + filtered.mismatches} of ${2 * NAIVE_SAMPLE} sample digests`,
      );
    }
    const fullSort = runFullSort(inputs, matches);
    fullSortScaled.push(fullSort.perReaderMs * READERS);
    naiveScaled.push(naive.perReaderMs * READERS);
    filteredScaled.push(filtered.perReaderMs * READERS);
    console.log(
      `run ${run}: indexed ${total.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms CPU (index ${r.indexMs.toFixed(0)}, match ${r.matchMs.toFixed(0)}, rank ${r.rankMs.toFixed(0)}), ` +
        `${r.topicsMatched} topics matched, ${r.delivered} papers delivered, ${(READERS / (total / 1000)).toFixed(0)} readers/s; ` +
        `naive ${naive.perReaderMs.toFixed(2)} ms/reader → ${((naive.perReaderMs * READERS) / 1000).toFixed(0)} s scaled; ` +
        `naive+prefilter ${filtered.perReaderMs.toFixed(3)} ms/reader → ${((filtered.perReaderMs * READERS) / 1000).toFixed(0)} s scaled; ` +
        `full sort ${(fullSort.perReaderMs * 1000).toFixed(1)} µs/reader → ${((fullSort.perReaderMs * READERS) / 1000).toFixed(1)} s scaled; ` +
        `sample digests differing: 0/${2 * NAIVE_SAMPLE + Math.min(FULL_SORT_SAMPLE, READERS)}; peak RSS ${peakRssMb().toFixed(0)} MB; load ${os.loadavg()[0]?.toFixed(1)}`,
    );
  }
  const med = median(totals);
  const medNaive = median(naiveScaled);
  console.log(
    `\nmedian of ${RUNS} runs: indexed ${(med / 1000).toFixed(2)} s wall (${(median(cpus) / 1000).toFixed(2)} s CPU) for ${READERS} readers; naive (scaled from ${NAIVE_SAMPLE}) ${(medNaive / 1000).toFixed(0)} s, ratio ${(medNaive / med).toFixed(0)}×; naive+prefilter ${(median(filteredScaled) / 1000).toFixed(0)} s, ratio ${(median(filteredScaled) / med).toFixed(0)}×; full sort (scaled from ${Math.min(FULL_SORT_SAMPLE, READERS)}) ${(median(fullSortScaled) / 1000).toFixed(1)} s, ratio ${(median(fullSortScaled) / med).toFixed(2)}×; peak RSS ${peakRssMb().toFixed(0)} MB`,
  );
}

void main();
