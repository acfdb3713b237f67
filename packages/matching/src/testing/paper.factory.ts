// Test data factory: a paper with sensible defaults; tests say only what matters to them.
import type { MatchablePaper } from '../types';

let nextId = 1;

export const NOW = new Date('2026-11-27T08:00:00Z');

export function makePaper(overrides: Partial<MatchablePaper> = {}): MatchablePaper {
  return {
    id: nextId++,
    title: 'An unrelated study',
    abstract: 'We study something else entirely.',
    upvotes: 0,
    upvoteGrowth: 0,
    publishedAt: NOW,
    ...overrides,
  };
}

export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);
