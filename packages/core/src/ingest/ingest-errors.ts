// How a failed run ends and what the job sees. A source that timed out, was rate limited or
// sent garbage is transient: the run stays resumable ("failed") and the error is retryable,
// so BullMQ backs off and the retry continues from the saved cursor. A source that refuses
// the request (4xx) or an adapter that refuses its options/cursor will not get better by
// asking again: the run is "abandoned" and the job fails for good. Database and Redis
// errors are transient. An abort (Ctrl-C, shutdown) leaves the run resumable.
import { isSourceError } from '@paperboy/papers';
import { AppError } from '../errors';
import type { RunStatus } from './ingest.store';

export interface IngestFailure {
  status: Extract<RunStatus, 'failed' | 'abandoned'>;
  error: AppError;
}

/** `fromSource`: the error came out of the adapter's iterator (not from storing). */
export function classifyIngestError(source: string, error: unknown, fromSource: boolean): IngestFailure {
  const message = error instanceof Error ? error.message : String(error);
  if (isSourceError(error)) {
    const details = { sourceError: error.code, status: error.status, attempts: error.attempts };
    if (error.code === 'aborted')
      return {
        status: 'failed',
        error: new AppError('unavailable', `${source}: ${message}`, { retryable: true, cause: error, details }),
      };
    return {
      status: error.retryable ? 'failed' : 'abandoned',
      error: new AppError('unavailable', `${source}: ${message}`, {
        retryable: error.retryable,
        cause: error,
        details,
      }),
    };
  }
  // The caller's signal (Ctrl-C on an import): stop now, continue next time.
  if (error instanceof Error && error.name === 'AbortError') {
    return {
      status: 'failed',
      error: new AppError('unavailable', `${source}: interrupted`, { retryable: true, cause: error }),
    };
  }
  if (fromSource) {
    return {
      status: 'abandoned',
      error: new AppError('invalid_input', `${source}: ${message}`, { retryable: false, cause: error }),
    };
  }
  return {
    status: 'failed',
    error: new AppError('unavailable', `${source}: storing papers failed: ${message}`, {
      retryable: true,
      cause: error,
    }),
  };
}
