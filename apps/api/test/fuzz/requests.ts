// Generates one hostile HTTP request for any public endpoint of the app: method, path (with
// bad percent-escapes and mangled tokens), headers (bad cookies, content types, encodings,
// credentials) and a body of any shape. Sent with node:http, which (unlike fetch) lets us
// send what browsers never would.
import { request, type Agent } from 'node:http';
import { deflateSync, gzipSync } from 'node:zlib';
import { deepJson, hostileEmail, hostileText, hostileToken, hostileValue, percentEncode, type Random } from './hostile-values';

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface FuzzTargets {
  /** Valid link tokens by purpose (the generator mutates them too). */
  tokens: { confirm: string[]; manage: string[]; unsubscribe: string[] };
  adminAuth: string;
  csrfCookie: string;
  csrfField: string;
}

const ANY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

type BodyKind = 'subscribe' | 'preferences' | 'wipe' | 'unsubscribe' | 'resend' | 'papers' | 'admin' | 'none';
interface Endpoint {
  path: string;
  methods: string[];
  body: BodyKind;
}

/** Every public route, with the methods it answers and what its body looks like. */
function endpoints(r: Random, t: FuzzTargets): Endpoint[] {
  const tok = (purpose: keyof FuzzTargets['tokens']) => hostileToken(r, t.tokens[purpose]);
  const get = (path: string): Endpoint => ({ path, methods: ['GET'], body: 'none' });
  return [
    get('/'), get('/healthz'), get('/readyz'), get('/subscribe/challenge'), get('/subscribe/preview'), get('/subscribe/sent'),
    { path: '/subscribe', methods: ['POST'], body: 'subscribe' }, { path: '/subscribe', methods: ['POST'], body: 'subscribe' },
    { path: '/subscribe', methods: ['POST'], body: 'subscribe' }, { path: '/subscribe', methods: ['POST'], body: 'subscribe' },
    { path: `/confirm/${tok('confirm')}`, methods: ['GET', 'POST'], body: 'none' }, { path: '/confirm/resend', methods: ['POST'], body: 'resend' },
    { path: `/manage/${tok('manage')}`, methods: ['GET', 'POST'], body: 'preferences' }, { path: `/manage/${tok('manage')}`, methods: ['POST'], body: 'preferences' },
    get(`/manage/${tok('manage')}/export`), { path: `/manage/${tok('manage')}/wipe`, methods: ['POST'], body: 'wipe' },
    { path: `/unsubscribe/${tok('unsubscribe')}`, methods: ['GET', 'POST'], body: 'unsubscribe' },
    get('/admin'), { path: `/admin/send/${r.pick(['pause', 'resume', '%ff', 'x'])}`, methods: ['POST'], body: 'admin' },
    get('/admin/queues'), get('/admin/queues/api/queues'), { path: '/admin/queues/api/queues/ingest/add', methods: ['POST'], body: 'admin' },
    { path: '/admin/queues/api/queues/ingest/retry/failed', methods: ['PUT'], body: 'admin' },
    { path: '/api/papers', methods: ['POST'], body: 'papers' }, { path: '/api/papers', methods: ['POST'], body: 'papers' },
    get('/metrics'), get('/dev/mailbox'), get(`/dev/mailbox/${r.pick(['1', '-1', '1e400', 'x', '%ff'])}`), get('/dev/mailbox.json'),
    get('/static/subscribe.js'), get('/static/%2e%2e/package.json'), get('/static/..%2f..%2fpackage.json'), get('/%ff'), get('/nowhere'), get('//double'),
  ];
}

function query(r: Random): string {
  if (!r.chance(0.3)) return '';
  return `?${r.pick(['topics=reward+models', 'topics=', 'topics=%ff', 'done=saved', 'fresh=1', 'topics=a%00b', 'topics=%ED%A0%80', `topics=${percentEncode(hostileText(r).slice(0, 3000))}`, 'x[y][z]=1&x=2', 'topics[]=a&topics[]=b'])}`;
}

function cookie(r: Random, t: FuzzTargets): string | undefined {
  if (r.chance(0.6)) return t.csrfCookie;
  return r.pick([undefined, 'pb_csrf=%', 'pb_csrf=%E0%A4%A; pb_csrf=%', `pb_csrf=${'a'.repeat(5000)}`, '=;=;;', 'pb_csrf', `${t.csrfCookie}; other=%%`, 'pb_csrf="quoted"']);
}

