// `npm test`: the lint and format check (`npm run lint`, Biome), then every workspace's typecheck and
// Jest suite through Turborepo, then one closing line with the totals across workspaces ("Tests: N
// passed, N failed, N skipped") so the result is readable at a glance (and by CI) rather than
// scattered over each workspace's own summary. A lint or format error fails the run, after the suite.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const RESULTS = '.jest-results.json';
const workspaces = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)),
);

for (const ws of workspaces) rmSync(path.join(ws, RESULTS), { force: true });

// Errors only: Biome's warnings are shown by `npx biome check .` but do not fail a run.
const lint = spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit' });

// Two tasks at a time (TEST_CONCURRENCY overrides): every test file has its own database and
// Redis key prefix and picks free ports, so workspaces do not share state; Jest itself keeps one
// worker per workspace (its default on 2 cores), so a 2-core machine runs two test files at once.
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const turbo = spawnSync(
  'npx',
  ['turbo', 'run', 'typecheck', 'test', `--concurrency=${concurrency}`, '--continue', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const totals = { passed: 0, failed: 0, skipped: 0, suitesFailed: 0 };
for (const ws of workspaces) {
  const file = path.join(ws, RESULTS);
  if (!existsSync(file)) continue;
  const result = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests;
  totals.skipped += result.numPendingTests + result.numTodoTests;
  totals.suitesFailed += result.numRuntimeErrorTestSuites;
}
if (totals.suitesFailed) console.log(`Suites that could not run: ${totals.suitesFailed}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed + totals.suitesFailed} failed, ${totals.skipped} skipped`);
const lintPassed = lint.status === 0;
console.log(
  lintPassed
    ? 'Lint and format: no errors'
    : 'Lint and format: FAILED (see the Biome output at the top; `npm run lint` repeats it, `npx biome check --write <files>` fixes what it can)',
);
process.exit(lintPassed && turbo.status === 0 && totals.failed === 0 && totals.suitesFailed === 0 ? 0 : 1);
