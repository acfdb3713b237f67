import { AppError, isAppError } from './errors';

describe('AppError', () => {
  it('when created with a code, then it carries the matching HTTP status and retry hint', () => {
    const invalid = new AppError('invalid_input', 'email: not an address', { details: { field: 'email' } });
    expect(invalid.status).toBe(400);
    expect(invalid.retryable).toBe(false);
    expect(invalid.details).toEqual({ field: 'email' });
    expect(new AppError('unavailable', 'db down').retryable).toBe(true);
    expect(new AppError('expired_token', 'old').status).toBe(410);
  });

  it('when checking unknown errors, then only AppErrors are recognised', () => {
    expect(isAppError(new AppError('internal', 'x'))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});