/** A field's value: usually plausible, sometimes hostile. */
function field(r: Random, plausible: unknown): unknown {
  return r.chance(0.75) ? plausible : r.chance(0.6) ? hostileText(r) : hostileValue(r, 1);
}

const TOPICS = ['reward models', 'RLHF', 'diffusion models', 'graph neural networks', '"state space" models', 'LLM -chatbot', 'vision OR speech'];

/** The fields an endpoint expects, each possibly replaced by something hostile. */
function fields(r: Random, kind: BodyKind, t: FuzzTargets, n: number): Record<string, unknown> {
  const topics = () => field(r, Array.from({ length: 1 + r.int(4) }, () => (r.chance(0.85) ? r.pick(TOPICS) : hostileText(r))));
  const csrf = r.chance(0.85) ? t.csrfField : hostileText(r);
  switch (kind) {
    case 'subscribe':
      return { email: r.chance(0.7) ? `fuzz${n}@example.org` : hostileEmail(r, n), topics: topics(), frequency: field(r, r.pick(['daily', 'weekly'])), timezone: field(r, r.pick(['UTC', 'Europe/Paris', 'America/New_York'])), digestMode: field(r, r.pick([undefined, 'trending', 'topics', 'topics_trending'])), _csrf: csrf };
    case 'preferences':
      return { topics: topics(), frequency: field(r, 'weekly'), timezone: field(r, 'Asia/Tokyo'), digestHour: field(r, String(r.int(24))), digestWeekday: field(r, String(1 + r.int(7))), digestMode: field(r, 'topics'), pauseField: '1', paused: field(r, r.pick(['on', undefined])), _csrf: csrf };
    case 'wipe':
      return { confirm: field(r, 'yes'), _csrf: csrf };
    case 'unsubscribe':
      return r.chance(0.3) ? { 'List-Unsubscribe': field(r, 'One-Click') } : { action: field(r, r.pick(['unsubscribe', 'weekly', 'resubscribe'])), _csrf: csrf };
    case 'resend':
      return { token: field(r, r.pick(t.tokens.confirm)), _csrf: csrf };
    case 'admin':
      return { _csrf: field(r, 'x'), name: 'job', data: hostileValue(r, 2) };
    default:
      return Object.fromEntries(Array.from({ length: r.int(3) }, () => [r.pick(['email', 'topics', 'x']), hostileValue(r, 2)]));
  }
}

function papers(r: Random, n: number): unknown {
  const paper = () => ({
    id: field(r, `2611.${String(10000 + ((n * 7 + r.int(50)) % 90000))}`), title: field(r, `Fuzzed paper ${n}`), abstract: field(r, 'About reward models.'),
    authors: field(r, Array.from({ length: r.pick([1, 3, 101, 5000]) }, (_, i) => `Author ${i}`)), publishedAt: field(r, '2026-11-20'),
    upvotes: field(r, r.pick([0, 5, 2 ** 31, -1])), organization: field(r, r.pick(['Lab', 'x'.repeat(2000), { name: 'HF' }])), keywords: field(r, ['rl']),
  });
  const list = Array.from({ length: 1 + r.int(4) }, paper);
  return r.pick([list, { papers: list }, list[0]]);
}

function encodeForm(values: Record<string, unknown>, r: Random): string {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) pairs.push(`${percentEncode(k)}=${percentEncode(typeof item === 'string' ? item : JSON.stringify(item) ?? '')}`);
  }
  if (r.chance(0.05)) for (let i = 0; i < 150; i++) pairs.push(`f${i}=1`);
  if (r.chance(0.05)) pairs.push('topics%5Ba%5D%5Bb%5D=x');
  return pairs.join('&') + r.pick(['', '', '', '&%', '&a=%ff', '&=&&']);
}

