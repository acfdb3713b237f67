// GET with a per-attempt timeout and retries. A source that times out, answers 429/5xx
// or sends a body we cannot parse is asked again after a wait; the caller only ever sees
// a parsed value or one SourceError saying what went wrong and how often we tried.
import { SourceError } from './source-error';
import { abortableSleep, backoffDelay, parseRetryAfter } from './retry-timing';

export interface HttpOptions {
  /** Per attempt, headers and body included. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Cap on a server's Retry-After: a misbehaving server must not park a worker for hours. */
  maxRetryAfterMs?: number;
  headers?: Record<string, string>;
  /** Injectable for tests: waiting, the clock (for Retry-After dates) and jitter. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Told before each wait, e.g. to log "retrying in 4s after 503". */
  onRetry?: (info: { attempt: number; delayMs: number; error: SourceError }) => void;
}

export const HTTP_DEFAULTS = {
  timeoutMs: 30_000,
  retries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
} as const;

const USER_AGENT = 'paperboy/0.1 (self-hosted research paper digests)';

/** Fetches `url` and parses the body with `parse` (which throws on bad input), retrying. */
export async function getWithRetry<T>(
  url: string,
  parse: (body: string) => T,
  options: HttpOptions & { signal?: AbortSignal } = {},
): Promise<T> {
  const o = { ...HTTP_DEFAULTS, ...options };
  const sleep = o.sleep ?? abortableSleep;
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      const { status, headers, body } = await attemptOnce(url, o.timeoutMs, o.headers, o.signal);
      checkStatus(url, status, headers, body, now());
      return parseOrThrow(url, body, parse);
    } catch (error) {
      const failure =
        error instanceof SourceError ? error : new SourceError('network', String(error), { url, cause: error });
      failure.attempts = attempt;
      if (!failure.retryable || attempt > o.retries) throw withAttempts(failure, attempt);
      const retryAfter = failure.details.retryAfterMs;
      const delayMs =
        retryAfter !== undefined
          ? Math.min(retryAfter, o.maxRetryAfterMs)
          : backoffDelay(attempt - 1, o.baseDelayMs, o.maxDelayMs, random);
      o.onRetry?.({ attempt, delayMs, error: failure });
      try {
        await sleep(delayMs, o.signal);
      } catch (cause) {
        throw new SourceError('aborted', `GET ${url}: aborted while waiting to retry`, { url, cause });
      }
    }
  }
}

interface RawResponse {
  status: number;
  headers: Headers;
  body: string;
}

async function attemptOnce(
  url: string,
  timeoutMs: number,
  headers: Record<string, string> | undefined,
  signal?: AbortSignal,
): Promise<RawResponse> {
  if (signal?.aborted) throw new SourceError('aborted', `GET ${url}: aborted`, { url, cause: signal.reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // The body is read inside the timeout too: a server that stalls mid-body is a timeout.
    const res = await fetch(url, { signal: controller.signal, headers: { 'user-agent': USER_AGENT, ...headers } });
    return { status: res.status, headers: res.headers, body: await res.text() };
  } catch (cause) {
    if (signal?.aborted) throw new SourceError('aborted', `GET ${url}: aborted`, { url, cause });
    if (timedOut)
      throw new SourceError('timeout', `GET ${url}: no complete answer within ${timeoutMs} ms`, { url, cause });
    throw new SourceError('network', `GET ${url}: ${describe(cause)}`, { url, cause });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Turns a non-2xx answer into the matching error; returns nothing for success. */
function checkStatus(url: string, status: number, headers: Headers, body: string, nowMs: number): void {
  if (status >= 200 && status < 300) return;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), nowMs) ?? undefined;
  const details = { url, status, body: body.slice(0, 500), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 429) throw new SourceError('rate_limited', `GET ${url}: 429 Too Many Requests`, details);
  if (status >= 500) throw new SourceError('server_error', `GET ${url}: server error ${status}`, details);
  throw new SourceError('client_error', `GET ${url}: ${status} (not retried)${snippet(body)}`, details);
}

function parseOrThrow<T>(url: string, body: string, parse: (body: string) => T): T {
  try {
    return parse(body);
  } catch (cause) {
    throw new SourceError('invalid_body', `GET ${url}: invalid response body: ${describe(cause)}`, {
      url,
      body: body.slice(0, 500),
      cause,
    });
  }
}

function withAttempts(error: SourceError, attempts: number): SourceError {
  if (attempts > 1) error.message = `${error.message} (gave up after ${attempts} attempts)`;
  return error;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}

function snippet(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim().slice(0, 200);
  return text ? `: ${text}` : '';
}
