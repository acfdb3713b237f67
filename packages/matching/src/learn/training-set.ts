// The examples a reader's model is fitted on: their votes, and a few background papers (recent
// papers they did not vote on) as weak negatives. Shared by the build job and the simulation so
// both train exactly the same way.
import type { SparseVector } from './paper-features';
import type { TrainingExample } from './reader-model';

export interface VoteExample {
  paperId: number;
  /** +1 "more like this", −1 "less like this". */
  value: 1 | -1;
  features: SparseVector;
}

/** Background papers taken at most, and how much each weighs against a vote. */
export const BACKGROUND_PAPERS = 40;
export const BACKGROUND_WEIGHT = 0.2;
export const MAX_BALANCE = 4;

/**
 * Votes plus up to BACKGROUND_PAPERS background papers, taken evenly across `background` (which
 * callers pass in a stable order) and never a paper the reader voted on.
 */
export function trainingSet(
  votes: readonly VoteExample[],
  background: readonly { paperId: number; features: SparseVector }[],
): TrainingExample[] {
  // Readers mostly say "less like this" (most of a digest is not their favourite): the rarer
  // side weighs more, up to MAX_BALANCE, so the model does not learn only "nothing is liked".
  const liked = votes.filter((v) => v.value === 1).length;
  const disliked = votes.length - liked;
  const up = liked > 0 && disliked > liked ? Math.min(MAX_BALANCE, disliked / liked) : 1;
  const down = disliked > 0 && liked > disliked ? Math.min(MAX_BALANCE, liked / disliked) : 1;
  const examples: TrainingExample[] = votes.map((v) => ({
    features: v.features,
    label: v.value,
    weight: v.value === 1 ? up : down,
  }));
  const voted = new Set(votes.map((v) => v.paperId));
  const eligible = background.filter((b) => !voted.has(b.paperId));
  const step = Math.max(1, eligible.length / BACKGROUND_PAPERS);
  for (let at = 0; at < eligible.length && examples.length < votes.length + BACKGROUND_PAPERS; at += step) {
    const b = eligible[Math.floor(at)] as { features: SparseVector };
    examples.push({ features: b.features, label: -1, weight: BACKGROUND_WEIGHT });
  }
  return examples;
}
