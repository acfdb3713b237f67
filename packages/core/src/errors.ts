// One error type for the whole service. `code` is stable (clients and logs key on it),
// `status` is the HTTP answer, `retryable` tells job processors whether to back off and retry
// (transient) or fail the job for good (permanent: BullMQ UnrecoverableError).
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'invalid_token'
  | 'expired_token'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  invalid_token: 400,
  expired_token: 410,
  unavailable: 503,
  internal: 500,
};

export interface AppErrorOptions {
  retryable?: boolean;
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly retryable: boolean;
  readonly details?: unknown;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.status = STATUS[code];
    this.retryable = options.retryable ?? (code === 'unavailable' || code === 'rate_limited');
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
