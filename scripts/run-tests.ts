// `npm test`: every workspace's typecheck and Jest suite through Turborepo, then one closing line with the
// totals across workspaces ("Tests: N passed, N failed, N skipped") so the result is readable
// at a glance (and by CI) rather than scattered over each workspace's own summary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const RESULTS = '.jest-results.json';
const workspaces = ['apps', 'packages'].flatMap((dir) =>
  readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)),
);

for (const ws of workspaces) rmSync(path.join(ws, RESULTS), { force: true });

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
process.exit(turbo.status === 0 && totals.failed === 0 && totals.suitesFailed === 0 ? 0 : 1);
