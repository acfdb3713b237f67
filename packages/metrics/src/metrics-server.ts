// The worker is a separate process with its own registry, so it serves its own /metrics on
// METRICS_PORT (Prometheus scrapes api and worker as two targets). Plain node:http: the
// worker has no Express and needs nothing else.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { bearerMatches } from './bearer-token';

/** A registry, or anything serving text the same way (the cluster primary's aggregate). */
export type MetricsSource = Pick<Registry, 'metrics' | 'contentType'>;

export interface MetricsServerOptions {
  registry: MetricsSource;
  port: number;
  /** Loopback unless said otherwise: without a token the metrics are open to whoever can connect. */
  host?: string;
  /**
   * When set, scrapes must send `Authorization: Bearer <token>`. Only this token: the admin
   * password is never accepted here, since this server has no guessing throttle.
   */
  token?: string;
}

function authorized(header: string | undefined, options: MetricsServerOptions): boolean {
  return !options.token || bearerMatches(header, options.token);
}

export interface MetricsServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: only GET /metrics is served here\n');
      return;
    }
    if (!authorized(req.headers.authorization, options)) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' })
        .end('Unauthorized\n');
      return;
    }
    options.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
      (error: Error) =>
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics collection failed: ${error.message}\n`),
    );
  });
  server.listen(options.port, options.host ?? '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
