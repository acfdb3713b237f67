// One compiled renderer per process (MJML compiles in tens of ms per template; each email is
// only a fill), shared by the digest and transactional senders. A failed compile (a template
// file briefly unreadable, say) is not kept: the next email tries again instead of every later
// job failing until a restart.
import { createRenderer, type Renderer } from './renderer';

/** Memoises `create()`'s promise while it resolves; forgets it once it rejects. */
export function memoiseUntilRejected<T>(create: () => Promise<T>): () => Promise<T> {
  let memo: Promise<T> | undefined;
  return () => {
    if (memo) return memo;
    const attempt = create();
    memo = attempt;
    attempt.catch(() => {
      if (memo === attempt) memo = undefined;
    });
    return attempt;
  };
}

export const getSharedRenderer: () => Promise<Renderer> = memoiseUntilRejected(() => createRenderer());
