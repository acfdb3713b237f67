// Builds plain paper records (the "list of papers" import shape) for file tests.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function paperRecord(i: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `2611.${String(10000 + i).padStart(5, '0')}v1`,
    title: `Paper number ${i}`,
    abstract: `Abstract of paper ${i}, about diffusion models.`,
    authors: [`Author ${i}`],
    publishedAt: '2026-11-20T10:00:00Z',
    upvotes: i,
    ...overrides,
  };
}

/** Writes `content` to a fresh temporary file and returns its path. */
export function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'paperboy-papers-')), name);
  writeFileSync(path, content);
  return path;
}
