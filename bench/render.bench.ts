// Rendering speed: personalised 10-paper digests per second on one core, compiled fill vs
// calling MJML per email, side by side in one run. Run: npx tsx bench/render.bench.ts
// (options: --rounds=7 --fast-batch=20000 --naive-batch=40). Results go in BENCHMARKS.md.
import os from 'node:os';
import { createNaiveRenderer } from '../packages/email/src/render/naive-renderer';
import { createRenderer } from '../packages/email/src/render/renderer';
import { sampleDigestData } from '../packages/email/src/render/sample-email-data';
import { visibleText } from '../packages/email/src/render/html-visible-text';

const arg = (name: string, fallback: number): number =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const ROUNDS = arg('rounds', 7);
const FAST_BATCH = arg('fast-batch', 20_000);
const NAIVE_BATCH = arg('naive-batch', 40);
const READERS = 1_000; // distinct readers: different address, links and match reasons

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function main(): Promise<void> {
  const readers = Array.from({ length: READERS }, (_, n) => sampleDigestData(n, 10));
  // Worst case for the paper cache: every reader's papers are papers nobody else got.
  const loners = (batch: string) =>
    Array.from({ length: READERS }, (_, n) => {
      const data = sampleDigestData(n, 10);
      for (const paper of data.papers) paper.url += `?batch=${batch}&reader=${n}`;
      return data;
    });
  const compileStart = process.hrtime.bigint();
  const fast = await createRenderer();
  const compileMs = Number(process.hrtime.bigint() - compileStart) / 1e6;
  const naive = createNaiveRenderer();
  const cold = await createRenderer();

  // Same work on both sides: identical visible content for the same reader.
  const a = fast.renderDigest(readers[0]!);
  const b = await naive('digest', readers[0]!);
  if (visibleText(a.html) !== visibleText(b.html) || a.text !== b.text)
    throw new Error('fast and naive renders differ');

  let sink = 0; // keeps the results alive so nothing is optimised away
  const fastRates: number[] = [];
  const naiveRates: number[] = [];
  const coldRates: number[] = [];
  for (let i = 0; i < 2_000; i++) sink += fast.renderDigest(readers[i % READERS]!).html.length; // warm-up
  for (const data of loners('warm-up')) sink += cold.renderDigest(data).html.length;
  for (let i = 0; i < 5; i++) sink += (await naive('digest', readers[i]!)).html.length;
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved rounds, so both sides see the same machine conditions.
    let start = process.hrtime.bigint();
    for (let i = 0; i < FAST_BATCH; i++) {
      const email = fast.renderDigest(readers[(round * FAST_BATCH + i) % READERS]!);
      sink += email.html.length + email.text.length;
    }
    fastRates.push(FAST_BATCH / (Number(process.hrtime.bigint() - start) / 1e9));
    const unseen = loners(String(round));
    start = process.hrtime.bigint();
    for (let i = 0; i < READERS; i++) {
      const email = cold.renderDigest(unseen[i]!);
      sink += email.html.length + email.text.length;
    }
    coldRates.push(READERS / (Number(process.hrtime.bigint() - start) / 1e9));
    start = process.hrtime.bigint();
    for (let i = 0; i < NAIVE_BATCH; i++) {
      const email = await naive('digest', readers[(round * NAIVE_BATCH + i) % READERS]!);
      sink += email.html.length + email.text.length;
    }
    naiveRates.push(NAIVE_BATCH / (Number(process.hrtime.bigint() - start) / 1e9));
  }

  const fastMedian = median(fastRates);
  const naiveMedian = median(naiveRates);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# render benchmark — Node ${process.version}, ${os.cpus().length} × ${cpu}`);
  console.log(
    `10-paper personalised digests (HTML + text), ${READERS} distinct readers, ${ROUNDS} interleaved rounds, one core`,
  );
  console.log(`compile all 4 templates once: ${compileMs.toFixed(0)} ms`);
  console.log(
    `digest size: compiled ${(a.html.length / 1024).toFixed(1)} KB HTML (MJML per call: ${(b.html.length / 1024).toFixed(1)} KB), text ${(a.text.length / 1024).toFixed(1)} KB`,
  );
  console.log('');
  console.log('| way | median digests/s per core | median ms per digest | rounds (digests/s) |');
  console.log('|---|---:|---:|---|');
  const row = (name: string, rates: number[], m: number) =>
    console.log(
      `| ${name} | ${Math.round(m).toLocaleString('en-US')} | ${(1000 / m).toFixed(4)} | ${rates.map((r) => Math.round(r)).join(', ')} |`,
    );
  row('`mjml2html` per email (naive)', naiveRates, naiveMedian);
  row('compiled once, fill per email: no paper shared between readers (cold cache)', coldRates, median(coldRates));
  row('compiled once, fill per email: readers share papers (the normal case)', fastRates, fastMedian);
  console.log('');
  console.log(
    `ratio (medians): ${(fastMedian / naiveMedian).toFixed(0)}× faster with shared papers, ${(median(coldRates) / naiveMedian).toFixed(0)}× with none shared; targets: ≥200× and >20,000 digests/s per core`,
  );
  if (sink === 0) console.log('');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
