import { getWithRetry, SourceError } from '../src';
import { fastHttp, sequence, startFixtureServer, type FixtureServer, type Handler } from './support/fixture-server';

const json = JSON.parse as (body: string) => unknown;
let server: FixtureServer;

async function serve(handler: Handler): Promise<string> {
  server = await startFixtureServer(handler);
  return `${server.baseUrl}/api/thing`;
}

afterEach(async () => server?.close());

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('getWithRetry', () => {
  it('when the server answers 500 then 200, then the second answer is returned after one backoff', async () => {
    const url = await serve(sequence({ status: 500, body: 'oops' }, { body: '{"n":1}' }));
    const sleeps: number[] = [];
    await expect(getWithRetry(url, json, fastHttp(sleeps))).resolves.toEqual({ n: 1 });
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([75]); // base 100, equal jitter at random()=0.5
  });

  it('when backoff continues, then waits grow exponentially up to the cap', async () => {
    const url = await serve(sequence({ status: 503 }));
    const sleeps: number[] = [];
    const error = await failure(getWithRetry(url, json, fastHttp(sleeps, { retries: 4, maxDelayMs: 400 })));
    expect(sleeps).toEqual([75, 150, 300, 300]);
    expect(error).toMatchObject({ code: 'server_error', status: 503, attempts: 5, retryable: true });
    expect(error.message).toContain('gave up after 5 attempts');
  });

  it('when the server answers 429 with Retry-After seconds, then that wait is honoured', async () => {
    const url = await serve(sequence({ status: 429, headers: { 'retry-after': '7' } }, { body: '[]' }));
    const sleeps: number[] = [];
    await expect(getWithRetry(url, json, fastHttp(sleeps))).resolves.toEqual([]);
    expect(sleeps).toEqual([7000]);
  });

  it('when Retry-After is an HTTP date, then the wait runs until that date on the injected clock', async () => {
    const now = Date.parse('2026-11-20T10:00:00Z');
    const url = await serve(
      sequence({ status: 429, headers: { 'retry-after': 'Fri, 20 Nov 2026 10:00:42 GMT' } }, { body: '1' }),
    );
    const sleeps: number[] = [];
    await getWithRetry(url, json, fastHttp(sleeps, { now: () => now }));
    expect(sleeps).toEqual([42_000]);
  });

  it('when Retry-After is huge, then the wait is capped', async () => {
    const url = await serve(sequence({ status: 429, headers: { 'retry-after': '86400' } }, { body: '1' }));
    const sleeps: number[] = [];
    await getWithRetry(url, json, fastHttp(sleeps, { maxRetryAfterMs: 60_000 }));
    expect(sleeps).toEqual([60_000]);
  });

  it('when the server never answers, then the attempt times out and the next one succeeds', async () => {
    const url = await serve(sequence({ hang: true }, { body: '"late but fine"' }));
    const retried: string[] = [];
    const result = await getWithRetry(
      url,
      json,
      fastHttp([], { timeoutMs: 150, onRetry: ({ error }: { error: SourceError }) => retried.push(error.code) }),
    );
    expect(result).toBe('late but fine');
    expect(retried).toEqual(['timeout']);
  });

  it('when every attempt times out, then a timeout error says so', async () => {
    const url = await serve(sequence({ hang: true }));
    const error = await failure(getWithRetry(url, json, fastHttp([], { timeoutMs: 100, retries: 1 })));
    expect(error).toMatchObject({ code: 'timeout', attempts: 2 });
    expect(error.message).toContain('no complete answer within 100 ms');
  });

  it('when the connection is cut mid-body, then it is retried', async () => {
    const url = await serve(sequence({ body: '{"papers":[1,2,3,4,5,6]}', truncate: true }, { body: '{"ok":true}' }));
    const retried: string[] = [];
    const onRetry = ({ error }: { error: SourceError }) => retried.push(error.code);
    await expect(getWithRetry(url, json, fastHttp([], { onRetry }))).resolves.toEqual({ ok: true });
    expect(retried).toEqual(['network']);
  });

  it('when the body is truncated JSON, then it is retried and finally reported as an invalid body', async () => {
    const url = await serve(sequence({ body: '[{"paper": {"id": "2611.0' }));
    const error = await failure(getWithRetry(url, json, fastHttp([], { retries: 2 })));
    expect(error.code).toBe('invalid_body');
    expect(error.message).toMatch(/invalid response body: .*JSON/);
    expect(server.requests).toHaveLength(3);
  });

  it('when the answer is 404, then it is not retried', async () => {
    const url = await serve(sequence({ status: 404, body: 'no such thing' }));
    const error = await failure(getWithRetry(url, json, fastHttp()));
    expect(error).toMatchObject({ code: 'client_error', status: 404, retryable: false, attempts: 1 });
    expect(error.message).toContain('no such thing');
    expect(server.requests).toHaveLength(1);
  });

  it("when the caller's signal aborts during a wait, then it stops without further requests", async () => {
    const url = await serve(sequence({ status: 500 }));
    const controller = new AbortController();
    const sleep = async () => controller.abort();
    const error = await failure(getWithRetry(url, json, { ...fastHttp(), sleep, signal: controller.signal }));
    expect(error.code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });
});
