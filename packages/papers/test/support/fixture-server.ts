// A real HTTP server on 127.0.0.1 (port 0) that answers with recorded-shape fixtures, so
// adapter tests exercise real sockets, headers, timeouts and cut-off bodies offline.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer: the client's timeout must fire. */
  hang?: boolean;
  /** Promise a longer body than is sent, then cut the connection. */
  truncate?: boolean;
}

export interface FixtureServer {
  baseUrl: string;
  /** Every request URL received, in order. */
  requests: URL[];
  close(): Promise<void>;
}

export type Handler = (url: URL, count: number) => Reply;

export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export async function startFixtureServer(handler: Handler): Promise<FixtureServer> {
  const requests: URL[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    respond(res, handler(url, requests.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(res: ServerResponse, reply: Reply): void {
  if (reply.hang) return;
  const body = Buffer.from(reply.body ?? '', 'utf8');
  const length = reply.truncate ? body.length * 2 + 100 : body.length;
  res.writeHead(reply.status ?? 200, { 'content-length': String(length), ...reply.headers });
  if (!reply.truncate) return void res.end(body);
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

/** Replies in order for successive requests; the last one repeats. */
export function sequence(...replies: Reply[]): Handler {
  return (_url, count) => replies[Math.min(count, replies.length) - 1]!;
}

/** A retry policy for tests: real timeouts kept short, waits recorded instead of slept. */
export function fastHttp(sleeps: number[] = [], extra: Record<string, unknown> = {}) {
  return {
    timeoutMs: 2000,
    retries: 3,
    baseDelayMs: 100,
    sleep: async (ms: number) => void sleeps.push(ms),
    random: () => 0.5,
    ...extra,
  };
}
