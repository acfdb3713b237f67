// What the fuzz test aims at: every public route with the methods it answers, and bodies that
// look like what each route expects with some fields replaced by hostile values (so requests
// get past the front door into the app's logic, not only its parsers).
import { createHmac } from 'node:crypto';
import { hostileEmail, hostileText, hostileToken, hostileValue, percentEncode, type Random } from './hostile-values';

export interface FuzzTargets {
  /** Valid link tokens by purpose (the generator mutates them too). */
  tokens: { confirm: string[]; manage: string[]; unsubscribe: string[]; vote: string[]; topic: string[] };
  adminAuth: string;
  csrfCookie: string;
  csrfField: string;
  /** The bounce webhooks' secrets, so some requests get past their checks into the parsing. */
  bounces: {
    postmarkAuth: string;
    mailgunKey: string;
    sesTopic: string;
    sendgridSign(body: Buffer): Record<string, string>;
  };
}

export const ANY_METHOD = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];

export type BodyKind =
  | 'subscribe'
  | 'preferences'
  | 'wipe'
  | 'unsubscribe'
  | 'resend'
  | 'papers'
  | 'admin'
  | 'bounce'
  | 'vote'
  | 'topic'
  | 'none';
export interface Endpoint {
  path: string;
  methods: string[];
  body: BodyKind;
}

/** Every public route, with the methods it answers and what its body looks like. */
export function endpoints(r: Random, t: FuzzTargets): Endpoint[] {
  const tok = (purpose: keyof FuzzTargets['tokens']) => hostileToken(r, t.tokens[purpose]);
  const get = (path: string): Endpoint => ({ path, methods: ['GET'], body: 'none' });
  return [
    get('/'),
    get('/healthz'),
    get('/readyz'),
    get('/subscribe/challenge'),
    get('/subscribe/preview'),
    get('/subscribe/sent'),
    { path: '/subscribe', methods: ['POST'], body: 'subscribe' },
    { path: '/subscribe', methods: ['POST'], body: 'subscribe' },
    { path: '/subscribe', methods: ['POST'], body: 'subscribe' },
    { path: '/subscribe', methods: ['POST'], body: 'subscribe' },
    { path: `/confirm/${tok('confirm')}`, methods: ['GET', 'POST'], body: 'none' },
    { path: '/confirm/resend', methods: ['POST'], body: 'resend' },
    { path: `/manage/${tok('manage')}`, methods: ['GET', 'POST'], body: 'preferences' },
    { path: `/manage/${tok('manage')}`, methods: ['POST'], body: 'preferences' },
    get(`/manage/${tok('manage')}/export`),
    { path: `/manage/${tok('manage')}/wipe`, methods: ['POST'], body: 'wipe' },
    { path: `/manage/${tok('manage')}/status`, methods: ['POST'], body: 'unsubscribe' },
    { path: `/unsubscribe/${tok('unsubscribe')}`, methods: ['GET', 'POST'], body: 'unsubscribe' },
    {
      path: `/vote/${tok('vote')}?v=${percentEncode(r.pick(['more', 'less', 'none', 'x', '', hostileText(r)]))}`,
      methods: ['GET', 'POST'],
      body: 'vote',
    },
    {
      path: `/topic/${tok('topic')}?do=${percentEncode(r.pick(['fewer', 'mute', 'normal', 'x', '', hostileText(r)]))}`,
      methods: ['GET', 'POST'],
      body: 'topic',
    },
    { path: `/manage/${tok('manage')}/topic-setting`, methods: ['POST'], body: 'topic' },
    { path: `/manage/${tok('manage')}/votes/forget`, methods: ['POST'], body: 'wipe' },
    get('/admin'),
    get(`/admin/readers?q=${percentEncode(hostileEmail(r, r.int(4)))}`),
    {
      path: `/admin/readers/${r.pick(['1', '0', '-1', 'x', '%ff', '1e400', '99999999999'])}/${r.pick(['unsubscribe', 'resend-confirmation', 'wipe', 'x', '%ff'])}`,
      methods: ['POST'],
      body: 'admin',
    },
    { path: `/admin/send/${r.pick(['pause', 'resume', '%ff', 'x'])}`, methods: ['POST'], body: 'admin' },
    get('/admin/queues'),
    get('/admin/queues/api/queues'),
    { path: '/admin/queues/api/queues/ingest/add', methods: ['POST'], body: 'admin' },
    { path: '/admin/queues/api/queues/ingest/retry/failed', methods: ['PUT'], body: 'admin' },
    { path: '/api/papers', methods: ['POST'], body: 'papers' },
    { path: '/api/papers', methods: ['POST'], body: 'papers' },
    {
      path: `/webhooks/bounces/${r.pick(['ses', 'postmark', 'sendgrid', 'mailgun'])}`,
      methods: ['POST'],
      body: 'bounce',
    },
    {
      path: `/webhooks/bounces/${r.pick(['ses', 'postmark', 'sendgrid', 'mailgun', 'x', '%ff', ''])}`,
      methods: ['POST'],
      body: 'bounce',
    },
    get('/metrics'),
    get('/dev/mailbox'),
    get(`/dev/mailbox/${r.pick(['1', '-1', '1e400', 'x', '%ff'])}`),
    get('/dev/mailbox.json'),
    get('/static/subscribe.js'),
    get('/static/%2e%2e/package.json'),
    get('/static/..%2f..%2fpackage.json'),
    get('/%ff'),
    get('/nowhere'),
    get('//double'),
  ];
}

