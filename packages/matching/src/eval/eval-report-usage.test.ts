// scripts/eval-report.ts answers --help and unknown options with its usage alone: someone asking
// how to call it before tuning must not be shown a held-out split's figures.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findArxivData } from './real/arxiv-data';

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

  const withData = findArxivData() === null ? it.skip : it;

  withData(
    'when a held-out split is asked for as JSON, then it holds its figures but not the papers behind its errors',
    () => {
      const { code, out } = report(['--split=heldout', '--json']);
      expect(code).toBe(0);
      const [split] = JSON.parse(out) as { split: string; topics: Record<string, unknown>[] }[];
      expect(split?.split).toBe('heldout');
      expect(split?.topics.length).toBeGreaterThan(0);
      for (const topic of split?.topics ?? []) {
        expect(typeof topic.precision).toBe('number');
        for (const list of ['falsePositives', 'missed', 'trapsMatched']) expect(typeof topic[list]).toBe('number');
      }
      // A tuning split keeps its papers: they are what tuning reads.
      const [tuning] = JSON.parse(report(['--split=tuning', '--json']).out) as { topics: { missed: unknown }[] }[];
      expect(tuning?.topics.some((t) => Array.isArray(t.missed) && t.missed.length > 0)).toBe(true);
    },
  );

  it('when given an unknown option, then it names it, prints the usage and exits with 2 before evaluating', () => {
    const { code, out, err } = report(['--split=tuning', '--hepl']);
    expect(code).toBe(2);
    expect(err).toContain('unknown option --hepl');
    expect(out).toContain('--split');
    expect(out).not.toMatch(/macro P|## tuning/);
  });
});
