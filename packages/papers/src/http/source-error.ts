// One error type for everything a remote source can do wrong. `retryable` drives the
// retry loop here and, later, whether an ingest job backs off or fails for good.
export type SourceErrorCode =
  | 'timeout' // no complete answer within the per-request timeout
  | 'network' // connection refused/reset, body cut short
  | 'rate_limited' // 429
  | 'server_error' // 5xx
  | 'client_error' // other 4xx (and unexpected statuses): asking again will not help
  | 'invalid_body' // the answer was not the JSON/XML we expected (truncated, HTML error page...)
  | 'aborted'; // the caller's signal fired: stop, do not retry

const RETRYABLE: ReadonlySet<SourceErrorCode> = new Set([
  'timeout',
  'network',
  'rate_limited',
  'server_error',
  'invalid_body',
]);

export class SourceError extends Error {
  readonly retryable: boolean;
  /** Attempts made before giving up; set when the retry loop ends. */
  attempts = 1;

  constructor(
    readonly code: SourceErrorCode,
    message: string,
    readonly details: { url?: string; status?: number; retryAfterMs?: number; body?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SourceError';
    this.retryable = RETRYABLE.has(code);
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