function body(r: Random, kind: BodyKind, t: FuzzTargets, n: number, headers: Record<string, string>): Buffer {
  const shape = r.int(20);
  const values = kind === 'papers' ? papers(r, n) : fields(r, kind, t, n);
  let text: string;
  if (shape < 9 && kind !== 'papers') {
    text = encodeForm(values as Record<string, unknown>, r);
    headers['content-type'] = r.pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'application/x-www-form-urlencoded; charset=koi8-r', 'application/x-www-form-urlencoded; charset=utf-16']);
  } else if (shape < 17) {
    text = JSON.stringify(values);
    headers['content-type'] = r.pick(['application/json', 'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-7', 'application/vnd.api+json', 'text/json']);
  } else if (shape === 17) {
    text = r.pick(['{"email": ', '{', 'null', '[]', '"text"', '1e999', '{"__proto__": {"polluted": 1}}', '\ufeff{}', '{"a":1,"a":2}', deepJson(r.pick([100, 3000, 20_000]))]);
    headers['content-type'] = 'application/json';
  } else {
    text = r.pick(['List-Unsubscribe=One-Click', '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--', '\u0000\u0001binary', hostileText(r)]);
    headers['content-type'] = r.pick(['text/plain', 'multipart/form-data; boundary=b', 'multipart/form-data', 'application/octet-stream', 'garbage/', ';;;']);
  }
  let bytes = Buffer.from(text, 'utf8');
  const encoding = r.pick([undefined, undefined, undefined, undefined, undefined, 'gzip', 'gzip-bad', 'deflate', 'br', 'identity', 'x-unknown', 'gzip, gzip']);
  if (encoding === 'gzip') bytes = gzipSync(bytes);
  else if (encoding === 'deflate') bytes = deflateSync(bytes);
  if (encoding) headers['content-encoding'] = encoding === 'gzip-bad' ? 'gzip' : encoding;
  if (r.chance(0.02)) bytes = Buffer.alloc(2_000_000, 'a');
  return bytes;
}

export function generateRequest(r: Random, t: FuzzTargets, n: number): FuzzRequest {
  const endpoint = r.pick(endpoints(r, t));
  const method = r.chance(0.85) ? r.pick(endpoint.methods) : r.pick(ANY_METHOD);
  const headers: Record<string, string> = {
    accept: r.pick(['text/html', 'application/json', 'application/json', '*/*', 'text/html,application/json', 'image/png', '']),
    'x-forwarded-for': `10.${r.int(256)}.${r.int(256)}.${r.int(256)}`,
  };
  const c = cookie(r, t);
  if (c) headers.cookie = c;
  const admin = endpoint.path.startsWith('/admin') || endpoint.path.startsWith('/api/') || endpoint.path === '/metrics';
  if (r.chance(admin ? 0.8 : 0.1)) headers.authorization = r.chance(0.8) ? t.adminAuth : r.pick(['Basic Zm9vOmJhcg==', 'Basic %%%', 'Bearer x', `Basic ${'A'.repeat(10_000)}`, 'Basic OmhlbGxv', 'Basic \u00ff']);
  if (r.chance(0.3)) headers['sec-fetch-site'] = r.pick(['same-origin', 'same-origin', 'cross-site', 'none', 'same-site', 'bogus']);
  if (r.chance(0.2)) headers.origin = r.pick(['null', 'https://evil.example', 'http://127.0.0.1', '%ff']);
  if (r.chance(0.1)) headers.referer = r.pick(['https://evil.example/', 'not a url', 'http://127.0.0.1/admin']);
  if (r.chance(0.1)) headers['x-request-id'] = r.pick(['ok-1', 'x'.repeat(300), 'a b', '\u00e9']);
  const withBody = method !== 'GET' && method !== 'HEAD' && r.chance(0.95);
  return { method, path: `${endpoint.path}${query(r)}`, headers, body: withBody ? body(r, endpoint.body, t, n, headers) : undefined };
}

export interface FuzzAnswer {
  status: number;
  error?: string;
}

/** Sends one request; a network error or no answer within the timeout counts as status 0. */
export function send(baseUrl: URL, agent: Agent, req: FuzzRequest, timeoutMs = 15_000): Promise<FuzzAnswer> {
  return new Promise((resolve) => {
    const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    const outgoing = request({ host: baseUrl.hostname, port: baseUrl.port, method: req.method, path: req.path, headers, agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? 0, error: error.message }));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in time')));
    // The server may answer (413, 401) and close before reading a large body: that is an answer.
    outgoing.on('error', (error) => resolve({ status: 0, error: error.message }));
    outgoing.end(req.body);
  });
}
