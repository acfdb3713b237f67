// How common each word is in papers (scripts/count-token-shares.ts: canonical tokens in at least
// 0.5% of the real arXiv corpus, evaluation papers left out): which word of a reader's phrase
// tells its subject. A paper about causal inference writes "causal" throughout and may never write
// "inference", which one paper in eight uses; "quantum computing" papers write "quantum circuits".
import data from './token-shares.data.json';

const COUNTS: Readonly<Record<string, number>> = data.counts;

/** A word rarer than the table holds counts as half its floor: all rare words tell alike. */
export function papersUsing(token: string): number {
  return Object.hasOwn(COUNTS, token) ? (COUNTS[token] as number) : (data.minShare * data.papers) / 2;
}

/** How many times more common than the phrase's rarest word a word must be to be its common one.
 * Tuning4: 3 also takes "medical" for medical imaging and "cloud" for point clouds; 5 loses
 * "segmentation" for image segmentation (4.6 times rarer than "image"). */
export const TELLING_RATIO = 4;

/** The words of a phrase that tell its subject: all of them, but for those TELLING_RATIO times
 * more common than its rarest word ("causal inference" → "causal"). */
export function tellingWords(tokens: readonly string[]): string[] {
  const rarest = Math.min(...tokens.map(papersUsing));
  return tokens.filter((t) => papersUsing(t) < TELLING_RATIO * rarest);
}

/** A telling word alone says the topic only when it is itself specific: "causal" (2% of papers),
 * "segmentation" (5%), not "graph" (7%, any paper with a graph in it, for "graph generation"). */
export const TELLING_MAX_SHARE = 0.06;
export const canTellAlone = (token: string): boolean => papersUsing(token) < TELLING_MAX_SHARE * data.papers;

/** Research vocabulary: a word in at least 8% of papers ("based", "inference", "evaluation"). */
export const isCommonWord = (token: string): boolean => papersUsing(token) >= 0.08 * data.papers;
