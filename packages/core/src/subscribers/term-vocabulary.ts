// The vocabulary of stored papers for the spelling check and the wording of suggested topics
// (@paperboy/matching's buildVocabulary), kept per process: built from the most recent papers'
// titles and abstracts, at most every `ttlMs`, in chunks that yield to the event loop (a paper
// costs about a millisecond to count: 3,000 of them would otherwise hold up every request for
// seconds). While a newer one is built, the previous one keeps answering.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '@paperboy/db';
import { buildVocabulary, VocabularyBuilder, type TermVocabulary } from '@paperboy/matching';
import { recentPaperTexts } from './store';

export interface TermVocabularyOptions {
  /** Most recent papers read (bounds the build time; the vocabulary itself is bounded in matching). */
  maxPapers?: number;
  ttlMs?: number;
  /** Papers counted between two yields to the event loop. */
  chunk?: number;
}

async function build(db: Db, maxPapers: number, chunk: number): Promise<TermVocabulary> {
  const papers = await recentPaperTexts(db, maxPapers);
  const builder = new VocabularyBuilder();
  for (let i = 0; i < papers.length; i += 1) {
    builder.add(papers[i] as { title: string; abstract: string });
    if ((i + 1) % chunk === 0) await yieldToEventLoop();
  }
  return builder.finish();
}

/** A function answering the current vocabulary (the first call waits for the first build). */
export function createTermVocabulary(db: Db, options: TermVocabularyOptions = {}): () => Promise<TermVocabulary> {
  const { maxPapers = 3_000, ttlMs = 30 * 60_000, chunk = 50 } = options;
  let current: { at: number; vocabulary: Promise<TermVocabulary> } | undefined;
  let next: Promise<TermVocabulary> | undefined;
  return () => {
    if (!current) {
      const vocabulary = build(db, maxPapers, chunk);
      current = { at: Date.now(), vocabulary };
      vocabulary.catch(() => (current = undefined));
      return vocabulary;
    }
    if (Date.now() - current.at > ttlMs && !next) {
      next = build(db, maxPapers, chunk);
      next
        .then((vocabulary) => (current = { at: Date.now(), vocabulary: Promise.resolve(vocabulary) }))
        .catch(() => undefined)
        .finally(() => (next = undefined));
    }
    return current.vocabulary;
  };
}

/** The field vocabulary alone (alias table, related concepts): what answers before the first build. */
export const FIELD_VOCABULARY: TermVocabulary = buildVocabulary([]);

/**
 * The vocabulary if it is ready within `waitMs`; otherwise the last one ready (the field
 * vocabulary before the first build), so that a fresh process's first keystrokes get their
 * preview at once, and a failed build costs "did you mean" its stored words, not the preview.
 */
export function vocabularyWithin(
  vocabulary: () => Promise<TermVocabulary>,
  waitMs: number,
): () => Promise<TermVocabulary> {
  let latest = FIELD_VOCABULARY;
  return async () => {
    const building = vocabulary().then(
      (v) => (latest = v),
      () => latest,
    );
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<TermVocabulary>((resolve) => {
      timer = setTimeout(() => resolve(latest), waitMs);
      timer.unref();
    });
    try {
      return await Promise.race([building, late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
