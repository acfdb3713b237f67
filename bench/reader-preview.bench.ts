// The subscribe page's live preview and proof-of-work, measured.
// Run: npx tsx bench/reader-preview.bench.ts (options: --calls=300 --papers=500 --difficulty=500000). Results go in
// BENCHMARKS.md ("Reader pages").
//  1. Preview: papers cached in the process for a minute (what the API does) vs loading the
//     recent papers from PostgreSQL on every keystroke (naive), both then running the matching
//     engine for the typed topics. Same answers are checked first.
//  2. Proof-of-work: server cost to issue and verify a challenge, and the client's solving
//     cost at the default difficulty (Node's SHA-256 here; browsers' WebCrypto is slower).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import path from 'node:path';
import {
  createPaperPreview,
  createPowChallenge,
  createTermVocabulary,
  solvePowChallenge,
  verifyPowSolution,
} from '../packages/core/src';
import { createTestDatabase } from '@paperboy/db/testing';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const CALLS = arg('calls', 300);
const PAPERS = arg('papers', 500);
const DIFFICULTY = arg('difficulty', 500_000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const TOPIC_SETS = [
  ['reward models'],
  ['diffusion models', 'robotics'],
  ['speech recognition'],
  ['LLM agents', 'retrieval'],
  ['protein structure', 'graph neural networks', 'vision'],
];

async function timeCalls(fn: (topics: string[]) => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = process.hrtime.bigint();
    await fn(TOPIC_SETS[i % TOPIC_SETS.length]!);
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return ms;
}

async function seed(db: Awaited<ReturnType<typeof createTestDatabase>>['db']): Promise<void> {
  const lines = readFileSync(path.join(__dirname, '../samples/papers.ndjson'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const now = Date.now();
  const rows = Array.from({ length: PAPERS }, (_, i) => {
    const p = lines[i % lines.length];
    return {
      sourceId: `bench.${i}`,
      title: p.title,
      abstract: p.abstract,
      authors: p.authors,
      upvotes: p.upvotes,
      publishedAt: new Date(now - (i % 13) * 86400_000),
    };
  });
  await db.paper.createMany({ data: rows });
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  try {
    await seed(database.db);
    const cached = createPaperPreview(database.db);
    const naive = createPaperPreview(database.db, { cacheMs: 0 });
    for (const topics of TOPIC_SETS) {
      if (JSON.stringify(await cached(topics)) !== JSON.stringify(await naive(topics)))
        throw new Error('cached and naive previews differ');
    }
    let fresh = 0;
    const c = median(await timeCalls(cached));
    // Every call a topic key never seen before: papers cached, the match itself runs.
    const f = median(await timeCalls((topics) => cached([...topics, `zeta${fresh++} models`])));
    const n = median(await timeCalls(naive));
    // Guidance (issue 13): every call a new misspelt topic, so the typed topic and its
    // "did you mean" are both new keys (two engine runs over the cached, tokenised papers).
    const letters = (i: number) =>
      String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + (Math.floor(i / 26) % 26));
    const g = median(await timeCalls(() => cached([`difusion models ${letters(fresh++)}`])));
    const start = process.hrtime.bigint();
    await createTermVocabulary(database.db)();
    const vocabularyMs = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(
      `guidance: a new misspelt topic per call ${g.toFixed(2)} ms (median); the vocabulary of the ${PAPERS} papers built in ${vocabularyMs.toFixed(0)} ms (once per process and 30 min, in chunks)`,
    );
    console.log(
      `preview over ${PAPERS} recent papers, ${CALLS} calls each (median): known topics ${c.toFixed(2)} ms, a new topic ${f.toFixed(2)} ms, naive reload+match ${n.toFixed(2)} ms → naive ${(n / c).toFixed(0)}× / ${(n / f).toFixed(1)}× slower`,
    );
  } finally {
    await database.drop();
  }

  const secret = 'bench-secret-0123456789';
  const issue: number[] = [];
  const verify: number[] = [];
  const solve: number[] = [];
  for (let i = 0; i < 30; i++) {
    let t = process.hrtime.bigint();
    const challenge = createPowChallenge(secret, { maxNumber: DIFFICULTY });
    issue.push(Number(process.hrtime.bigint() - t) / 1e3);
    t = process.hrtime.bigint();
    const solution = solvePowChallenge(challenge)!;
    solve.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    if (!verifyPowSolution([secret], solution)) throw new Error('solution did not verify');
    verify.push(Number(process.hrtime.bigint() - t) / 1e3);
  }
  const browser = await solveInChromium(secret);
  console.log(
    `proof-of-work in headless Chromium (public/sha256.js), 10 challenges: solve ${median(browser).toFixed(0)} ms median, max ${Math.max(...browser).toFixed(0)} ms`,
  );
  console.log(
    `proof-of-work at difficulty ${DIFFICULTY} (30 challenges): issue ${median(issue).toFixed(0)} µs, verify ${median(verify).toFixed(0)} µs, solve ${median(solve).toFixed(0)} ms (median) → solving costs ${((median(solve) * 1000) / median(verify)).toFixed(0)}× verifying`,
  );
}

// The loop of apps/api/public/subscribe.js over its sha256.js, without the setTimeout yields.
const SOLVE_IN_PAGE = `function (c) {
  var start = performance.now();
  for (var n = 0; n <= c.maxnumber; n++) if (window.paperboySha256(c.salt + n) === c.challenge) break;
  return performance.now() - start;
}`;

/** The page's solver, timed in the Debian Chromium. */
async function solveInChromium(secret: string): Promise<number[]> {
  const server = createServer((_req, res) => res.end('<!doctype html><title>pow</title>')).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.addScriptTag({ path: path.join(__dirname, '../apps/api/public/sha256.js') });
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const challenge = createPowChallenge(secret, { maxNumber: DIFFICULTY });
      // A string, not a function: tsx would inject its __name helper, unknown in the page.
      times.push(await page.evaluate<number>(`(${SOLVE_IN_PAGE})(${JSON.stringify(challenge)})`));
    }
    return times;
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
