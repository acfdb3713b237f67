// How long to wait before the next attempt: the server's Retry-After when it sent one,
// otherwise exponential backoff with jitter so many workers do not retry in lockstep.

/**
 * Parses a Retry-After header (delta-seconds or an HTTP date, RFC 9110 §10.2.3) into
 * milliseconds from `nowMs`; null when absent or unreadable. Past dates mean "now" (0).
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * "Equal jitter" backoff for retry number `retry` (0-based): half of the exponential
 * step is fixed, half random, so waits grow but never collapse to zero.
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number): number {
  const step = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.round(step / 2 + random() * (step / 2));
}

/** A sleep that ends early (rejecting) when `signal` aborts, so shutdown is not delayed. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
