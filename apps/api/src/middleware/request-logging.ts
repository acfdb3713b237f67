import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '@paperboy/logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/**
 * A path segment that may be a link token: 24+ characters with a run of 16 base64 ones. Wider
 * than the canonical form (payload.signature, base64url) on purpose: a token with a stray `=`,
 * `!` or percent-escape around it must not reach the logs either, usable or not.
 */
const TOKEN_SEGMENT = /\/(?=[^/]*[A-Za-z0-9_+-]{16})[^/]{24,}(?=\/|$)/g;

/**
 * The URL as logs may keep it: no query string, and no link tokens in the path (confirm,
 * manage and unsubscribe links carry bearer tokens; a log reader must not be able to use them).
 */
export function loggableUrl(url: string): string {
  return url.split('?')[0]!.replace(TOKEN_SEGMENT, '/:token');
}

/**
 * One JSON log line per request with a request id: taken from a well-formed incoming
 * X-Request-Id (so a proxy's id follows the request) or generated, and echoed back.
 */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel(_req, res, error) {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, url: loggableUrl(String(req.url)) }),
      res: (res) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
