// Generates one hostile HTTP request for any public endpoint of the app: method, path (with
// bad percent-escapes and mangled tokens), headers (bad cookies, content types, encodings,
// credentials) and a body of any shape. Sent with node:http, which (unlike fetch) lets us
// send what browsers never would.
import { request, type Agent } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import {
  ANY_METHOD,
  bounce,
  cookie,
  endpoints,
  fields,
  papers,
  query,
  type BodyKind,
  type FuzzTargets,
} from './endpoints';
import { deepJson, hostileText, percentEncode, type Random } from './hostile-values';

export type { FuzzTargets };

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function encodeForm(values: Record<string, unknown>, r: Random): string {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v])
      pairs.push(
        `${percentEncode(k)}=${percentEncode(typeof item === 'string' ? item : (JSON.stringify(item) ?? ''))}`,
      );
  }
  if (r.chance(0.05)) for (let i = 0; i < 150; i++) pairs.push(`f${i}=1`);
  if (r.chance(0.05)) pairs.push('topics%5Ba%5D%5Bb%5D=x');
  return pairs.join('&') + r.pick(['', '', '', '&%', '&a=%ff', '&=&&']);
}

function body(r: Random, kind: BodyKind, t: FuzzTargets, n: number, headers: Record<string, string>): Buffer {
  const shape = r.int(20);
  const values = kind === 'papers' ? papers(r, n) : kind === 'bounce' ? bounce(r, t, n) : fields(r, kind, t, n);
  let text: string;
  if (shape < 9 && kind !== 'papers' && kind !== 'bounce') {
    text = encodeForm(values as Record<string, unknown>, r);
    headers['content-type'] = r.pick([
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-8',
      'application/x-www-form-urlencoded; charset=koi8-r',
      'application/x-www-form-urlencoded; charset=utf-16',
    ]);
  } else if (shape < 17) {
    text = JSON.stringify(values);
    headers['content-type'] = r.pick([
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=utf-7',
      'application/vnd.api+json',
      'text/json',
    ]);
  } else if (shape === 17) {
    text = r.pick([
      '{"email": ',
      '{',
      'null',
      '[]',
      '"text"',
      '1e999',
      '{"__proto__": {"polluted": 1}}',
      '\ufeff{}',
      '{"a":1,"a":2}',
      deepJson(r.pick([100, 3000, 20_000])),
    ]);
    headers['content-type'] = 'application/json';
  } else {
    text = r.pick([
      'List-Unsubscribe=One-Click',
      '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--',
      '\u0000\u0001binary',
      hostileText(r),
    ]);
    headers['content-type'] = r.pick([
      'text/plain',
      'multipart/form-data; boundary=b',
      'multipart/form-data',
      'application/octet-stream',
      'garbage/',
      ';;;',
    ]);
  }
  let bytes = Buffer.from(text, 'utf8');
  const encoding = r.pick([
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    'gzip',
    'gzip-bad',
    'deflate',
    'br',
    'identity',
    'x-unknown',
    'gzip, gzip',
  ]);
  if (encoding === 'gzip') bytes = gzipSync(bytes);
  else if (encoding === 'deflate') bytes = deflateSync(bytes);
  if (encoding) headers['content-encoding'] = encoding === 'gzip-bad' ? 'gzip' : encoding;
  if (r.chance(0.02)) bytes = Buffer.alloc(2_000_000, 'a');
  // SendGrid signs the body as sent: a signature over these bytes (wrong when they were compressed).
  if (kind === 'bounce' && r.chance(0.7)) Object.assign(headers, t.bounces.sendgridSign(bytes));
  return bytes;
}

export function generateRequest(r: Random, t: FuzzTargets, n: number): FuzzRequest {
  const endpoint = r.pick(endpoints(r, t));
  const method = r.chance(0.85) ? r.pick(endpoint.methods) : r.pick(ANY_METHOD);
  const headers: Record<string, string> = {
    accept: r.pick([
      'text/html',
      'application/json',
      'application/json',
      '*/*',
      'text/html,application/json',
      'image/png',
      '',
    ]),
    'x-forwarded-for': `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`,
  };
  const c = cookie(r, t);
  if (c) headers.cookie = c;
  const admin = endpoint.path.startsWith('/admin') || endpoint.path.startsWith('/api/') || endpoint.path === '/metrics';
  const webhook = endpoint.path.startsWith('/webhooks/');
  if (r.chance(admin || webhook ? 0.8 : 0.1))
    headers.authorization = r.chance(0.8)
      ? webhook
        ? t.bounces.postmarkAuth
        : t.adminAuth
      : r.pick([
          'Basic Zm9vOmJhcg==',
          'Basic %%%',
          'Bearer x',
          `Basic ${'A'.repeat(10_000)}`,
          'Basic OmhlbGxv',
          'Basic \u00ff',
        ]);
  if (r.chance(0.3))
    headers['sec-fetch-site'] = r.pick(['same-origin', 'same-origin', 'cross-site', 'none', 'same-site', 'bogus']);
  if (r.chance(0.2)) headers.origin = r.pick(['null', 'https://evil.example', 'http://127.0.0.1', '%ff']);
  if (r.chance(0.1)) headers.referer = r.pick(['https://evil.example/', 'not a url', 'http://127.0.0.1/admin']);
  if (r.chance(0.1)) headers['x-request-id'] = r.pick(['ok-1', 'x'.repeat(300), 'a b', '\u00e9']);
  const withBody = method !== 'GET' && method !== 'HEAD' && r.chance(0.95);
  return {
    method,
    path: `${endpoint.path}${query(r)}`,
    headers,
    body: withBody ? body(r, endpoint.body, t, n, headers) : undefined,
  };
}

export interface FuzzAnswer {
  status: number;
  error?: string;
}

/** Sends one request; a network error or no answer within the timeout counts as status 0. */
export function send(baseUrl: URL, agent: Agent, req: FuzzRequest, timeoutMs = 15_000): Promise<FuzzAnswer> {
  return new Promise((resolve) => {
    const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    const outgoing = request(
      {
        host: baseUrl.hostname,
        port: baseUrl.port,
        method: req.method,
        path: req.path,
        headers,
        agent,
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', (error) => resolve({ status: res.statusCode ?? 0, error: error.message }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in time')));
    // The server may answer (413, 401) and close before reading a large body: that is an answer.
    outgoing.on('error', (error) => resolve({ status: 0, error: error.message }));
    outgoing.end(req.body);
  });
}
