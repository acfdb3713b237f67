import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Runs one of packages/db/scripts/*.ts in a child process, as `npm run db:*` does. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=source', path.join(__dirname, '../scripts', script), ...args],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}