export function query(r: Random): string {
  if (!r.chance(0.3)) return '';
  return `?${r.pick(['topics=reward+models', 'topics=', 'topics=%ff', 'done=saved', 'fresh=1', 'topics=a%00b', 'topics=%ED%A0%80', `topics=${percentEncode(hostileText(r).slice(0, 3000))}`, 'x[y][z]=1&x=2', 'topics[]=a&topics[]=b'])}`;
}

export function cookie(r: Random, t: FuzzTargets): string | undefined {
  if (r.chance(0.6)) return t.csrfCookie;
  return r.pick([
    undefined,
    'pb_csrf=%',
    'pb_csrf=%E0%A4%A; pb_csrf=%',
    `pb_csrf=${'a'.repeat(5000)}`,
    '=;=;;',
    'pb_csrf',
    `${t.csrfCookie}; other=%%`,
    'pb_csrf="quoted"',
  ]);
}

/** A field's value: usually plausible, sometimes hostile. */
function field(r: Random, plausible: unknown): unknown {
  return r.chance(0.75) ? plausible : r.chance(0.6) ? hostileText(r) : hostileValue(r, 1);
}

const TOPICS = [
  'reward models',
  'RLHF',
  'diffusion models',
  'graph neural networks',
  '"state space" models',
  'LLM -chatbot',
  'vision OR speech',
];

/** The fields an endpoint expects, each possibly replaced by something hostile. */
export function fields(r: Random, kind: BodyKind, t: FuzzTargets, n: number): Record<string, unknown> {
  const topics = () =>
    field(
      r,
      Array.from({ length: 1 + r.int(4) }, () => (r.chance(0.85) ? r.pick(TOPICS) : hostileText(r))),
    );
  const csrf = r.chance(0.85) ? t.csrfField : hostileText(r);
  switch (kind) {
    case 'subscribe':
      return {
        email: r.chance(0.7) ? `fuzz${n}@example.org` : hostileEmail(r, n),
        topics: topics(),
        frequency: field(r, r.pick(['daily', 'weekly'])),
        timezone: field(r, r.pick(['UTC', 'Europe/Paris', 'America/New_York'])),
        digestMode: field(r, r.pick([undefined, 'trending', 'topics', 'topics_trending'])),
        _csrf: csrf,
      };
    case 'preferences':
      return {
        topics: topics(),
        frequency: field(r, 'weekly'),
        timezone: field(r, 'Asia/Tokyo'),
        digestHour: field(r, String(r.int(24))),
        digestWeekday: field(r, String(1 + r.int(7))),
        digestMode: field(r, 'topics'),
        pauseField: '1',
        paused: field(r, r.pick(['on', undefined])),
        _csrf: csrf,
      };
    case 'wipe':
      return { confirm: field(r, 'yes'), _csrf: csrf };
    case 'unsubscribe':
      return r.chance(0.3)
        ? { 'List-Unsubscribe': field(r, 'One-Click') }
        : { action: field(r, r.pick(['unsubscribe', 'weekly', 'resubscribe'])), _csrf: csrf };
    case 'vote':
      return { v: field(r, r.pick(['more', 'less', 'none'])), _csrf: csrf };
    case 'topic':
      return { do: field(r, r.pick(['fewer', 'mute', 'normal'])), key: field(r, 'reward models'), _csrf: csrf };
    case 'resend':
      return { token: field(r, r.pick(t.tokens.confirm)), _csrf: csrf };
    case 'admin':
      return { _csrf: field(r, 'x'), name: 'job', data: hostileValue(r, 2) };
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(3) }, () => [r.pick(['email', 'topics', 'x']), hostileValue(r, 2)]),
      );
  }
}

