// scripts/eval-report.ts answers --help and unknown options with its usage alone: someone asking
// how to call it before tuning must not be shown a held-out split's figures.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

function report(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [require.resolve('tsx/cli'), '--conditions=source', path.join(__dirname, '../../scripts/eval-report.ts'), ...args],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('eval-report usage', () => {
  it('when asked for --help, then it prints the usage and evaluates no split', () => {
    const { code, out } = report(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('--split');
    expect(out).not.toMatch(/macro P|## heldout/);
  });

  it('when given an unknown option, then it names it, prints the usage and exits with 2 before evaluating', () => {
    const { code, out, err } = report(['--split=tuning', '--hepl']);
    expect(code).toBe(2);
    expect(err).toContain('unknown option --hepl');
    expect(out).toContain('--split');
    expect(out).not.toMatch(/macro P|## tuning/);
  });
});