export function papers(r: Random, n: number): unknown {
  const paper = () => ({
    id: field(r, `2611.${String(10000 + ((n * 7 + r.int(50)) % 90000))}`),
    title: field(r, `Fuzzed paper ${n}`),
    abstract: field(r, 'About reward models.'),
    authors: field(
      r,
      Array.from({ length: r.pick([1, 3, 101, 5000]) }, (_, i) => `Author ${i}`),
    ),
    publishedAt: field(r, '2026-11-20'),
    upvotes: field(r, r.pick([0, 5, 2 ** 31, -1])),
    organization: field(r, r.pick(['Lab', 'x'.repeat(2000), { name: 'HF' }])),
    keywords: field(r, ['rl']),
  });
  const list = Array.from({ length: 1 + r.int(4) }, paper);
  return r.pick([list, { papers: list }, list[0]]);
}

/** A relay's bounce notification (any of the four), with some fields replaced by hostile values. */
export function bounce(r: Random, t: FuzzTargets, n: number): unknown {
  const email = () => field(r, r.chance(0.8) ? `bounced${n}@example.org` : hostileEmail(r, n));
  switch (r.int(4)) {
    case 0:
      return {
        Type: field(r, r.pick(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation'])),
        MessageId: field(r, `m-${n}`),
        TopicArn: field(r, t.bounces.sesTopic),
        Message: field(
          r,
          JSON.stringify({
            notificationType: field(r, r.pick(['Bounce', 'Complaint', 'Delivery'])),
            bounce: { bounceType: field(r, 'Permanent'), bouncedRecipients: [{ emailAddress: email() }] },
          }),
        ),
        Timestamp: field(r, '2026-12-06T10:00:00.000Z'),
        SignatureVersion: field(r, r.pick(['1', '2', '3'])),
        Signature: field(r, 'AAAA'),
        SigningCertURL: field(
          r,
          r.pick(['https://sns.us-east-1.amazonaws.com/x.pem', 'http://127.0.0.1:1/x.pem', 'file:///etc/passwd']),
        ),
        SubscribeURL: field(r, 'https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription'),
      };
    case 1:
      return {
        RecordType: field(r, r.pick(['Bounce', 'SpamComplaint', 'Delivery'])),
        ID: field(r, n),
        Type: field(r, r.pick(['HardBounce', 'SoftBounce', 'SpamComplaint'])),
        Email: email(),
        BouncedAt: field(r, '2026-12-06T10:00:00Z'),
      };
    case 2:
      return Array.from({ length: 1 + r.int(3) }, (_, i) => ({
        email: email(),
        event: field(r, r.pick(['bounce', 'spamreport', 'delivered'])),
        type: field(r, r.pick(['bounce', 'blocked'])),
        sg_event_id: field(r, `sg-${n}-${i}`),
        timestamp: field(r, 1796551262),
      }));
    default: {
      const timestamp = String(1796551262 + n);
      const token = `token-${n}`;
      const signature = createHmac('sha256', t.bounces.mailgunKey)
        .update(timestamp + token)
        .digest('hex');
      return {
        signature: field(r, { timestamp, token, signature }),
        'event-data': field(r, {
          event: field(r, r.pick(['failed', 'complained', 'delivered'])),
          id: field(r, `mg-${n}`),
          severity: field(r, r.pick(['permanent', 'temporary'])),
          recipient: email(),
          timestamp: field(r, 1796551262.5),
        }),
      };
    }
  }
}
